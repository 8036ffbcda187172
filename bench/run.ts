/**
 * The benchmarks of the client, run by `npm run bench`: time per call, throughput, size,
 * start-up and memory, each against bare openapi-fetch and bare fetch where that applies. The
 * numbers are printed, never checked: a benchmark is no test with a time limit, and a machine
 * that other work shares gives different numbers from one run to the next.
 *
 * Usage: tsx bench/run.ts [--quick] [--only latency,throughput,size,startup,memory] [--help]
 */
import { availableParallelism, cpus, loadavg, release, type } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { CLIENT_BUILD } from './bundle.ts';
import { latency } from './latency.ts';
import { memory } from './memory.ts';
import { options } from './options.ts';
import type { BenchContext, KeyFigure, Section } from './section.ts';
import { type BenchServer, startServer } from './server.ts';
import { size } from './size.ts';
import { startup } from './startup.ts';
import { throughput } from './throughput.ts';

/** Every section, in the order they run; a new one is one more module and one more entry. */
const SECTIONS: readonly Section[] = [latency, throughput, options, size, startup, memory];

const SECTION_FLAGS = SECTIONS.flatMap(({ flags }) => flags ?? []);

const USAGE = usage([
  [
    '--only <sections>',
    `a comma-separated list of: ${SECTIONS.map(({ name }) => name).join(', ')}`,
  ],
  ['--quick', 'fewer rounds and calls: a check that all runs, not numbers to compare'],
  ...SECTION_FLAGS.map(({ name, description }): [string, string] => [`--${name}`, description]),
]);

/** The options as parsed. */
interface Options {
  quick: boolean;
  sections: Section[];
  flags: Set<string>;
}

/** A figure of the summary, and the section it comes from. */
interface SummaryLine {
  section: string;
  figure: KeyFigure;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = performance.now();
  const loadAtStart = loadavg();
  console.log(
    `d1-accounts benchmarks: ${options.quick ? 'quick run (--quick)' : 'full run'}, ` +
      `sections ${options.sections.map(({ name }) => name).join(', ')}`,
  );
  console.log(`client under test: ${CLIENT_BUILD}\n`);

  let server: Promise<BenchServer> | undefined;
  const context: BenchContext = {
    quick: options.quick,
    flag: (name) => options.flags.has(name),
    serverUrl: async () => (await (server ??= startServer())).baseUrl,
  };

  const lines: SummaryLine[] = [];
  const seconds: string[] = [];
  try {
    for (const section of options.sections) {
      const sectionStarted = performance.now();
      for (const figure of await section.run(context)) {
        lines.push({ section: section.name, figure });
      }
      seconds.push(`${section.name} ${((performance.now() - sectionStarted) / 1000).toFixed(0)}`);
    }
  } finally {
    await (await server)?.close();
  }

  const total = ((performance.now() - started) / 1000).toFixed(0);
  printSummary(lines, [
    ['machine', `${type()} ${release()}, ${cpus()[0]?.model ?? 'unknown CPU'}`],
    ['', `${availableParallelism()} cores, Node ${process.version}`],
    ['', `load average at start ${loadAverage(loadAtStart)}, at end ${loadAverage(loadavg())}`],
    ['run', `${options.quick ? 'quick' : 'full'}, ${total} s (${seconds.join(' s, ')} s)`],
  ]);
}

function parseOptions(): Options {
  const config = {
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(SECTION_FLAGS.map(({ name }) => [name, { type: 'boolean' }])),
    },
  } satisfies ParseArgsConfig;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs(config));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }

  const flags = new Set(SECTION_FLAGS.map(({ name }) => name).filter((name) => values[name]));
  const quick = values.quick === true;
  if (typeof values.only !== 'string') {
    return { quick, sections: [...SECTIONS], flags };
  }
  const names = values.only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    fail(`--only: no section named ${unknown.join(', ')}\n${USAGE}`);
  }
  // in the usual order, whatever the order of the list
  return { quick, sections: SECTIONS.filter(({ name }) => names.includes(name)), flags };
}

function printSummary(lines: SummaryLine[], about: [string, string][]): void {
  const rows: [string, string][] = [
    ...lines.map(({ section, figure }): [string, string] => {
      const verdict =
        figure.target === undefined
          ? ''
          : `   target ${figure.target}: ${figure.withinTarget ? 'within' : 'outside'}`;
      return [`${section}: ${figure.label}`, `${figure.value}${verdict}`];
    }),
    ...about,
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log('Summary');
  for (const [label, value] of rows) {
    console.log(`  ${label.padEnd(width)}  ${value}`.trimEnd());
  }
}

function usage(options: [string, string][]): string {
  const width = Math.max(...options.map(([option]) => option.length));
  return [
    'Usage: tsx bench/run.ts [--quick] [--only <sections>] [--help]',
    ...options.map(([option, description]) => `  ${option.padEnd(width)}  ${description}`),
  ].join('\n');
}

function loadAverage(values: number[]): string {
  return values.map((value) => value.toFixed(2)).join(' ');
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

await main();
