/**
 * Section 4: the size of the package bundled with esbuild, minified and gzipped, split by whose
 * code it is (the project's, openapi-fetch's, other packages') and by when it is loaded (with
 * the package, or only on first use through a dynamic `import()`).
 */
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build, type BuildOptions, type Metafile } from 'esbuild';

import { bundleOptions, ENTRY, packageOf, ROOT } from './bundle.ts';
import type { KeyFigure, Section } from './section.ts';
import { formatKiB, formatNumber, printTable } from './table.ts';

const PROJECT = 'project (src/ + generated/)';
// bytes of the bundle that belong to no input: esbuild's helpers and module wrappers
const GLUE = "esbuild's glue";

/** What one build wrote: each output file's bytes and the metafile that describes them. */
interface Built {
  files: Map<string, Uint8Array>;
  metafile: Metafile;
}

export const size: Section = {
  name: 'size',
  async run(): Promise<KeyFigure[]> {
    const minified: BuildOptions = { ...bundleOptions(), minify: true };

    // one file, as an app's bundler would make it: what every part weighs
    const one = await bundle({ ...minified, outfile: 'bundle.mjs' });
    const [oneBytes] = [...one.files.values()] as [Uint8Array];
    const oneGzip = gzipSize(oneBytes);
    const [oneOutput] = Object.values(one.metafile.outputs) as [Metafile['outputs'][string]];
    const byOwner = new Map<string, number>();
    const byProjectFolder = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(oneOutput.inputs)) {
      const owner = ownerOf(input);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
      if (owner === PROJECT) {
        const folder = `${input.split('/')[0]}/`;
        byProjectFolder.set(folder, (byProjectFolder.get(folder) ?? 0) + bytesInOutput);
      }
    }
    const attributed = [...byOwner.values()].reduce((sum, bytes) => sum + bytes, 0);
    byOwner.set(GLUE, oneBytes.byteLength - attributed);

    // split at dynamic imports: what is loaded with the package and what only on first use
    const split = await bundle({ ...minified, splitting: true, outdir: 'split' });
    const eager = loadedAtImport(split.metafile, relative(ROOT, ENTRY));
    const load = { atImport: new Map<string, number>(), onFirstUse: new Map<string, number>() };
    const loadTotals = {
      atImport: { files: 0, bytes: 0, gzip: 0 },
      onFirstUse: { files: 0, bytes: 0, gzip: 0 },
    };
    for (const [output, { inputs }] of Object.entries(split.metafile.outputs)) {
      const when = eager.has(output) ? 'atImport' : 'onFirstUse';
      const bytes = split.files.get(output)!;
      let glue = bytes.byteLength;
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        const owner = ownerOf(input);
        load[when].set(owner, (load[when].get(owner) ?? 0) + bytesInOutput);
        glue -= bytesInOutput;
      }
      load[when].set(GLUE, (load[when].get(GLUE) ?? 0) + glue);
      loadTotals[when].files += 1;
      loadTotals[when].bytes += bytes.byteLength;
      loadTotals[when].gzip += gzipSize(bytes);
    }

    // gzip by owner: the project's code alone, and what leaving each package out saves
    const gzipByOwner = new Map<string, number>();
    gzipByOwner.set(PROJECT, await bundledGzip({ ...minified, packages: 'external' }));
    for (const owner of byOwner.keys()) {
      if (owner !== PROJECT && owner !== GLUE) {
        const without = await bundledGzip({ ...minified, external: [owner, `${owner}/*`] });
        gzipByOwner.set(owner, oneGzip - without);
      }
    }

    const owners = [...byOwner.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const total = oneBytes.byteLength;
    printTable({
      title: 'Size: src/index.ts bundled by esbuild (platform node, esm, minified), in bytes',
      head: ['part', 'minified', 'share', 'gzipped', 'at import', 'on first use'],
      rows: [
        ...owners.map((owner) => [
          owner === PROJECT || owner === GLUE || owner === 'openapi-fetch'
            ? owner
            : `other: ${owner}`,
          formatNumber(byOwner.get(owner)!),
          `${((100 * byOwner.get(owner)!) / total).toFixed(1)}%`,
          gzipByOwner.has(owner) ? formatNumber(gzipByOwner.get(owner)!) : '–',
          formatNumber(load.atImport.get(owner) ?? 0),
          formatNumber(load.onFirstUse.get(owner) ?? 0),
        ]),
        [
          'one bundle',
          formatNumber(total),
          '100%',
          formatNumber(oneGzip),
          formatNumber(loadTotals.atImport.bytes),
          formatNumber(loadTotals.onFirstUse.bytes),
        ],
      ],
      notes: [
        'minified: the part’s bytes in the one-file bundle (esbuild metafile); they add up',
        `  (the project's: ${[...byProjectFolder]
          .map(([folder, bytes]) => `${folder} ${formatNumber(bytes)}`)
          .join(', ')})`,
        'gzipped (zlib level 9): for the project, its code alone with every package left out;',
        '  for a package, what leaving it out of the bundle saves. gzip shares its dictionary',
        '  across parts, so these do not add up to the bundle’s',
        'at import / on first use: minified bytes when the bundle is split at dynamic imports',
        '  (esbuild splitting): loaded with the package, or only by the code that needs them',
        'Node built-in modules stay imports and are not counted',
      ],
    });

    printTable({
      title: 'Size by load, split at dynamic imports',
      head: ['loaded', 'files', 'minified', 'gzipped'],
      rows: (
        [
          ['at import', loadTotals.atImport],
          ['on first use', loadTotals.onFirstUse],
        ] as const
      ).map(([label, { files, bytes, gzip }]) => [
        label,
        String(files),
        formatNumber(bytes),
        formatNumber(gzip),
      ]),
      notes: ['gzipped: each file on its own, as each is loaded on its own'],
    });

    return [
      { label: 'bundle, minified and gzipped', value: formatKiB(oneGzip) },
      {
        label: 'loaded at import, minified and gzipped',
        value: formatKiB(loadTotals.atImport.gzip),
      },
      { label: "project's own code, gzipped", value: formatKiB(gzipByOwner.get(PROJECT)!) },
    ];
  },
};

