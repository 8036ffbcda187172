/**
 * Section 5: the time to import the package in a fresh Node process, next to importing
 * openapi-fetch alone and to importing a built-in module, which is the floor: the first
 * `import()` of a process sets up the module loader, whatever it imports. Processes of the three
 * kinds take turns, one at a time, so that a slow spell of the machine touches all three.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { build } from 'esbuild';

import { bundleOptions, ROOT } from './bundle.ts';
import { rotate } from './load.ts';
import type { BenchContext, KeyFigure, Section } from './section.ts';
import { median, range } from './stats.ts';
import { formatNumber, formatRatio, printTable } from './table.ts';

/** The built package, as `package.json`'s `"."` export names it. */
const BUILT_ENTRY = join(ROOT, 'dist', 'index.js');

/** Processes of each kind: at least 10, so that the median is not one process's luck. */
const FULL = { processes: 15 };
const QUICK = { processes: 10 };

/** A kind of process: what it imports. */
interface Kind {
  label: string;
  url: string;
  importMs: number[];
  processMs: number[];
}

/** What a process reports: how long the import took. */
interface ProcessReport {
  importMs: number;
}

export const startup: Section = {
  name: 'startup',
  async run(context: BenchContext): Promise<KeyFigure[]> {
    const { processes } = context.quick ? QUICK : FULL;
    const target = await packageToImport();
    try {
      const kinds: Kind[] = [
        // already loaded by Node itself: what is left is the loader's own cost
        { label: 'node:path (built in: the floor)', url: 'node:path' },
        { label: 'openapi-fetch alone', url: import.meta.resolve('openapi-fetch') },
        { label: `d1-accounts (${target.what})`, url: target.url },
      ].map((kind) => ({ ...kind, importMs: [], processMs: [] }));

      for (let turn = 0; turn < processes; turn++) {
        for (const kind of rotate(kinds, turn)) {
          const started = performance.now();
          const report = runProcess(kind.url);
          kind.processMs.push(performance.now() - started);
          kind.importMs.push(report.importMs);
        }
      }

      const [floor, openapiFetch, pkg] = kinds as [Kind, Kind, Kind];
      const importRatio = median(pkg.importMs) / median(openapiFetch.importMs);
      const processRatio = median(pkg.processMs) / median(openapiFetch.processMs);
      const aboveFloor = (kind: Kind) => median(kind.importMs) - median(floor.importMs);
      printTable({
        title: `Start-up: a fresh Node process importing one module, ms (${processes} each)`,
        head: ['process', 'import', 'import min–max', 'whole process'],
        rows: kinds.map(({ label, importMs, processMs }) => {
          const { min, max } = range(importMs);
          return [
            label,
            formatNumber(median(importMs), 1),
            `${formatNumber(min, 1)}–${formatNumber(max, 1)}`,
            formatNumber(median(processMs), 1),
          ];
        }),
        notes: [
          'import: the `await import()` alone, timed inside the process; whole process: from',
          '  spawn to exit, as the runner saw it; medians',
          ...`d1-accounts: ${target.explanation}`.split('\n'),
          `ratios to openapi-fetch alone: import ${formatRatio(importRatio)} ` +
            `(above the floor ${formatRatio(aboveFloor(pkg) / aboveFloor(openapiFetch))}), ` +
            `whole process ${formatRatio(processRatio)}`,
        ],
      });

      return [
        {
          label: 'import time, d1-accounts / openapi-fetch alone',
          value: `${formatRatio(importRatio)} (${formatNumber(median(pkg.importMs), 1)} ms)`,
        },
      ];
    } finally {
      target.cleanUp();
    }
  },
};

/**
 * The built package when `dist/` has one; otherwise an esbuild bundle of `src/index.ts` in a
 * temporary folder, split at dynamic imports as the built package is, so that what it loads
 * only on first use is not loaded here either.
 */
async function packageToImport(): Promise<{
  url: string;
  what: string;
  explanation: string;
  cleanUp(): void;
}> {
  if (existsSync(BUILT_ENTRY)) {
    return {
      url: pathToFileURL(BUILT_ENTRY).href,
      what: 'dist/index.js',
      explanation: 'the built package, dist/index.js (npm run build)',
      cleanUp: () => undefined,
    };
  }
  const folder = mkdtempSync(join(tmpdir(), 'd1-accounts-bench-'));
  await build({
    ...bundleOptions(),
    splitting: true,
    outdir: folder,
    outExtension: { '.js': '.mjs' },
    // bundled CommonJS packages (undici) call require() for Node's modules; ESM has none
    banner: {
      js:
        "import { createRequire } from 'node:module'; " +
        'const require = createRequire(import.meta.url);',
    },
  });
  return {
    url: pathToFileURL(join(folder, 'index.mjs')).href,
    what: 'esbuild bundle',
    explanation:
      'dist/ is not built, so src/index.ts bundled by esbuild\n' +
      '  (esm, not minified, split at dynamic imports) into a temporary folder',
    cleanUp: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** Runs a fresh `node` that imports `url` and reports the import's time. */
function runProcess(url: string): ProcessReport {
  const script = [
    'const started = performance.now();',
    `await import(${JSON.stringify(url)});`,
    'process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));',
  ].join('\n');
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`a start-up process importing ${url} failed: ${result.stderr.trim()}`);
  }
  return JSON.parse(result.stdout) as ProcessReport;
}
