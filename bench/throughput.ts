/**
 * Section 2: calls per second at several concurrencies. Each measurement makes a fixed number
 * of calls with that many in flight; rounds interleave the contenders, rotated, and the table
 * gives the median over rounds.
 */
import { type ContenderName, createContenders } from './contenders.ts';
import { callConcurrently, rotate } from './load.ts';
import type { BenchContext, KeyFigure, Section } from './section.ts';
import { median, pairedRatios, range } from './stats.ts';
import { formatNumber, formatRatio, formatRatioRange, printTable } from './table.ts';

const CONCURRENCIES = [1, 8, 32, 128];
// 1,000 calls are 8 waves at concurrency 128: the ramp-up and the last stragglers, which hold
// fewer calls in flight, weigh the same on every contender.
const FULL = { warmupCalls: 1_000, rounds: 5, callsPerMeasurement: 1_000 };
const QUICK = { warmupCalls: 300, rounds: 2, callsPerMeasurement: 400 };

/** The concurrency the target is set at, and the target: the client keeps up with openapi-fetch. */
const TARGET_CONCURRENCY = 32;
const TARGET_OVER_OPENAPI_FETCH = 1;

export const throughput: Section = {
  name: 'throughput',
  async run(context: BenchContext): Promise<KeyFigure[]> {
    const config = context.quick ? QUICK : FULL;
    const contenders = await createContenders(await context.serverUrl());
    const highest = Math.max(...CONCURRENCIES);

    // at the highest concurrency, so that the pool holds every connection before measuring
    for (const contender of contenders) {
      await callConcurrently(contender.call, config.warmupCalls, highest);
    }

    // calls per second: by concurrency, then by contender, one value a round
    const results = new Map<number, Map<ContenderName, number[]>>();
    for (const concurrency of CONCURRENCIES) {
      const byContender = new Map(contenders.map(({ name }) => [name, [] as number[]]));
      results.set(concurrency, byContender);
      for (let round = 0; round < config.rounds; round++) {
        for (const contender of rotate(contenders, round)) {
          const ms = await callConcurrently(
            contender.call,
            config.callsPerMeasurement,
            concurrency,
          );
          byContender.get(contender.name)!.push((config.callsPerMeasurement * 1000) / ms);
        }
      }
    }

    const rows = CONCURRENCIES.map((concurrency) => {
      const byContender = results.get(concurrency)!;
      const rounds = (name: ContenderName) => byContender.get(name)!;
      const ratio = (of: ContenderName, to: ContenderName) => {
        const perRound = pairedRatios(rounds(of), rounds(to));
        return {
          ofMedians: median(rounds(of)) / median(rounds(to)),
          perRoundMedian: median(perRound),
          range: range(perRound),
        };
      };
      return {
        concurrency,
        medians: contenders.map(({ name }) => median(rounds(name))),
        overOpenapiFetch: ratio('client', 'openapi-fetch'),
        overFetch: ratio('client', 'fetch'),
      };
    });

    printTable({
      title:
        `Throughput: calls/s (${config.rounds} rounds × ` +
        `${formatNumber(config.callsPerMeasurement)} calls a contender and concurrency, ` +
        'interleaved)',
      head: [
        'concurrency',
        ...contenders.map(({ label }) => label),
        'client / openapi-fetch',
        'client / fetch',
      ],
      rows: rows.map(({ concurrency, medians, overOpenapiFetch, overFetch }) => [
        String(concurrency),
        ...medians.map((value) => formatNumber(value)),
        `${formatRatio(overOpenapiFetch.ofMedians)} (${formatRatioRange(overOpenapiFetch.range)})`,
        `${formatRatio(overFetch.ofMedians)} (${formatRatioRange(overFetch.range)})`,
      ]),
      notes: [
        'calls/s: median of rounds; ratios: of the medians, with the range of per-round ratios',
        'above 1× the client makes more calls per second than the other contender',
      ],
    });

    const atTarget = rows.find(({ concurrency }) => concurrency === TARGET_CONCURRENCY)!;
    return [
      {
        label: `throughput at concurrency ${TARGET_CONCURRENCY}, client / openapi-fetch`,
        value:
          `${formatRatio(atTarget.overOpenapiFetch.ofMedians)} ` +
          `(per round ${formatRatio(atTarget.overOpenapiFetch.perRoundMedian)})`,
        target: `≥ ${formatRatio(TARGET_OVER_OPENAPI_FETCH)}`,
        withinTarget: atTarget.overOpenapiFetch.ofMedians >= TARGET_OVER_OPENAPI_FETCH,
      },
    ];
  },
};
