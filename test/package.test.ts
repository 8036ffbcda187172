/**
 * Smoke test of the npm package as a user gets it: packs it, lints the tarball with publint and
 * attw, installs it into a fresh project next to TypeScript, type-checks the consumers of
 * test/fixtures/consumer there (an ES module and a CommonJS one that must compile, and one that
 * must not), then runs the two that compile, the ES module against the Prism mock.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';

// the spec's servers, which the package re-exports as they are
import { servers } from '../generated/d1-accounts.runtime.ts';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures', 'consumer');

// Packing and building take seconds; `npm install` takes a few more with a warm cache and up to
// a minute or so when it has to download TypeScript and @types/node.
const SETUP_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 60_000;

// What the consumer's project installs besides the tarball: the versions this project builds
// with, so that a failure here is the package's and not a newer compiler's.
const CONSUMER_DEPENDENCIES = ['typescript@5.9.3', '@types/node@20.19.43'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The files `npm pack --json` reports for the tarball. */
interface PackReport {
  filename: string;
  size: number;
  files: { path: string }[];
}

let workDir: string;
let tarball: string;
let packed: PackReport;
let project: string;

beforeAll(async () => {
  await buildIfStale();
  workDir = await realpath(await mkdtemp(join(tmpdir(), 'd1-accounts-package-')));

  // pack
  const packDir = join(workDir, 'pack');
  await mkdir(packDir);
  const pack = await run('npm', ['pack', '--json', '--pack-destination', packDir], root);
  expect(pack.code, pack.output).toBe(0);
  [packed] = JSON.parse(pack.stdout) as [PackReport];
  tarball = join(packDir, packed.filename);

  // install into a fresh project
  project = join(workDir, 'consumer');
  await cp(fixtures, project, { recursive: true });
  const install = await run(
    'npm',
    ['install', tarball, ...CONSUMER_DEPENDENCIES, '--no-audit', '--no-fund', '--prefer-offline'],
    project,
  );
  expect(install.code, install.output).toBe(0);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (workDir !== undefined) {
    await rm(workDir, { recursive: true, force: true });
  }
});

describe('the packed package', () => {
  test('holds the build, the specs, the license and the manifest, and nothing else', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'package.json',
        'dist/index.js',
        'dist/cli.js',
        'dist/src/index.d.ts',
        'openapi/d1-accounts.yaml',
      ]),
    );
    const unexpected = paths.filter(
      (path) =>
        !/^(?:dist\/(?:index|cli)\.js|dist\/.+\.d\.ts|openapi\/.+\.yaml|LICENSE|README\.md|package\.json)$/.test(
          path,
        ),
    );
    expect(unexpected).toEqual([]);
  });

  test('passes publint --strict', { timeout: STEP_TIMEOUT_MS }, async () => {
    const result = await run(bin('publint'), ['run', tarball, '--strict'], root);
    expect(result.code, result.output).toBe(0);
  });

  test('passes attw with the esm-only profile', { timeout: STEP_TIMEOUT_MS }, async () => {
    // The package is ESM only. attw's default profile fails it on "node16 (from CJS)": under
    // `module: node16` TypeScript refuses require() of an ES module (TS1471). Node >= 20.19,
    // this package's engines, does require() it, and so does TypeScript >= 5.8 under
    // `module: nodenext`: the CommonJS consumer below is checked and run that way. The esm-only
    // profile leaves out only the node10 and node16-cjs resolutions; node16-esm and bundler
    // are still checked.
    const result = await run(bin('attw'), [tarball, '--profile', 'esm-only'], root);
    expect(result.code, result.output).toBe(0);
  });
});

describe('a TypeScript consumer of the installed package', () => {
  test('type-checks with strict settings', { timeout: STEP_TIMEOUT_MS }, async () => {
    // libraries included: the package's declarations must compile without skipLibCheck
    const result = await tsc(['-p', 'tsconfig.json']);
    expect(result.code, result.output).toBe(0);
  });

  test(
    'is refused with an account state the spec does not have',
    { timeout: STEP_TIMEOUT_MS },
    async () => {
      const source = await readFile(join(fixtures, 'wrong-state.ts'), 'utf8');
      const line = source.split('\n').findIndex((text) => text.includes(`state: 'ACTIVE_'`)) + 1;
      expect(line, 'wrong-state.ts has no `ACTIVE_` line').toBeGreaterThan(0);

      // the libraries are the previous test's business; this one is about one line
      const result = await tsc(['-p', 'tsconfig.wrong-state.json', '--skipLibCheck']);
      expect(result.code, result.output).not.toBe(0);

      // One error and only one, on the state line: the rest of the file is valid. For a value
      // this close to a member of the union TypeScript says TS2820, which is TS2322 ("is not
      // assignable") with a "Did you mean"; either code means the enum reached the declarations.
      const errors = result.stdout.split('\n').filter((text) => text.includes(': error TS'));
      expect(errors, result.output).toHaveLength(1);
      expect(errors[0]).toMatch(
        new RegExp(`^wrong-state\\.ts\\(${line},\\d+\\): error TS(2322|2820):`),
      );
      expect(errors[0]).toContain(`'"ACTIVE" | "INACTIVE"'`);
    },
  );

  test(
    'registers and deletes an account at the Prism mock',
    { timeout: STEP_TIMEOUT_MS },
    async () => {
      await compileConsumers();
      const result = await run(process.execPath, [join('build', 'consumer.js')], project, {
        D1_BASE_URL: inject('prismUrl'),
      });
      expect(result.code, result.output).toBe(0);

      const report = JSON.parse(lastLine(result.stdout));
      // objectContaining: a field the client adds to its result later must not fail this test
      const success = expect.objectContaining({
        status: 204,
        correlationId: expect.stringMatching(UUID),
      });
      expect(report.registered).toEqual(success);
      expect(report.deleted).toEqual(success);
      expect(report.notFound).toEqual({ status: 404, correlationId: expect.stringMatching(UUID) });
      expect(report.servers).toEqual(servers);
      expect(report.spec).toBe(pathToFileURL(installed('openapi', 'd1-accounts.yaml')).href);
    },
  );

  test('loads it with require() from CommonJS', { timeout: STEP_TIMEOUT_MS }, async () => {
    // why `"."` has a `default` condition and no `import`: Node >= 20.19 can require() it
    await compileConsumers();
    const result = await run(process.execPath, [join('build', 'commonjs.cjs')], project);
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(lastLine(result.stdout))).toEqual({
      registerAccount: 'function',
      d1ApiError: 'function',
      staging: servers.staging,
    });
  });
});

