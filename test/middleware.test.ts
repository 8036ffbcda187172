/**
 * The auth and correlation id middleware, through the client and through `raw`, against the
 * Prism mock: what reaches the wire, and that nothing does when a call cannot go out.
 */
import { describe, expect, inject, test } from 'vitest';

import {
  type AuthOption,
  createAccountsClient,
  D1AuthError,
  D1ConfigurationError,
  D1ValidationError,
} from '../src/index.ts';
import { MOCK_TOKEN, validRegistration } from './support/fixtures.ts';
import { recordingFetch } from './support/recording-fetch.ts';

const baseUrl = inject('prismUrl');

function client(auth: AuthOption) {
  const recorder = recordingFetch();
  return {
    accounts: createAccountsClient({ baseUrl, auth, fetch: recorder.fetch }),
    exchanges: recorder.exchanges,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the call resolved'),
    (error: unknown) => error,
  );
}

describe('authMiddleware', () => {
  const forms: [string, AuthOption][] = [
    ['a token string', MOCK_TOKEN],
    ['a function returning a token', () => MOCK_TOKEN],
    ['an async function returning a token', async () => MOCK_TOKEN],
    ['an object with getToken()', { getToken: async () => MOCK_TOKEN }],
  ];

  for (const [name, auth] of forms) {
    test(`sends Authorization: Bearer <token> from ${name}`, async () => {
      const { accounts, exchanges } = client(auth);

      await accounts.registerAccount(validRegistration);

      expect(exchanges[0]!.headers.get('authorization')).toBe(`Bearer ${MOCK_TOKEN}`);
      expect(exchanges[0]!.response.status).toBe(204);
    });
  }

  test('asks a function for a token on every request', async () => {
    let calls = 0;
    const { accounts, exchanges } = client(() => `token-${++calls}`);

    await accounts.registerAccount(validRegistration);
    await accounts.registerAccount(validRegistration);

    expect(exchanges.map((e) => e.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  const missing: [string, AuthOption][] = [
    ['an empty string', () => ''],
    ['undefined', (() => undefined) as unknown as AuthOption],
    ['null from getToken()', { getToken: async () => null as unknown as string }],
    ['a number', (() => 42) as unknown as AuthOption],
  ];

  for (const [name, auth] of missing) {
    test(`a token source that gives ${name} throws D1AuthError and sends nothing`, async () => {
      const { accounts, exchanges } = client(auth);

      const error = await rejection(accounts.registerAccount(validRegistration));

      expect(error).toBeInstanceOf(D1AuthError);
      expect((error as D1AuthError).message).toMatch(
        /^registerAccount: the auth option gave no token \(.+\); nothing was sent$/,
      );
      expect((error as D1AuthError).operation).toBe('registerAccount');
      expect((error as D1AuthError).correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(exchanges).toHaveLength(0);
    });
  }

  test('a token source that fails throws D1AuthError with the failure as cause', async () => {
    const failure = new Error('vault unreachable');
    const { accounts, exchanges } = client({ getToken: () => Promise.reject(failure) });

    const error = await rejection(
      accounts.deleteAccount({ issuerId: 'FRBANK0042', accountId: 'a' }),
    );

    expect(error).toBeInstanceOf(D1AuthError);
    expect((error as D1AuthError).message).toBe(
      'deleteAccount: the auth option failed to give a token; nothing was sent',
    );
    expect((error as D1AuthError).cause).toBe(failure);
    expect(exchanges).toHaveLength(0);
  });

  test('a token that a header cannot carry is refused without quoting it', async () => {
    const secret = 'secret-part\nInjected: header';
    const { accounts, exchanges } = client(() => secret);

    const error = (await rejection(accounts.registerAccount(validRegistration))) as D1AuthError;

    expect(error).toBeInstanceOf(D1AuthError);
    expect(error.message).not.toContain('secret-part');
    expect(JSON.stringify(error)).not.toContain('secret-part');
    expect(exchanges).toHaveLength(0);
  });

  test('an empty static token or an auth of the wrong kind is refused when the client is made', () => {
    expect(() => createAccountsClient({ baseUrl, auth: '' })).toThrow(D1ConfigurationError);
    expect(() => createAccountsClient({ baseUrl, auth: undefined as unknown as string })).toThrow(
      'auth: expected a token, a function returning one, or an object with getToken(), got undefined',
    );
    expect(() => createAccountsClient({ baseUrl, auth: {} as unknown as string })).toThrow(
      D1ConfigurationError,
    );
  });
});

describe('correlationMiddleware', () => {
  test('gives every call a fresh random correlation id when the caller gives none', async () => {
    const { accounts, exchanges } = client(MOCK_TOKEN);

    const first = await accounts.registerAccount(validRegistration);
    const second = await accounts.registerAccount(validRegistration);

    expect(first.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
    expect(second.correlationId).not.toBe(first.correlationId);
    expect(exchanges.map((e) => e.headers.get('x-correlation-id'))).toEqual([
      first.correlationId,
      second.correlationId,
    ]);
  });

  test('keeps a correlation id set on a raw call', async () => {
    const { accounts, exchanges } = client(MOCK_TOKEN);

    await accounts.raw.POST('/issuers/{issuerId}/accounts/{accountId}/operations:delete', {
      params: {
        path: { issuerId: 'FRBANK0042', accountId: 'acct-1' },
        header: { 'x-correlation-id': 'raw-call-1' },
      },
    });

    expect(exchanges[0]!.headers.get('x-correlation-id')).toBe('raw-call-1');
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
  });

  const bad = [
    ['a slash', 'batch/7'],
    ['a colon', 'batch:7'],
    ['65 characters', 'a'.repeat(65)],
    ['a non-ASCII letter', 'lot-é'],
    ['a trailing space, which HTTP would strip', 'batch 7 '],
  ];

  for (const [name, correlationId] of bad) {
    test(`refuses a caller's correlation id with ${name}, and sends nothing`, async () => {
      const { accounts, exchanges } = client(MOCK_TOKEN);

      const error = await rejection(accounts.registerAccount(validRegistration, { correlationId }));

      expect(error).toBeInstanceOf(D1ValidationError);
      const violations = (error as D1ValidationError).violations;
      expect(violations.length).toBeGreaterThan(0);
      for (const violation of violations) {
        expect(violation).toMatchObject({ field: 'correlationId', value: correlationId });
      }
      expect((error as D1ValidationError).message).not.toContain(correlationId);
      expect(exchanges).toHaveLength(0);
    });
  }

  test('refuses a bad correlation id on a raw call too, before anything is sent', async () => {
    const { accounts, exchanges } = client(MOCK_TOKEN);

    const error = await rejection(
      accounts.raw.PUT('/issuers/{issuerId}/accounts/{accountId}', {
        params: {
          path: { issuerId: 'FRBANK0042', accountId: 'acct-1' },
          header: { 'x-correlation-id': 'not/valid' },
        },
        body: { consumerId: 'consumer-1', state: 'ACTIVE' },
      }),
    );

    expect(error).toBeInstanceOf(D1ValidationError);
    expect((error as D1ValidationError).operation).toBe('registerAccount');
    expect((error as D1ValidationError).violations[0]).toMatchObject({
      field: 'correlationId',
      rule: 'pattern',
    });
    expect(exchanges).toHaveLength(0);
  });
});
