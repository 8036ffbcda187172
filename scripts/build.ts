/**
 * Builds the npm package: removes `dist/`, writes the declarations of `src/` and `generated/`
 * with `tsc -p tsconfig.build.json` under `dist/src/` and `dist/generated/`, bundles the
 * JavaScript of each entry point with esbuild into one ES module (`dist/index.js` for the
 * client, `dist/cli.js` for the command line), checks that the declarations compile for a
 * strict consumer, and lists what was written.
 *
 * One file per entry point rather than one per source file: Node resolves and loads each module
 * of a package on import, and for some thirty small files that took three times as long as the
 * same code in one. The packages it depends on stay imports of their own, so that jose and
 * undici are still loaded only when the token flow or mutual TLS is used.
 *
 * Usage: tsx scripts/build.ts
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

import { buildSync } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** Where the build writes; `package.json`'s `exports` points into it. */
export const DIST = join(root, 'dist');

/** The entry point that `package.json`'s `"."` export names. */
export const ENTRY_POINT = join(DIST, 'index.js');

/** The command line, `package.json`'s `bin`. */
export const CLI_ENTRY_POINT = join(DIST, 'cli.js');

/** The declarations of the entry point, `package.json`'s `types`. */
export const ENTRY_TYPES = join(DIST, 'src', 'index.d.ts');

/** Removes `dist/` and builds the package into it; throws on any failing step. */
export function build(): string[] {
  // a file whose source was deleted or renamed must not survive in the package
  rmSync(DIST, { recursive: true, force: true });

  // declarations
  runTsc(['-p', join(root, 'tsconfig.build.json')], 'tsc -p tsconfig.build.json');

  // one bundle per entry point; the command line keeps its #! line
  buildSync({
    entryPoints: { index: join(root, 'src', 'index.ts'), cli: join(root, 'src', 'cli', 'main.ts') },
    outdir: DIST,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    logLevel: 'warning',
  });
  chmodSync(CLI_ENTRY_POINT, 0o755);

  for (const file of [ENTRY_POINT, CLI_ENTRY_POINT, ENTRY_TYPES]) {
    if (!existsSync(file)) {
      throw new Error(`the build wrote no ${relative(root, file)}`);
    }
  }

  const files = listFiles(DIST);

  // check the declarations as a strict consumer would, libraries included (no skipLibCheck)
  runTsc(
    [
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      'false',
      '--target',
      'ES2023',
      '--lib',
      'ES2023',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--types',
      'node',
      ENTRY_TYPES,
    ],
    'the declarations do not compile for a consumer that checks libraries',
  );
  return files;
}

function runTsc(args: string[], failure: string): void {
  // the project's own tsc, whatever `tsc` on the PATH may be
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${failure} (tsc exited with ${result.status ?? result.signal})`);
  }
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

// run as a script: build and say what was built
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  let files: string[];
  try {
    files = build();
  } catch (error) {
    // tsc has printed the details already; a stack trace of this script would only bury them
    console.error(`Build failed: ${(error as Error).message}`);
    process.exit(1);
  }
  let total = 0;
  for (const file of files) {
    const size = statSync(file).size;
    total += size;
    console.log(`${String(size).padStart(8)}  ${relative(root, file)}`);
  }
  console.log(`Built ${files.length} files (${(total / 1024).toFixed(1)} kB) into dist/`);
}
