/** The logger the client writes to, and the masking of what must never reach it. */

/** Anything with these four methods: `console`, pino, winston, bunyan... */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The least severe level that is written; `silent` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** A function that writes one line at a level, or drops it below the configured level. */
export type LogFunction = (level: Exclude<LogLevel, 'silent'>, line: () => string) => void;

/**
 * A writer for `logger` at `level`. Lines are built only when they will be written, so that a
 * client without a logger (the default) pays nothing for them.
 */
export function createLog(logger: Logger | undefined, level: LogLevel = 'info'): LogFunction {
  if (logger === undefined || level === 'silent') {
    return () => undefined;
  }
  const threshold = SEVERITY[level];
  return (lineLevel, line) => {
    if (SEVERITY[lineLevel] >= threshold) {
      logger[lineLevel](`d1-accounts: ${line()}`);
    }
  };
}

// Headers whose values are credentials: their values never appear in a log line.
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

/** `name: value` pairs of `headers` for a debug line, with credential values masked. */
export function maskedHeaders(headers: Headers): string {
  const pairs: string[] = [];
  headers.forEach((value, name) => {
    if (SECRET_HEADERS.has(name)) {
      const scheme = /^\w+ /.exec(value)?.[0] ?? '';
      pairs.push(`${name}: ${scheme}***`);
    } else {
      pairs.push(`${name}: ${value}`);
    }
  });
  return pairs.join(', ');
}
