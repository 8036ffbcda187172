/**
 * What the client's options cost per call, each against the client with its defaults (static
 * token, validation on), interleaved as in the latency section:
 *
 * - validation off: what checking every input against the spec adds to a call;
 * - the JWT bearer token flow with a cached token: what the token provider adds over a static
 *   token, once it has its token.
 *
 * And the token flow's promise: 1,000 concurrent calls on a cold client make one token request,
 * counted by the server.
 */
import { generateKeyPairSync } from 'node:crypto';

import { inputViolations } from '../src/internal/validation.ts';
import { compiledClient, type PackageModule } from './bundle.ts';
import { callSequentially, type Call, rotate } from './load.ts';
import type { BenchContext, KeyFigure, Section } from './section.ts';
import { TOKEN_COUNT_PATH, TOKEN_PATH } from './server.ts';
import { median, pairedRatios, range } from './stats.ts';
import { formatNumber, formatRatio, formatRatioRange, printTable } from './table.ts';

const FULL = { warmupCalls: 500, rounds: 9, callsPerRound: 800, coldCalls: 1_000 };
const QUICK = { warmupCalls: 200, rounds: 3, callsPerRound: 250, coldCalls: 1_000 };

// Validation should cost a few per cent of a call at most.
const VALIDATION_TARGET = 1.05;

const input = {
  issuerId: 'FRBANK0042',
  accountId: 'acct-7f3d2c9e',
  consumerId: 'consumer-48213',
  accountProductId: 'CURRENT_EUR',
  state: 'ACTIVE' as const,
};

type Client = ReturnType<PackageModule['createAccountsClient']>;

function callOf(client: Client): Call {
  return async () => {
    const result = await client.registerAccount(input);
    if (result.status !== 204) {
      throw new Error(`expected 204, got ${result.status}`);
    }
  };
}

export const options: Section = {
  name: 'options',
  async run(context: BenchContext): Promise<KeyFigure[]> {
    const config = context.quick ? QUICK : FULL;
    const baseUrl = await context.serverUrl();
    const { module } = await compiledClient();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const common = { baseUrl, deprecationWarnings: false };
    const tokenFlow = () =>
      module.jwtBearerAuth({
        issuerId: input.issuerId,
        keyId: 'bench-key',
        privateKey,
        tokenUrl: `${baseUrl}${TOKEN_PATH}`,
      });

    // the token flow's promise first, on a cold provider
    const tokenRequestsBefore = await tokenRequests(baseUrl);
    const cold = module.createAccountsClient({ ...common, auth: tokenFlow() });
    await Promise.all(Array.from({ length: config.coldCalls }, callOf(cold)));
    const coldTokenRequests = (await tokenRequests(baseUrl)) - tokenRequestsBefore;
    printTable({
      title: 'Token flow on a cold client',
      head: ['concurrent calls', 'token requests'],
      rows: [[formatNumber(config.coldCalls), formatNumber(coldTokenRequests)]],
      notes: ['token requests: counted by the server; one is the target'],
    });

    const contenders = [
      {
        label: 'client, defaults (static token)',
        call: callOf(module.createAccountsClient({ ...common, auth: 'bench-static-token' })),
      },
      {
        label: 'client, validate: false',
        call: callOf(
          module.createAccountsClient({ ...common, auth: 'bench-static-token', validate: false }),
        ),
      },
      {
        label: 'client, jwtBearerAuth (cached)',
        call: callOf(module.createAccountsClient({ ...common, auth: tokenFlow() })),
      },
    ];
    for (const { call } of contenders) {
      await callSequentially(call, config.warmupCalls);
    }
    const rounds = contenders.map(() => [] as number[]);
    for (let round = 0; round < config.rounds; round++) {
      for (const index of rotate([0, 1, 2], round)) {
        const ms = await callSequentially(contenders[index]!.call, config.callsPerRound);
        rounds[index]!.push((ms * 1000) / config.callsPerRound);
      }
    }
    printTable({
      title:
        `Options: time per sequential call, µs (${config.rounds} rounds × ` +
        `${formatNumber(config.callsPerRound)} calls a contender, interleaved)`,
      head: ['contender', 'median', 'rounds min–max'],
      rows: contenders.map(({ label }, i) => {
        const { min, max } = range(rounds[i]!);
        return [
          label,
          formatNumber(median(rounds[i]!), 1),
          `${formatNumber(min, 1)}–${formatNumber(max, 1)}`,
        ];
      }),
    });

    // the checks alone, without the network: what the ratio above cannot resolve on a noisy
    // machine, where a call's own noise is larger than the checks
    const checks = validationAlone(context.quick ? 20_000 : 200_000);
    const [defaults, unvalidated, jwt] = rounds as [number[], number[], number[]];
    const ratio = (of: number[], to: number[]) => ({
      ofMedians: median(of) / median(to),
      perRound: pairedRatios(of, to),
      extra: median(of) - median(to),
    });
    const validation = ratio(defaults, unvalidated);
    const cachedToken = ratio(jwt, defaults);
    printTable({
      title: 'Options: ratios',
      head: ['ratio', 'of medians', 'per round: median', 'min–max', 'extra µs/call'],
      rows: [
        ['validation on / off', validation],
        ['cached JWT token / static token', cachedToken],
      ].map(([name, r]) => {
        const { ofMedians, perRound, extra } = r as typeof validation;
        return [
          name as string,
          formatRatio(ofMedians),
          formatRatio(median(perRound)),
          formatRatioRange(range(perRound)),
          `${extra >= 0 ? '+' : ''}${formatNumber(extra, 1)}`,
        ];
      }),
    });

    const share = checks / median(defaults);
    printTable({
      title: 'Validation alone: the checks of one registration, without sending it',
      head: ['µs per call', 'share of a call with defaults'],
      rows: [[formatNumber(checks, 2), `${formatNumber(share * 100, 2)}%`]],
    });

    return [
      {
        label: 'validation alone, share of a call',
        value: `${formatNumber(share * 100, 2)}% (${formatNumber(checks, 2)} µs)`,
        target: '≤ 5%',
        withinTarget: share <= 0.05,
      },
      {
        label: 'token requests of 1,000 concurrent calls on a cold client',
        value: formatNumber(coldTokenRequests),
        target: '= 1',
        withinTarget: coldTokenRequests === 1,
      },
      {
        label: 'time per call, validation on / off',
        value: `${formatRatio(validation.ofMedians)} (per round ${formatRatio(median(validation.perRound))})`,
        target: `≤ ${formatRatio(VALIDATION_TARGET)}`,
        withinTarget: validation.ofMedians <= VALIDATION_TARGET,
      },
      {
        label: 'time per call, cached JWT token / static token',
        value: `${formatRatio(cachedToken.ofMedians)} (per round ${formatRatio(median(cachedToken.perRound))})`,
      },
    ];
  },
};

/** Microseconds per registration of the client's input checks, over `calls` of them. */
function validationAlone(calls: number): number {
  const { issuerId, accountId, ...body } = input;
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    if (inputViolations('registerAccount', { path: { issuerId, accountId }, body }).length > 0) {
      throw new Error('the benchmark input is invalid');
    }
  }
  return ((performance.now() - started) * 1000) / calls;
}

async function tokenRequests(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}${TOKEN_COUNT_PATH}`);
  return Number(await response.text());
}
