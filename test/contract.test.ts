/**
 * The client against a Prism mock of the same spec: what the client sends is what the spec
 * describes (Prism adds an `sl-violations` header to any answer to a request that breaks it).
 */
import { describe, expect, inject, test } from 'vitest';

import { createAccountsClient, D1ApiError } from '../src/index.ts';
import { MOCK_TOKEN, validDeletion, validRegistration } from './support/fixtures.ts';
import { recordingFetch } from './support/recording-fetch.ts';

const baseUrl = inject('prismUrl');

function client(headers?: Record<string, string>) {
  const recorder = recordingFetch();
  const accounts = createAccountsClient({
    baseUrl,
    auth: MOCK_TOKEN,
    fetch: recorder.fetch,
    headers,
  });
  return { accounts, exchanges: recorder.exchanges };
}

describe('registerAccount', () => {
  test('a valid registration resolves with 204 and the correlation id that was sent', async () => {
    const { accounts, exchanges } = client();

    const result = await accounts.registerAccount(validRegistration);

    expect(result.status).toBe(204);
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange!.method).toBe('PUT');
    expect(exchange!.url).toBe(`${baseUrl}/issuers/FRBANK0042/accounts/acct-7f3d2c9e`);
    expect(exchange!.response.headers.get('sl-violations')).toBeNull();
    expect(exchange!.headers.get('x-correlation-id')).toBe(result.correlationId);
    expect(exchange!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(exchange!.body!)).toEqual({
      consumerId: 'consumer-48213',
      accountProductId: 'CURRENT_EUR',
      state: 'ACTIVE',
    });
  });

  test('the optional product id may be left out', async () => {
    const { accounts, exchanges } = client();
    const { accountProductId: _omitted, ...withoutProduct } = validRegistration;

    await expect(accounts.registerAccount(withoutProduct)).resolves.toMatchObject({ status: 204 });
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
    expect(JSON.parse(exchanges[0]!.body!)).not.toHaveProperty('accountProductId');
  });

  test('a correlation id given by the caller is sent and returned unchanged', async () => {
    const { accounts, exchanges } = client();

    const result = await accounts.registerAccount(validRegistration, {
      correlationId: 'migration batch 7.run-2_a',
    });

    expect(result.correlationId).toBe('migration batch 7.run-2_a');
    expect(exchanges[0]!.headers.get('x-correlation-id')).toBe('migration batch 7.run-2_a');
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
  });
});

describe('deleteAccount', () => {
  test('a deletion with reason and reason code resolves with 204', async () => {
    const { accounts, exchanges } = client();

    const result = await accounts.deleteAccount(validDeletion);

    expect(result.status).toBe(204);
    const [exchange] = exchanges;
    expect(exchange!.method).toBe('POST');
    expect(exchange!.response.headers.get('sl-violations')).toBeNull();
    expect(exchange!.headers.get('x-correlation-id')).toBe(result.correlationId);
    expect(JSON.parse(exchange!.body!)).toEqual({
      reason: 'customer was contacted on June 28',
      reasonCode: 'USER_DECISION',
    });
  });

  test('a deletion without a reason sends no body at all', async () => {
    const { accounts, exchanges } = client();

    const result = await accounts.deleteAccount({ issuerId: 'FRBANK0042', accountId: 'acct-1' });

    expect(result.status).toBe(204);
    expect(exchanges[0]!.body).toBeUndefined();
    expect(exchanges[0]!.headers.get('content-type')).toBeNull();
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
  });

  test('the colon of operations:delete is sent as it is, not percent-encoded', async () => {
    const { accounts, exchanges } = client();

    await accounts.deleteAccount({ issuerId: 'FRBANK0042', accountId: 'acct-1' });

    expect(new URL(exchanges[0]!.url).pathname).toBe(
      '/issuers/FRBANK0042/accounts/acct-1/operations:delete',
    );
  });
});

