/**
 * Renders every spec in `openapi/` as one self-contained HTML page in `docs/`, with the Redoc that
 * `@redocly/cli` bundles: the accounts spec becomes `docs/index.html`, and any other
 * `openapi/<name>.yaml` becomes `docs/<name>.html`.
 *
 * The pages are meant to be opened from disk or an intranet share, so each one must load nothing
 * from the network. After building, every page is checked for references to remote scripts,
 * stylesheets and modules, and for a size that shows Redoc itself was inlined; a page that fails
 * the check fails the build. The browser test (`test/docs.test.ts`) then proves it by counting
 * the requests the rendered page makes.
 *
 * Usage: tsx scripts/build-docs.ts
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { parse as parseYaml } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const specDir = join(root, 'openapi');
const docsDir = join(root, 'docs');

/** The spec whose page is the docs' landing page, `docs/index.html`. */
const ACCOUNTS_SPEC_FILE = 'd1-accounts.yaml';

/** The rendered page of the accounts spec. */
export const ACCOUNTS_DOCS = join(docsDir, 'index.html');

// Redoc's inlined bundle alone is about 2.2 MB, and a page that loads Redoc from the CDN instead
// is about 270 KB. Anything under this size has lost the bundle, whatever else it contains.
const MIN_PAGE_BYTES = 1024 * 1024;

// Redoc draws an "API docs by Redocly" badge in the sidebar as an <img> from cdn.redoc.ly, even
// with --inlineBundle, and has no option to turn it off. Offline the badge hides itself once the
// request fails, but the request is still made each time someone opens the docs. Each logo is
// replaced by a small inline SVG that says the same.
const REDOCLY_LOGOS: Record<string, string> = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': svgDataUrl(48, 12, 11, 'Redocly'),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': svgDataUrl(14, 14, 13, 'R'),
};

