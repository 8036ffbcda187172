/**
 * Runs the differential property of `test/fuzz/property.ts` at length: the client's input
 * validation against a Prism mock of the same spec, which this script starts and stops itself.
 *
 * Usage: tsx scripts/fuzz.ts [--runs N] [--seed S] [--operation register|delete|both]
 *                            [--lanes K] [--path P]
 *
 *   --runs N       cases per operation (default 50000)
 *   --seed S       seed of the first lane (default: random); lane i uses S + i
 *   --operation    which operation to run (default both)
 *   --lanes K      cases run in parallel, each lane a fast-check run of its own (default 4)
 *   --path P       replay a counterexample: the seed and path a failure printed (one lane)
 *
 * Exits 1 when the client and Prism disagree, after printing for each lane that found a
 * disagreement the seed, the path and the shrunk counterexample, and the command to replay it.
 */
import { parseArgs } from 'node:util';

import type { OperationId } from '../test/fuzz/arbitraries.ts';
import { formatFailure, formatStats, runDifferential } from '../test/fuzz/property.ts';
import { startPrism } from './prism.ts';

const DEFAULT_RUNS = 50_000;
const DEFAULT_LANES = 4;

const OPERATIONS: Record<string, OperationId[]> = {
  register: ['registerAccount'],
  delete: ['deleteAccount'],
  both: ['registerAccount', 'deleteAccount'],
};

/** The command line, checked; exits 2 with a message when it cannot be used. */
function readArguments() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      operation: { type: 'string' },
      lanes: { type: 'string' },
      path: { type: 'string' },
    },
  });
  const runs = integerOption('--runs', values.runs, DEFAULT_RUNS, 1);
  const seed = integerOption('--seed', values.seed, (Math.random() * 2 ** 32) | 0);
  const lanes = integerOption('--lanes', values.lanes, DEFAULT_LANES, 1);
  const operations = OPERATIONS[values.operation ?? 'both'];
  if (operations === undefined) {
    usageError(`--operation must be register, delete or both, not ${values.operation}`);
  }
  if (values.path !== undefined && operations.length !== 1) {
    usageError('--path replays one counterexample: give --operation register or delete too');
  }
  return { runs, seed: seed | 0, lanes, operations, path: values.path };
}

function integerOption(name: string, value: string | undefined, fallback: number, min = -Infinity) {
  if (value === undefined) {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    usageError(`${name} must be an integer${min > -Infinity ? ` of at least ${min}` : ''}`);
  }
  return parsed;
}

function usageError(message: string): never {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}

async function main(): Promise<number> {
  const { runs, seed, lanes, operations, path } = readArguments();
  const prism = await startPrism();
  let failed = false;
  try {
    const how = path === undefined ? `${lanes} lanes` : `replaying path ${path}`;
    console.log(`fuzz: ${runs} cases per operation, seed ${seed}, ${how}, Prism at ${prism.url}`);
    for (const operation of operations) {
      const report = await runDifferential({
        prismUrl: prism.url,
        operation,
        runs,
        seed,
        lanes,
        ...(path === undefined ? {} : { path }),
      });
      console.log(formatStats(report));
      for (const failure of report.failures) {
        failed = true;
        console.error(formatFailure(failure));
        console.error(failure.report);
      }
    }
  } finally {
    await prism.stop();
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