describe('the installed package', () => {
  test('exports its specs and hides its internals', async () => {
    const require = createRequire(join(project, 'package.json'));

    // every spec of the repository, through the `./openapi/*.yaml` pattern
    const specs = (await readdir(join(root, 'openapi'))).filter((name) => name.endsWith('.yaml'));
    expect(specs).toContain('d1-accounts.yaml');
    for (const name of specs) {
      const spec = require.resolve(`d1-accounts/openapi/${name}`);
      expect(spec).toBe(installed('openapi', name));
      expect(await readFile(spec, 'utf8')).toBe(
        await readFile(join(root, 'openapi', name), 'utf8'),
      );
    }

    expect(require.resolve('d1-accounts/package.json')).toBe(installed('package.json'));
    expect(() => require.resolve('d1-accounts/dist/index.js')).toThrow(/not defined by "exports"/);
  });

  test('installs the command line as a bin that runs', { timeout: STEP_TIMEOUT_MS }, async () => {
    const command = join(project, 'node_modules', '.bin', 'd1-accounts');

    const help = await run(command, ['bulk', 'register', '--help'], project);
    const invalid = await run(
      command,
      ['register', '--env', 'staging', '--issuer', 'FRBANK'],
      project,
    );

    expect(help.code, help.output).toBe(0);
    expect(help.output).toContain('Usage: d1-accounts bulk register');
    expect(invalid.code, invalid.output).toBe(2);
  });
});

let compiled: Promise<void> | undefined;

/** Compiles the consumers of `tsconfig.json` into the project's `build/`, once. */
function compileConsumers(): Promise<void> {
  compiled ??= (async () => {
    // the type-check test has checked the libraries already
    const result = await tsc(['-p', 'tsconfig.json', '--noEmit', 'false', '--skipLibCheck']);
    expect(result.code, result.output).toBe(0);
  })();
  return compiled;
}

/** The last line a child printed: the consumers' report, after anything Node warned about. */
function lastLine(stdout: string): string {
  return stdout.trim().split('\n').at(-1) ?? '';
}

/** Runs `npm run build` when `dist/` is missing or older than anything it is built from. */
async function buildIfStale(): Promise<void> {
  const built = await stat(join(root, 'dist', 'src', 'index.js')).catch(() => undefined);
  const inputs = ['src', 'generated', 'scripts/build.ts', 'tsconfig.build.json', 'tsconfig.json'];
  const newest = Math.max(...(await Promise.all(inputs.map((input) => newestChange(input)))));
  if (built !== undefined && built.mtimeMs >= newest) {
    return;
  }
  const result = await run('npm', ['run', 'build'], root);
  expect(result.code, result.output).toBe(0);
}

/** The latest modification time of a file, or of any file in a folder. */
async function newestChange(path: string): Promise<number> {
  const full = join(root, path);
  const info = await stat(full);
  if (!info.isDirectory()) {
    return info.mtimeMs;
  }
  const entries = await readdir(full, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(info.mtimeMs, ...times);
}

/** A path inside the package as installed in the consumer's project. */
function installed(...segments: string[]): string {
  return join(project, 'node_modules', 'd1-accounts', ...segments);
}

/** An executable of this project's dev dependencies. */
function bin(name: string): string {
  return join(root, 'node_modules', '.bin', name);
}

/** Runs the consumer project's own tsc, with messages in the plain `file(line,col)` form. */
function tsc(args: string[]): Promise<RunResult> {
  const compiler = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  return run(process.execPath, [compiler, ...args, '--pretty', 'false'], project);
}

/** What a child process printed, and how it ended. */
interface RunResult {
  code: number | null;
  stdout: string;
  /** stdout and stderr together, for a failed assertion to show. */
  output: string;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...childEnvironment(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      done({ code, stdout, output: `$ ${command} ${args.join(' ')}\n${output}` }),
    );
  });
}

/**
 * This process's environment without npm's own variables. Under `npm test` they describe this
 * repository (its prefix, its package, the running script), and an `npm install` in the
 * consumer's project would read some of them as its configuration.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD') {
      env[name] ??= value;
    }
  }
  return env;
}
