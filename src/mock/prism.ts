/**
 * Starts a Prism mock of a spec of this package on a loopback port and stops it again. Used by
 * the command line's `mock`, by the tests' global setup, by `npm start` and by `npm run mock`.
 *
 * Prism (`@stoplight/prism-cli`) is an optional peer dependency of the published package: it is
 * looked for only when a mock is started, and its absence is a {@link PrismNotInstalledError}.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

import { packageRoot } from '../internal/package-root.ts';

const root = packageRoot();

/** The accounts spec that the package bundles. */
export const ACCOUNTS_SPEC = join(root, 'openapi', 'd1-accounts.yaml');

/** The token endpoint's spec that the package bundles. */
export const OAUTH_SPEC = join(root, 'openapi', 'd1-oauth.yaml');

/** A running Prism mock. */
export interface PrismMock {
  /** The mock's base URL, such as `http://127.0.0.1:43123`. */
  url: string;
  /** Everything Prism printed, for a failing test to show. */
  output(): string;
  /** Stops Prism and waits until its process has exited. */
  stop(): Promise<void>;
}

/** Options of {@link startPrism}. */
export interface StartPrismOptions {
  /** The spec to serve (default: the accounts spec). */
  spec?: string;
  /** The port to listen on (default: a free one). */
  port?: number;
  /** How long to wait for Prism to answer, in milliseconds (default 60 s). */
  startTimeoutMs?: number;
}

/**
 * Prism is not installed where this package is: it is an optional peer dependency, needed only
 * for the mock. The message says how to install it.
 */
export class PrismNotInstalledError extends Error {
  override name = 'PrismNotInstalledError';

  constructor() {
    super(
      'the mock needs Prism, an optional peer dependency of d1-accounts that is not installed: ' +
        'install it next to d1-accounts with `npm install --save-dev @stoplight/prism-cli@5`',
    );
  }
}

// Prism starts in a few seconds here; a loaded CI machine can take several times that.
const DEFAULT_START_TIMEOUT_MS = 60_000;

/** Starts Prism and resolves once it answers HTTP on its port. */
export async function startPrism(options: StartPrismOptions = {}): Promise<PrismMock> {
  const spec = resolve(options.spec ?? ACCOUNTS_SPEC);
  const cli = prismCli();
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [cli, 'mock', '--host', '127.0.0.1', '--port', String(port), spec],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // a process that dies must not leave Prism behind
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await terminate(child);
  };

  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw new Error(`Prism did not start on ${url}: ${(error as Error).message}\n${output}`);
  }
  return { url, output: () => output, stop };
}

/** The path of Prism's command line script, resolved from where this package is installed. */
function prismCli(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new PrismNotInstalledError();
  }
  return join(dirname(packageJson), 'dist', 'index.js');
}

/** A port that was free a moment ago: the kernel picks it, then it is released for Prism. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') {
          resolvePort(address.port);
        } else {
          reject(new Error('no port was assigned'));
        }
      });
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Prism exited (${child.exitCode ?? child.signalCode})`);
    }
    try {
      // any HTTP answer at all (Prism says 404 for `/`) means it is listening
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((wake) => setTimeout(wake, 200));
    }
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
