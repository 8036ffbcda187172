/**
 * How the command line ends: its exit statuses, and the error that carries one up to `main`.
 */
import { D1AuthError } from '../errors/D1AuthError.ts';
import { D1UnauthorizedError } from '../errors/D1ApiError.ts';
import { D1ConfigurationError } from '../errors/D1ConfigurationError.ts';
import { D1ValidationError } from '../errors/D1ValidationError.ts';

/** The exit statuses, documented in the README and in `--help`. */
export const EXIT = {
  /** Every item succeeded (a delete of an account already gone counts as success). */
  ok: 0,
  /** Some items failed, were invalid, or conflicted with another row for the same account. */
  someFailed: 1,
  /** Bad usage, or an input that cannot be read as a whole: nothing was sent. */
  usage: 2,
  /** Configuration, credentials or authentication: nothing more is sent until it is fixed. */
  configuration: 3,
  /** Interrupted by Ctrl-C (SIGINT), as shells report a process ended by that signal. */
  interrupted: 130,
  /** Stopped by SIGTERM, likewise. */
  terminated: 143,
} as const;

/** An exit status. */
export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure that ends the command with `status` and a message for the operator. Thrown from
 * anywhere in the command line; `main` prints the message and exits.
 */
export class ExitError extends Error {
  override name = 'ExitError';
  /** The exit status to end with. */
  readonly status: ExitStatus;

  constructor(status: ExitStatus, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/** A usage error: exit status 2. */
export function usageError(message: string): ExitError {
  return new ExitError(EXIT.usage, message);
}

/** A configuration or credentials error: exit status 3. */
export function configurationError(message: string, cause?: unknown): ExitError {
  return new ExitError(EXIT.configuration, message, { cause });
}

/**
 * Whether an error of the client means that no further call can succeed until the operator
 * changes the configuration: no token, a refused token, options that cannot work.
 */
export function isConfigurationFailure(error: unknown): boolean {
  return (
    error instanceof D1AuthError ||
    error instanceof D1UnauthorizedError ||
    error instanceof D1ConfigurationError
  );
}

/** The exit status for an error thrown by a single call of the client. */
export function exitStatusOf(error: unknown): ExitStatus {
  if (error instanceof ExitError) {
    return error.status;
  }
  if (error instanceof D1ValidationError) {
    return EXIT.usage;
  }
  if (isConfigurationFailure(error)) {
    return EXIT.configuration;
  }
  return EXIT.someFailed;
}