/** Builds in memory; output files are keyed by their path relative to the root, as the metafile. */
async function bundle(options: BuildOptions): Promise<Built> {
  const result = await build({ ...options, metafile: true, write: false });
  const files = new Map(
    result.outputFiles.map((file) => [relative(ROOT, file.path), file.contents]),
  );
  return { files, metafile: result.metafile };
}

/** The gzipped size of a one-file bundle built with `options`. */
async function bundledGzip(options: BuildOptions): Promise<number> {
  const { files } = await bundle({ ...options, outfile: 'bundle.mjs' });
  return gzipSize([...files.values()][0]!);
}

function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).byteLength;
}

function ownerOf(input: string): string {
  return packageOf(input) ?? PROJECT;
}

/** The order of the rows: the project, openapi-fetch, other packages, then the glue. */
function rank(owner: string): number {
  return owner === PROJECT ? 0 : owner === 'openapi-fetch' ? 1 : owner === GLUE ? 3 : 2;
}

/**
 * The output files loaded when `entryPoint` is imported: its own and every chunk reached from it
 * by static imports. The others are reached only through a dynamic `import()` (esbuild marks
 * those as entry points too, which is why the entry is named).
 */
function loadedAtImport(metafile: Metafile, entryPoint: string): Set<string> {
  const outputs = metafile.outputs;
  const pending = Object.keys(outputs).filter(
    (output) => outputs[output]!.entryPoint === entryPoint,
  );
  const loaded = new Set<string>(pending);
  while (pending.length > 0) {
    const output = pending.pop()!;
    for (const { path, kind, external } of outputs[output]!.imports) {
      if (!external && kind === 'import-statement' && !loaded.has(path)) {
        loaded.add(path);
        pending.push(path);
      }
    }
  }
  return loaded;
}