// What would make the browser fetch something while the page loads: a remote script, a remote
// <link> (stylesheet, preload, modulepreload, icon), an ES module import from a URL (how Redoc 3
// loads itself from the CDN without --inlineBundle), a CSS @import, or a Redocly logo left as is.
const REMOTE_REFERENCES: { what: string; pattern: RegExp }[] = [
  { what: 'remote script', pattern: /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^>]*>/gi },
  { what: 'remote link', pattern: /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>/gi },
  {
    what: 'remote module import',
    pattern: /\bimport\s*(?:\(\s*|[^;"'`()]{0,200}\bfrom\s*)["'`](?:https?:)?\/\/[^"'`]*/g,
  },
  { what: 'remote CSS import', pattern: /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\/[^;]*/gi },
  {
    what: 'Redocly logo from the CDN',
    pattern: /https:\/\/cdn\.redoc\.ly\/redoc\/logo[\w-]*\.svg/g,
  },
];

/** One page written by {@link buildDocs}. */
export interface DocsPage {
  /** The spec it renders, such as `/…/openapi/d1-accounts.yaml`. */
  spec: string;
  /** The HTML file, such as `/…/docs/index.html`. */
  output: string;
  /** The file's size in bytes. */
  bytes: number;
}

/**
 * Builds the page of every spec in `openapi/` and checks that each one is self-contained.
 * Prints one line per page written. Rejects, naming the spec or the page, if Redocly fails or a
 * page would load anything from the network.
 */
export async function buildDocs(): Promise<DocsPage[]> {
  await mkdir(docsDir, { recursive: true });
  const specs = (await readdir(specDir)).filter((name) => name.endsWith('.yaml')).sort();
  if (specs.length === 0) {
    throw new Error(`no spec (*.yaml) found in ${specDir}`);
  }

  const pages: DocsPage[] = [];
  for (const specFile of specs) {
    const spec = join(specDir, specFile);
    const output = join(docsDir, docsFileName(specFile));
    await renderSpec(spec, output, await specTitle(spec));

    // make the page self-contained, then prove it is
    const html = inlineRedoclyLogos(await readFile(output, 'utf8'));
    await writeFile(output, html);
    const { size } = await stat(output);
    checkSelfContained(html, size, output);

    pages.push({ spec, output, bytes: size });
    console.log(`${relative(root, output)}  ${formatSize(size)}  (from ${relative(root, spec)})`);
  }
  return pages;
}

/** `d1-accounts.yaml` is the landing page; any other spec keeps its own name. */
function docsFileName(specFile: string): string {
  return specFile === ACCOUNTS_SPEC_FILE ? 'index.html' : `${basename(specFile, '.yaml')}.html`;
}

/** The page title: the spec's own `info.title`, or its file name if it has none. */
async function specTitle(spec: string): Promise<string> {
  const document = parseYaml(await readFile(spec, 'utf8')) as { info?: { title?: unknown } };
  const title = document?.info?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : basename(spec, '.yaml');
}

/** Runs `redocly build-docs` from the project root, so that it reads `redocly.yaml`. */
async function renderSpec(spec: string, output: string, title: string): Promise<void> {
  const args = [
    redoclyCli(),
    'build-docs',
    relative(root, spec),
    '--output',
    relative(root, output),
    '--inlineBundle',
    '--title',
    title,
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const exitCode = await new Promise<number | null>((done, reject) => {
    child.once('error', reject);
    child.once('close', (code) => done(code));
  });

  // pass on what Redocly says, warnings and errors included, without its boxed banners
  const printed = withoutBanners(stdout);
  const notices = withoutBanners(stderr);
  if (printed !== '') {
    console.log(printed);
  }
  if (exitCode !== 0) {
    throw new Error(
      `redocly build-docs failed for ${relative(root, spec)} (exit code ${exitCode})` +
        (notices === '' ? '' : `:\n${notices}`),
    );
  }
  if (notices !== '') {
    console.error(notices);
  }
}

function redoclyCli(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@redocly/cli/package.json');
  const { bin } = require(packageJson) as { bin: Record<string, string> };
  return join(dirname(packageJson), bin.redocly ?? 'bin/cli.js');
}

/**
 * Redocly CLI prints framed notices (Node.js 20 support ending, Redoc 3 now being the renderer)
 * on every run, to stderr. They are about the tool, not this build, and bury the lines that are:
 * the frame's lines and the blank lines around them are dropped, everything else is kept.
 */
function withoutBanners(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !/[║╔╚]/.test(line) && line.trim() !== '')
    .join('\n');
}

function inlineRedoclyLogos(html: string): string {
  let result = html;
  for (const [url, replacement] of Object.entries(REDOCLY_LOGOS)) {
    result = result.replaceAll(url, replacement);
  }
  return result;
}

/** Throws, listing what was found, if the page would fetch anything or lacks Redoc's bundle. */
function checkSelfContained(html: string, size: number, output: string): void {
  const page = relative(root, output);
  const found: string[] = [];
  for (const { what, pattern } of REMOTE_REFERENCES) {
    for (const match of html.matchAll(pattern)) {
      found.push(`${what}: ${match[0].slice(0, 160)}`);
    }
  }
  if (found.length > 0) {
    throw new Error(
      `${page} would load from the network, so it would not work offline:\n  ` + found.join('\n  '),
    );
  }
  if (size < MIN_PAGE_BYTES) {
    throw new Error(
      `${page} is only ${formatSize(size)}, less than the ${formatSize(MIN_PAGE_BYTES)} of ` +
        "Redoc's inlined bundle: check that `--inlineBundle` still takes effect",
    );
  }
}

/**
 * An SVG image of one word, as a data URL. The SVG has no single quote, and percent-encoding
 * leaves no double quote, backtick, `$` or `<` in it, so the URL can stand in for the CDN's in
 * any kind of string of Redoc's minified code, inside a <script> element.
 */
function svgDataUrl(width: number, height: number, fontSize: number, word: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}"><text x="0" y="${height - 2}" fill="#0044d4" ` +
    `font-family="sans-serif" font-size="${fontSize}" font-weight="600">${word}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function formatSize(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}

// run as a script
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  try {
    await buildDocs();
  } catch (error) {
    console.error(`build-docs: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
