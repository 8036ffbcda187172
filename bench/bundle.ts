/** How the package is compiled and bundled for the benchmarks. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The repository's root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** The package's entry point in the sources. */
export const ENTRY = join(ROOT, 'src', 'index.ts');

/** What the package exports. */
export type PackageModule = typeof import('../src/index.ts');

/** The client compiled for the call benchmarks, and how to read its lines back to sources. */
export interface CompiledClient {
  module: PackageModule;
  /** The compiled file's URL, as stack traces and profiles name it. */
  url: string;
  /** The source file (`src/client.ts`) that a line (1-based) of the compiled file comes from. */
  sourceAt(line: number): string | undefined;
}

/** How the output says the client under test was built. */
export const CLIENT_BUILD =
  'src/ compiled by esbuild (esm, not minified), its packages from node_modules';

/**
 * The esbuild options of every bundle of the package: what a Node app that bundles it would
 * use. Node's built-in modules stay imports, as on the platform `node` they always do.
 */
export function bundleOptions(): BuildOptions {
  return {
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  };
}

/** The npm package a bundled input file belongs to, or `undefined` for the project's own. */
export function packageOf(input: string): string | undefined {
  return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

let compiled: Promise<CompiledClient> | undefined;

/**
 * The package's own code compiled into one file in a temporary folder, and imported, once per
 * process. The contenders call this rather than the TypeScript sources through tsx, because tsx
 * compiles with esbuild's `keepNames`, which wraps every named closure in a `__name()` call each
 * time it is created: a cost of the bench's loader, not of the client, and one the built
 * package does not have. Packages stay imports of the very files node_modules holds, so that
 * the client and bare openapi-fetch run the same openapi-fetch module.
 */
export function compiledClient(): Promise<CompiledClient> {
  compiled ??= compile();
  return compiled;
}

async function compile(): Promise<CompiledClient> {
  const folder = mkdtempSync(join(tmpdir(), 'd1-accounts-bench-client-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'index.mjs');
  await build({ ...bundleOptions(), outfile: file, plugins: [packagesByFileUrl] });

  // esbuild opens each module's code with a `// src/client.ts` line
  const sections: { line: number; source: string }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const source = /^\/\/ ((?:src|generated)\/\S+\.ts)$/.exec(text)?.[1];
      if (source !== undefined) {
        sections.push({ line: index + 1, source });
      }
    });

  const url = pathToFileURL(file).href;
  return {
    module: (await import(url)) as PackageModule,
    url,
    sourceAt: (line) => sections.findLast((section) => section.line <= line)?.source,
  };
}

/**
 * Leaves packages and Node's modules out of the bundle, a package imported by the URL of the
 * file it resolves to: the compiled file lives outside the repository, where a bare
 * `openapi-fetch` would not resolve.
 */
const packagesByFileUrl: Plugin = {
  name: 'packages-by-file-url',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, ({ path }) => ({
      path: isBuiltin(path) ? path : import.meta.resolve(path),
      external: true,
    }));
  },
};
