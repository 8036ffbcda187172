/**
 * Compiles every spec in `openapi/` into `generated/`:
 *
 * - `<spec>.ts`: the TypeScript types of the spec, by openapi-typescript;
 * - `<spec>.runtime.ts`: the values the client needs at run time, taken from the same spec: the
 *   servers by environment and the operations' routes;
 * - `<spec>.validators.ts`: one validator per operation's input and per reusable parameter,
 *   compiled by Ajv. Apart from the routes, so that code that needs only a spec's servers does
 *   not load (or bundle) its validators.
 *
 * All are formatted with Prettier, so that the output is byte-for-byte what the spec produces
 * and the drift check (`scripts/check-generated.ts`) can compare it with what is committed.
 *
 * Usage: tsx scripts/generate.ts [--out DIR]
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { parse as parseYaml } from 'yaml';

import {
  buildOperationInputSchemas,
  operationRoutes,
  parameterSchemas,
  resolveRefs,
  serversByEnvironment,
} from './spec-inputs.ts';

const root = resolve(import.meta.dirname, '..');
const specDir = join(root, 'openapi');

const BANNER =
  '// Generated from openapi/%SPEC% by scripts/generate.ts.\n' +
  '// Do not edit: change the spec and run `npm run generate`.\n';

// Ajv's standalone code asks for its string-length helper with `require`, which an ES module
// cannot do. The helper counts Unicode code points (JSON Schema's definition of a string's
// length, and what Prism does); this is the same count, written into the generated file instead.
const UCS2_LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';
const CODE_POINT_LENGTH =
  'function codePointLength(s) { let n = 0; for (const _ of s) n++; return n; }';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = resolve(values.out ?? join(root, 'generated'));
  await mkdir(outDir, { recursive: true });

  const prettierConfig = (await prettier.resolveConfig(join(root, 'generated', 'x.ts'))) ?? {};
  const format = (source: string) =>
    prettier.format(source, { ...prettierConfig, parser: 'typescript' });

  const specs = (await readdir(specDir)).filter((name) => name.endsWith('.yaml')).sort();
  for (const specFile of specs) {
    const name = basename(specFile, '.yaml');
    const banner = BANNER.replace('%SPEC%', specFile);
    const specPath = join(specDir, specFile);
    const document = parseYaml(await readFile(specPath, 'utf8'));

    // types
    const ast = await openapiTS(new URL(`file://${specPath}`), {
      // A property with a `default` (such as `reasonCode`) stays optional for callers: the
      // server applies the default, the caller need not send it.
      defaultNonNullable: false,
    });
    await writeFile(join(outDir, `${name}.ts`), await format(banner + astToString(ast)));

    // run-time values, and the validators
    await writeFile(
      join(outDir, `${name}.runtime.ts`),
      await format(banner + runtimeModule(document)),
    );
    const validators =
      banner + '// @ts-nocheck: Ajv writes plain JavaScript.\n' + validatorsModule(document);
    await writeFile(join(outDir, `${name}.validators.ts`), await format(validators));
    console.log(`generated ${name}.ts, .runtime.ts and .validators.ts from openapi/${specFile}`);
  }
}

/** The source of `<spec>.runtime.ts`: servers and operation routes. */
function runtimeModule(document: Record<string, unknown>): string {
  return [
    '/** Base URLs of the API by environment, from the `servers` of the spec. */',
    `export const servers = ${JSON.stringify(serversByEnvironment(document))} as const;`,
    '',
    '/** HTTP method and path template of each operation, by operation id. */',
    `export const operations = ${JSON.stringify(operationRoutes(document))} as const;`,
  ].join('\n');
}

/**
 * The source of `<spec>.validators.ts`: the compiled validators of each operation's input and of
 * each reusable parameter.
 */
function validatorsModule(document: Record<string, unknown>): string {
  const resolved = resolveRefs(document);
  const inputs = buildOperationInputSchemas(resolved);
  const parameters = parameterSchemas(resolved);

  const ajv = new Ajv2020.default({
    allErrors: true,
    strict: true,
    code: { source: true, esm: true },
  });
  const exportNames: Record<string, string> = {};
  for (const [operationId, schema] of Object.entries(inputs)) {
    ajv.addSchema(schema, `operation:${operationId}`);
    exportNames[`validate_${operationId}`] = `operation:${operationId}`;
  }
  for (const [name, schema] of Object.entries(parameters)) {
    ajv.addSchema(schema, `parameter:${name}`);
    exportNames[`validateParameter_${name}`] = `parameter:${name}`;
  }

  let code = standaloneCode.default(ajv, exportNames);
  if (code.includes(UCS2_LENGTH_REQUIRE)) {
    code = code.replaceAll(UCS2_LENGTH_REQUIRE, 'codePointLength') + '\n' + CODE_POINT_LENGTH;
  }
  if (/\brequire\(/.test(code)) {
    throw new Error(
      'Ajv standalone code still requires a module; inline it in scripts/generate.ts',
    );
  }
  code = code.replace(/^"use strict";/, '');

  // only the typed maps below are exported: the bare functions' inferred types are Ajv's
  code = code.replace(/\bexport const (validate\w*) = /g, 'const $1 = ');

  const map = (exportName: string, names: string[], prefix: string) => [
    `export const ${exportName}: {`,
    ...names.map((name) => `  readonly ${JSON.stringify(name)}: CompiledValidator;`),
    '} = {',
    ...names.map((name) => `  ${JSON.stringify(name)}: ${prefix}${name},`),
    '};',
  ];
  return [
    '/** An Ajv validator: `true` for valid data; otherwise `errors` says what is wrong. */',
    'export interface CompiledValidator {',
    '  (data: unknown): boolean;',
    '  errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null;',
    '}',
    '',
    code,
    '',
    '/**',
    ' * One Ajv validator per operation id, for the input shaped',
    ' * `{ path: { ...path parameters }, header: { ...header parameters }, body }`.',
    ' */',
    ...map('operationValidators', Object.keys(inputs), 'validate_'),
    '',
    '/** One Ajv validator per reusable parameter of `components.parameters`, by its name. */',
    ...map('parameterValidators', Object.keys(parameters), 'validateParameter_'),
  ].join('\n');
}

await main();
