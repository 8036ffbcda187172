/**
 * Section 6: memory after many calls next to memory after the warm-up, for the client and, with
 * `--memory-reference`, for bare openapi-fetch, which tells what fetch and openapi-fetch
 * themselves hold. Each runs in a fresh child process (bench/memory-worker.ts) with
 * `--expose-gc`, so that what the other sections left on the heap is not counted, and every
 * reading follows a full collection.
 */
import { join } from 'node:path';

import { firstMessage, forkModule } from './child.ts';
import type { ContenderName } from './contenders.ts';
import type { MemoryReading, MemoryReport } from './memory-worker.ts';
import type { BenchContext, KeyFigure, Section } from './section.ts';
import { trendSlope } from './stats.ts';
import { formatMiB, formatNumber, printTable } from './table.ts';

const WORKER = join(import.meta.dirname, 'memory-worker.ts');
const CLIENT = { name: 'client', label: 'client' } as const;
const REFERENCE = { name: 'openapi-fetch', label: 'openapi-fetch' } as const;
const REFERENCE_FLAG = 'memory-reference';

// Concurrency 32: what is measured is what the calls leave behind, not their speed, and this
// many in flight make them the fastest. Ten readings rather than two, because the resident set
// of a process still moves by a few MiB from one reading to the next (the allocator and the
// kernel decide when pages go back), and the trend of ten readings is steadier than the last
// reading minus the first.
const FULL = { calls: 100_000, checkpoints: 10, concurrency: 32, warmupCalls: 2_000 };
const QUICK = { calls: 10_000, checkpoints: 5, concurrency: 32, warmupCalls: 1_000 };

/** The growth of the client's resident memory over the calls that the target allows. */
const TARGET_GROWTH_MIB = 5;

const MEASURES = [
  { key: 'rss', label: 'rss' },
  { key: 'heapUsed', label: 'heap' },
  { key: 'external', label: 'external' },
] as const;

export const memory: Section = {
  name: 'memory',
  flags: [
    {
      name: REFERENCE_FLAG,
      description: 'memory: also measure bare openapi-fetch (twice the section’s time)',
    },
  ],
  async run(context: BenchContext): Promise<KeyFigure[]> {
    const config = context.quick ? QUICK : FULL;
    const baseUrl = await context.serverUrl();
    const every = config.calls / config.checkpoints;
    const contenders = context.flag(REFERENCE_FLAG) ? [CLIENT, REFERENCE] : [CLIENT];

    // one after the other: two workers at once would share the cores and the server
    const readings = new Map<ContenderName, MemoryReading[]>();
    for (const { name } of contenders) {
      const args = [baseUrl, name, config.calls, every, config.concurrency, config.warmupCalls];
      const worker = forkModule(WORKER, args.map(String), ['--expose-gc']);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const report = await firstMessage<MemoryReport>(worker, `the memory worker (${name})`);
      readings.set(name, report.readings);
      await exited;
    }

    const columns = contenders.flatMap(({ name, label }) =>
      MEASURES.map(({ key, label: measure }) => ({
        head: `${label} ${measure}`,
        values: readings.get(name)!.map((reading) => reading[key]),
        calls: readings.get(name)!.map((reading) => reading.calls),
      })),
    );
    const growth = (values: number[]) => values.at(-1)! - values[0]!;
    const trend = (calls: number[], values: number[]) => trendSlope(calls, values) * config.calls;
    const mib = (bytes: number, signed = false) => formatMiB(bytes, signed).replace(' MiB', '');

    printTable({
      title:
        `Memory: MiB after the warm-up and every ${formatNumber(every)} calls ` +
        `(concurrency ${config.concurrency}), each read after gc()`,
      head: ['calls', ...columns.map(({ head }) => head)],
      rows: [
        ...columns[0]!.calls.map((calls, row) => [
          calls === 0 ? 'warm-up' : formatNumber(calls),
          ...columns.map(({ values }) => mib(values[row]!)),
        ]),
        ['growth', ...columns.map(({ values }) => mib(growth(values), true))],
        ['trend', ...columns.map(({ calls, values }) => mib(trend(calls, values), true))],
      ],
      notes: [
        `warm-up: ${formatNumber(config.warmupCalls)} calls; growth: the last reading minus ` +
          'the first; trend: the median',
        '  of the slopes between every two readings (Theil–Sen), times ' +
          `${formatNumber(config.calls)} calls:`,
        '  one odd reading cannot tip it',
        'each reading follows gc() twice and a pause of 300 ms for the freed pages to go back',
        'rss: resident set; heap: V8 heap in use; external: memory of Buffers and the like',
        contenders.length > 1
          ? 'one fresh process a contender'
          : `bare openapi-fetch's, to tell what fetch itself holds: --${REFERENCE_FLAG}`,
      ],
    });

    const [rss, heap] = columns as [(typeof columns)[0], (typeof columns)[0]];
    const rssTrend = trend(rss.calls, rss.values);
    return [
      {
        label: `resident memory over ${formatNumber(config.calls)} client calls`,
        value:
          `trend ${formatMiB(rssTrend, true)}, growth ${formatMiB(growth(rss.values), true)} ` +
          `(heap ${formatMiB(growth(heap.values), true)})`,
        target: `≤ ${TARGET_GROWTH_MIB} MiB by the trend`,
        withinTarget: rssTrend / 1024 / 1024 <= TARGET_GROWTH_MIB,
      },
    ];
  },
};
