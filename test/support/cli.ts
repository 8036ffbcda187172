/**
 * Runs the command line as a user does: a child process of `node`, with its own environment,
 * standard input and exit status.
 *
 * The child runs `src/cli/main.ts` bundled by esbuild (with the packages left as imports), not
 * through tsx: tsx takes about a second to start the command line, the bundle a quarter of
 * that, and the suite starts it well over a hundred times. The bundle is written inside the
 * repository (under `node_modules/.cache`), so that it finds the package's specs and
 * dependencies as the built command does. `{ tsx: true }` runs the source instead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach } from 'vitest';

import { type CountingServer, startCountingServer } from './counting-server.ts';

const root = resolve(import.meta.dirname, '..', '..');
const MAIN = resolve(root, 'src', 'cli', 'main.ts');

const BUNDLES = join(root, 'node_modules', '.cache', 'd1-accounts-cli-tests');

// A bundle this old is left over from an earlier run of the tests.
const STALE_MS = 60 * 60 * 1000;

let bundled: Promise<string> | undefined;

/**
 * The bundled command line, built once per worker. Its file is named by a hash of its text, so
 * that workers that build the same code share one file and none removes another's; it is
 * written under a temporary name and renamed, so that no worker runs a half-written one.
 */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    const result = await build({
      entryPoints: [MAIN],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      write: false,
    });
    const code = result.outputFiles[0]!.contents;
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    const outfile = join(BUNDLES, `main-${hash}.mjs`);
    await mkdir(BUNDLES, { recursive: true });
    if (!existsSync(outfile)) {
      const temporary = `${outfile}.${process.pid}.${threadId}.tmp`;
      await writeFile(temporary, code);
      await rename(temporary, outfile);
    }
    for (const name of await readdir(BUNDLES)) {
      const path = join(BUNDLES, name);
      const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
      if (path !== outfile && Date.now() - mtimeMs > STALE_MS) {
        await rm(path, { force: true });
      }
    }
    return outfile;
  })();
  return bundled;
}

/** How a run ended and what it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli} and {@link spawnCli}. */
export interface CliOptions {
  /** Variables over a clean environment (no `D1_*` of the test's own). */
  env?: Record<string, string | undefined>;
  /** Written to standard input, which is then closed. */
  stdin?: string;
  cwd?: string;
  /** Runs `src/cli/main.ts` through tsx rather than the bundle. */
  tsx?: boolean;
}

/** A running command line. */
export interface CliProcess {
  child: ChildProcess;
  /** What it has printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when it has exited. */
  exited: Promise<CliResult>;
}

/** The command (`node` and its arguments) that runs the command line, for another launcher. */
export async function cliCommand(): Promise<string[]> {
  return [process.execPath, await bundle()];
}

/** Starts the command line with `args`. */
export async function spawnCli(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliProcess> {
  const entry = options.tsx ? ['--import', 'tsx', MAIN] : [await bundle()];
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('D1_') && !/^npm_/i.test(name)) {
      env[name] ??= value;
    }
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) {
      delete env[name];
    } else {
      env[name] = value;
    }
  }
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: options.cwd ?? root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(options.stdin ?? '');
  const exited = new Promise<CliResult>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Runs the command line with `args` to its end. */
export async function runCli(
  args: readonly string[],
  options: CliOptions = {},
): Promise<CliResult> {
  return (await spawnCli(args, options)).exited;
}

/** The JSON lines of a `--json` run's standard output. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A valid registration CSV of `count` rows, accounts `${prefix}-1`, `${prefix}-2`... */
export function registrationCsv(count: number, prefix: string): string {
  const lines = ['issuerId,accountId,consumerId,state'];
  for (let index = 1; index <= count; index++) {
    lines.push(
      `FRBANK0042,${prefix}-${index},consumer-${index},${index % 3 ? 'ACTIVE' : 'INACTIVE'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A valid deletion NDJSON of `count` rows, accounts `${prefix}-1`, `${prefix}-2`... */
export function deletionNdjson(count: number, prefix: string): string {
  const lines: string[] = [];
  for (let index = 1; index <= count; index++) {
    lines.push(
      JSON.stringify({
        issuerId: 'FRBANK0042',
        accountId: `${prefix}-${index}`,
        reason: 'legacy account closed',
        reasonCode: 'ISSUER_DECISION',
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What {@link cliWorkspace} gives a test file. */
export interface CliWorkspace {
  /** A temporary folder for inputs, journals and reports, removed after the file's tests. */
  readonly folder: string;
  /** A counting server, answering 204 and with no request recorded at the start of each test. */
  readonly server: CountingServer;
}

/**
 * A temporary folder and a counting server for the tests of one file: made before them,
 * removed after them, and the server reset to answering 204 before each test.
 */
export function cliWorkspace(name: string): CliWorkspace {
  const workspace = {} as { folder: string; server: CountingServer };
  beforeAll(async () => {
    workspace.folder = await mkdtemp(join(tmpdir(), `d1-accounts-${name}-`));
    workspace.server = await startCountingServer();
  });
  afterAll(async () => {
    await workspace.server.close();
    await rm(workspace.folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    workspace.server.answerWith(() => ({ status: 204 }));
    workspace.server.reset();
  });
  return workspace;
}
