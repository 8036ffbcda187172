/**
 * The client's input validation against Prism's, both compiled from the same spec: a
 * differential property test over valid and nearly valid inputs (see `property.ts`). `npm run
 * fuzz` runs the same property with many more cases.
 *
 * The seed is printed; set `FUZZ_SEED` to run the same cases again.
 *
 * Two kinds of correlation id are judged apart by the property, and the tests at the end of
 * this file pin down why: an id that HTTP changes or cannot carry, which the client refuses on
 * purpose, and an empty id, where Prism reads the spec differently (it takes an empty header
 * for none, while `minLength: 1` refuses `""`). The spec is not bent to match the mock.
 */
import { describe, expect, inject, test } from 'vitest';

import { createAccountsClient, D1ValidationError } from '../../src/index.ts';
import { MOCK_TOKEN, validRegistration } from '../support/fixtures.ts';
import type { OperationId } from './arbitraries.ts';
import { formatFailure, formatStats, runDifferential } from './property.ts';

const prismUrl = inject('prismUrl');

// Enough to reach every boundary of both operations many times, in 5 to 15 s each here.
const RUNS_PER_OPERATION = 2_000;
// A share below this means the arbitraries have drifted and one verdict is barely tested.
const MIN_VERDICT_SHARE = 0.25;

const seed = seedFromEnv(process.env.FUZZ_SEED);
console.log(
  `differential fuzz seed ${seed}: replay with FUZZ_SEED=${seed} npx vitest run test/fuzz`,
);

function seedFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') {
    return (Math.random() * 2 ** 32) | 0;
  }
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) {
    throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(value)}`);
  }
  return parsed | 0;
}

describe('the client and Prism agree on every input', () => {
  test.each<OperationId>(['registerAccount', 'deleteAccount'])(
    '%s',
    { timeout: 300_000 },
    async (operation) => {
      const report = await runDifferential({ prismUrl, operation, runs: RUNS_PER_OPERATION, seed });
      console.log(formatStats(report));

      if (report.failures.length > 0) {
        throw new Error(report.failures.map(formatFailure).join('\n\n'));
      }
      expect(report.stats.cases).toBe(RUNS_PER_OPERATION);
      expect(report.stats.clientAccepted / report.stats.cases).toBeGreaterThanOrEqual(
        MIN_VERDICT_SHARE,
      );
      expect(report.stats.clientRefused / report.stats.cases).toBeGreaterThanOrEqual(
        MIN_VERDICT_SHARE,
      );
    },
  );
});

// The two facts of HTTP that the property relies on for correlation ids, checked on their own.
describe('correlation ids that HTTP cannot carry as given', () => {
  test('a header value with a line break inside cannot be sent at all', () => {
    for (const value of ['batch\n7', 'batch\r7', 'batch\r\n7']) {
      expect(() => new Headers({ 'x-correlation-id': value })).toThrow(TypeError);
    }
  });

  test('white space at the ends is stripped, so the client refuses it', async () => {
    expect(new Headers({ 'x-correlation-id': ' batch 7\t' }).get('x-correlation-id')).toBe(
      'batch 7',
    );

    let sent = 0;
    const accounts = createAccountsClient({
      baseUrl: prismUrl,
      auth: MOCK_TOKEN,
      fetch: async () => {
        sent++;
        return new Response(null, { status: 204 });
      },
    });
    for (const correlationId of [' batch 7', 'batch 7 ', '\tbatch 7', 'batch 7\n']) {
      const error = await accounts
        .registerAccount(validRegistration, { correlationId })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(D1ValidationError);
      expect((error as D1ValidationError).violations).toMatchObject([{ field: 'correlationId' }]);
    }
    expect(sent).toBe(0);
  });
});

describe('an empty correlation id, where Prism reads the spec differently', () => {
  test('Prism takes an empty header for no header and accepts it', async () => {
    const response = await fetch(`${prismUrl}/issuers/FRBANK0042/accounts/acct-7f3d2c9e`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${MOCK_TOKEN}`,
        'content-type': 'application/json',
        'x-correlation-id': '',
      },
      body: JSON.stringify({ consumerId: 'consumer-48213', state: 'ACTIVE' }),
    });

    // Not the spec's verdict: @stoplight/prism-http drops parameters whose value is ''.
    expect(response.status).toBe(204);
    expect(response.headers.get('sl-violations')).toBeNull();
  });

  test('the client refuses it, as minLength: 1 says', async () => {
    const accounts = createAccountsClient({ baseUrl: prismUrl, auth: MOCK_TOKEN });

    const error = await accounts
      .registerAccount(validRegistration, { correlationId: '' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(D1ValidationError);
    expect((error as D1ValidationError).violations).toMatchObject([
      { field: 'correlationId', rule: 'minLength', limit: 1 },
      { field: 'correlationId', rule: 'pattern' },
    ]);
  });
});
