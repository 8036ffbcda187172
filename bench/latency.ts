/**
 * Section 1: the time of one sequential call for each contender. Rounds interleave the
 * contenders (their order rotated each round), so that a burst of noise from the rest of the
 * machine lands on all of them rather than on one; the table gives the median over rounds.
 */
import { type Contender, type ContenderName, createContenders } from './contenders.ts';
import { callSequentially, rotate } from './load.ts';
import type { BenchContext, KeyFigure, Section } from './section.ts';
import { median, pairedRatios, percentile, range } from './stats.ts';
import { formatNumber, formatRatio, formatRatioRange, printTable } from './table.ts';

// Many short rounds rather than a few long ones: the noise of a shared machine comes in bursts,
// and the more rounds there are, the fewer of them a burst can tip the median of.
const FULL = { warmupCalls: 500, rounds: 9, callsPerRound: 800 };
const QUICK = { warmupCalls: 200, rounds: 3, callsPerRound: 250 };

/** The targets the client is judged by: its cost per call over the bare contenders. */
const TARGET_OVER_OPENAPI_FETCH = 1.1;
const STRETCH_OVER_FETCH = 1.15;

/** What one contender measured over every round. */
interface Measured {
  contender: Contender;
  /** Microseconds per call, one value a round. */
  rounds: number[];
  /** Microseconds of every single call of every round. */
  calls: Float64Array;
}

export const latency: Section = {
  name: 'latency',
  async run(context: BenchContext): Promise<KeyFigure[]> {
    const config = context.quick ? QUICK : FULL;
    const contenders = await createContenders(await context.serverUrl());

    // the first calls open the connection and compile the code paths: not what is measured
    for (const contender of contenders) {
      await callSequentially(contender.call, config.warmupCalls);
    }

    const measured: Measured[] = contenders.map((contender) => ({
      contender,
      rounds: [],
      calls: new Float64Array(config.rounds * config.callsPerRound),
    }));
    for (let round = 0; round < config.rounds; round++) {
      for (const { contender, rounds, calls } of rotate(measured, round)) {
        const offset = round * config.callsPerRound;
        const started = performance.now();
        for (let i = 0; i < config.callsPerRound; i++) {
          const callStarted = performance.now();
          await contender.call();
          calls[offset + i] = (performance.now() - callStarted) * 1000;
        }
        rounds.push(((performance.now() - started) * 1000) / config.callsPerRound);
      }
    }

    const measuredOf = (name: ContenderName) =>
      measured.find(({ contender }) => contender.name === name)!;
    const [fetch, openapiFetch, client] = [
      measuredOf('fetch'),
      measuredOf('openapi-fetch'),
      measuredOf('client'),
    ];
    printTable({
      title:
        `Latency: time per sequential call, µs (${config.rounds} rounds × ` +
        `${formatNumber(config.callsPerRound)} calls a contender, interleaved)`,
      head: ['contender', 'median', 'rounds min–max', 'p50 call', 'p90 call', 'p99 call'],
      rows: measured.map(({ contender, rounds, calls }) => {
        const { min, max } = range(rounds);
        return [
          contender.label,
          formatNumber(median(rounds), 1),
          `${formatNumber(min, 1)}–${formatNumber(max, 1)}`,
          formatNumber(percentile(calls, 50), 1),
          formatNumber(percentile(calls, 90), 1),
          formatNumber(percentile(calls, 99), 1),
        ];
      }),
      notes: ['median: of the rounds’ mean µs per call; p50–p99: of single calls over every round'],
    });

    const ratios = [
      { name: 'client / openapi-fetch', of: client, to: openapiFetch },
      { name: 'client / fetch', of: client, to: fetch },
      { name: 'openapi-fetch / fetch', of: openapiFetch, to: fetch },
    ].map(({ name, of, to }) => {
      const perRound = pairedRatios(of.rounds, to.rounds);
      return {
        name,
        ofMedians: median(of.rounds) / median(to.rounds),
        perRound,
        extra: median(of.rounds) - median(to.rounds),
      };
    });
    printTable({
      title: 'Latency ratios',
      head: ['ratio', 'of medians', 'per round: median', 'min–max', 'extra µs/call'],
      rows: ratios.map(({ name, ofMedians, perRound, extra }) => [
        name,
        formatRatio(ofMedians),
        formatRatio(median(perRound)),
        formatRatioRange(range(perRound)),
        `${extra >= 0 ? '+' : ''}${formatNumber(extra, 1)}`,
      ]),
      notes: ['per round: the two contenders’ times of the same round divided, then summarised'],
    });

    const [overOpenapiFetch, overFetch] = ratios as [(typeof ratios)[0], (typeof ratios)[0]];
    return [
      {
        label: 'time per call, client / openapi-fetch',
        value: ratioText(overOpenapiFetch),
        target: `≤ ${formatRatio(TARGET_OVER_OPENAPI_FETCH)}`,
        withinTarget: overOpenapiFetch.ofMedians <= TARGET_OVER_OPENAPI_FETCH,
      },
      {
        label: 'time per call, client / fetch',
        value: ratioText(overFetch),
        target: `≤ ${formatRatio(STRETCH_OVER_FETCH)} (stretch)`,
        withinTarget: overFetch.ofMedians <= STRETCH_OVER_FETCH,
      },
    ];
  },
};

/** A ratio for the summary: of the medians, and the median of the rounds' own ratios. */
function ratioText({ ofMedians, perRound }: { ofMedians: number; perRound: number[] }): string {
  return `${formatRatio(ofMedians)} (per round ${formatRatio(median(perRound))})`;
}