describe('path values', () => {
  test('are percent-encoded, so that an issuer id with a slash stays one path segment', async () => {
    const { accounts, exchanges } = client();

    // the spec puts no pattern on the issuer id, only its length: these 10 characters are valid
    const result = await accounts.deleteAccount({ issuerId: 'FR BANK/42', accountId: 'acct-1' });

    expect(result.status).toBe(204);
    expect(new URL(exchanges[0]!.url).pathname).toBe(
      '/issuers/FR%20BANK%2F42/accounts/acct-1/operations:delete',
    );
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
  });
});

describe('documented error answers', () => {
  const documented = [
    { status: 400, statusText: 'Bad Request', errorText: 'Invalid request' },
    {
      status: 401,
      statusText: 'Unauthorized',
      errorText: 'Invalid or missing authorization token',
    },
    { status: 403, statusText: 'Forbidden', errorText: 'Forbidden action for this consumer' },
    { status: 404, statusText: 'Not Found', errorText: 'Account not found' },
    { status: 500, statusText: 'Internal Server Error', errorText: 'Internal server error' },
  ];

  for (const { status, statusText, errorText } of documented) {
    for (const operation of ['registerAccount', 'deleteAccount'] as const) {
      test(`${operation}: ${status} becomes a D1ApiError with the body's error text`, async () => {
        const { accounts, exchanges } = client({ Prefer: `code=${status}` });
        const call =
          operation === 'registerAccount'
            ? accounts.registerAccount(validRegistration)
            : accounts.deleteAccount(validDeletion);

        const error: unknown = await call.then(
          () => expect.fail('the call resolved'),
          (e: unknown) => e,
        );

        expect(error).toBeInstanceOf(D1ApiError);
        const apiError = error as D1ApiError;
        const correlationId = exchanges[0]!.headers.get('x-correlation-id');
        expect(apiError).toMatchObject({ status, operation, errorText, correlationId });
        expect(apiError.headers.get('content-type')).toContain('application/json');
        expect(apiError.message).toBe(
          `${operation} failed: ${status} ${statusText} (correlation id ${correlationId}): ` +
            errorText,
        );
        expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
      });
    }
  }

  test('Prism marks the operations deprecated, and the error keeps that header', async () => {
    const { accounts } = client({ Prefer: 'code=404' });

    const error = (await accounts
      .deleteAccount(validDeletion)
      .catch((e: unknown) => e)) as D1ApiError;

    expect(error.headers.get('deprecation')).toBe('true');
  });
});

describe('raw', () => {
  test('a caller’s own middleware sees the URL, method, headers and body of the request', async () => {
    const { accounts, exchanges } = client();
    const seen: unknown[] = [];
    accounts.raw.use({
      async onRequest({ request }) {
        seen.push(request.method, request.url, await request.clone().json());
        request.headers.set('x-batch', 'migration-7');
        return undefined;
      },
    });

    await accounts.registerAccount(validRegistration);

    expect(seen).toEqual([
      'PUT',
      `${baseUrl}/issuers/FRBANK0042/accounts/acct-7f3d2c9e`,
      { consumerId: 'consumer-48213', accountProductId: 'CURRENT_EUR', state: 'ACTIVE' },
    ]);
    expect(exchanges[0]!.headers.get('x-batch')).toBe('migration-7');
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
  });

  test('is the typed openapi-fetch client with the same auth and correlation middleware', async () => {
    const { accounts, exchanges } = client();

    const { response } = await accounts.raw.PUT('/issuers/{issuerId}/accounts/{accountId}', {
      params: { path: { issuerId: 'FRBANK0042', accountId: 'acct-1' } },
      body: { consumerId: 'consumer-1', state: 'INACTIVE' },
    });

    expect(response.status).toBe(204);
    expect(exchanges[0]!.headers.get('authorization')).toBe(`Bearer ${MOCK_TOKEN}`);
    expect(exchanges[0]!.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('sl-violations')).toBeNull();
  });
});
