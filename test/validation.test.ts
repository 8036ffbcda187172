/**
 * Input checks compiled from the spec: every violation is listed with its field, rule and limit,
 * nothing is sent, and `validate: false` sends what the spec does not know.
 */
import { describe, expect, inject, test } from 'vitest';

import {
  createAccountsClient,
  D1ApiError,
  D1ConfigurationError,
  D1ValidationError,
  type RegisterAccountInput,
} from '../src/index.ts';
import { MOCK_TOKEN, validRegistration } from './support/fixtures.ts';
import { recordingFetch } from './support/recording-fetch.ts';

const baseUrl = inject('prismUrl');

function client(validate?: boolean) {
  const recorder = recordingFetch();
  return {
    accounts: createAccountsClient({ baseUrl, auth: MOCK_TOKEN, fetch: recorder.fetch, validate }),
    exchanges: recorder.exchanges,
  };
}

async function validationError(promise: Promise<unknown>): Promise<D1ValidationError> {
  const error = await promise.then(
    () => expect.fail('the call resolved'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(D1ValidationError);
  return error as D1ValidationError;
}

describe('registerAccount input', () => {
  test('lists every violation with field, rule, limit and value, and sends nothing', async () => {
    const { accounts, exchanges } = client();
    const input = {
      issuerId: 'FRBANK',
      accountId: 'acct/1',
      state: 'active',
      consumerID: 'consumer-1',
    } as unknown as RegisterAccountInput;

    const error = await validationError(accounts.registerAccount(input));

    expect(error.operation).toBe('registerAccount');
    expect(error.violations).toEqual([
      {
        field: 'issuerId',
        rule: 'minLength',
        limit: 10,
        value: 'FRBANK',
        message: 'must be at least 10 characters long',
      },
      {
        field: 'accountId',
        rule: 'pattern',
        limit: '^[A-Za-z0-9_-]{1,64}$',
        value: 'acct/1',
        message: 'must match ^[A-Za-z0-9_-]{1,64}$',
      },
      { field: 'body.consumerId', rule: 'required', message: 'is required' },
      {
        field: 'body.consumerID',
        rule: 'unknownProperty',
        value: 'consumer-1',
        message: 'is not a property of the spec',
      },
      {
        field: 'body.state',
        rule: 'enum',
        limit: ['ACTIVE', 'INACTIVE'],
        value: 'active',
        message: 'must be one of ACTIVE, INACTIVE',
      },
    ]);
    expect(error.message).toBe(
      'registerAccount: invalid input, nothing was sent: ' +
        'issuerId must be at least 10 characters long; ' +
        'accountId must match ^[A-Za-z0-9_-]{1,64}$; body.consumerId is required; ' +
        'body.consumerID is not a property of the spec; body.state must be one of ACTIVE, INACTIVE',
    );
    expect(exchanges).toHaveLength(0);
  });

  test('never writes the values into the message or toJSON()', async () => {
    const { accounts } = client();
    const personal = 'Jeanne.Dupont@example';

    const error = await validationError(
      accounts.registerAccount({ ...validRegistration, consumerId: personal }),
    );

    expect(error.violations[0]).toMatchObject({ field: 'body.consumerId', value: personal });
    expect(error.message).not.toContain(personal);
    expect(JSON.stringify(error)).not.toContain(personal);
  });

  test('checks lengths at their limits: 64 characters pass, 65 do not', async () => {
    const { accounts } = client();

    await expect(
      accounts.registerAccount({ ...validRegistration, accountId: 'a'.repeat(64) }),
    ).resolves.toMatchObject({ status: 204 });
    const error = await validationError(
      accounts.registerAccount({ ...validRegistration, accountId: 'a'.repeat(65) }),
    );
    // the anchored pattern's {1,64} says it a second time
    expect(error.violations).toMatchObject([
      { field: 'accountId', rule: 'maxLength', limit: 64 },
      { field: 'accountId', rule: 'pattern' },
    ]);
  });

  test('refuses a value of the wrong type', async () => {
    const { accounts } = client();
    const input = { ...validRegistration, consumerId: 12345 } as unknown as RegisterAccountInput;

    const error = await validationError(accounts.registerAccount(input));

    expect(error.violations).toMatchObject([
      { field: 'body.consumerId', rule: 'type', limit: 'string', value: 12345 },
    ]);
  });
});

describe('path values', () => {
  test('an issuer id with a lone surrogate is refused: no URL can carry it', async () => {
    const { accounts, exchanges } = client();

    const error = await validationError(
      accounts.deleteAccount({ issuerId: 'FRBANK\uD800042', accountId: 'acct-1' }),
    );

    expect(error.violations).toEqual([
      {
        field: 'issuerId',
        rule: 'wellFormed',
        value: 'FRBANK\uD800042',
        message: 'must be well-formed Unicode (it holds a lone surrogate, which no URL can carry)',
      },
    ]);
    expect(exchanges).toHaveLength(0);
  });

  test('an issuer id with a letter outside the BMP counts it as one character', async () => {
    const { accounts, exchanges } = client();

    await accounts.deleteAccount({ issuerId: 'FRBANK𝒜042', accountId: 'acct-1' });

    expect(new URL(exchanges[0]!.url).pathname).toContain('/issuers/FRBANK%F0%9D%92%9C042/');
    expect(exchanges[0]!.response.headers.get('sl-violations')).toBeNull();
  });
});

describe('deleteAccount input', () => {
  test('checks the reason pattern and the reason code enum', async () => {
    const { accounts, exchanges } = client();

    const error = await validationError(
      accounts.deleteAccount({
        issuerId: 'FRBANK0042',
        accountId: 'acct-1',
        reason: 'closed: fraud',
        reasonCode: 'issuer_decision' as 'ISSUER_DECISION',
      }),
    );

    expect(error.violations).toMatchObject([
      { field: 'body.reason', rule: 'pattern', limit: '^[a-zA-Z0-9 ]{1,64}$' },
      { field: 'body.reasonCode', rule: 'enum', limit: ['USER_DECISION', 'ISSUER_DECISION'] },
    ]);
    expect(exchanges).toHaveLength(0);
  });

  test('refuses an unknown body property instead of sending it silently', async () => {
    const { accounts } = client();
    const input = { issuerId: 'FRBANK0042', accountId: 'acct-1', reasonText: 'closed' };

    const error = await validationError(accounts.deleteAccount(input as never));

    expect(error.violations).toMatchObject([{ field: 'body.reasonText', rule: 'unknownProperty' }]);
  });
});

describe('validate: false', () => {
  test('sends what the spec does not know, and the mock then says what it broke', async () => {
    const { accounts, exchanges } = client(false);
    const input = { ...validRegistration, state: 'SUSPENDED' } as unknown as RegisterAccountInput;

    const error = await accounts.registerAccount(input).catch((e: unknown) => e);

    expect(exchanges).toHaveLength(1);
    expect(JSON.parse(exchanges[0]!.body!)).toMatchObject({ state: 'SUSPENDED' });
    expect(error).toBeInstanceOf(D1ApiError);
    expect([400, 422]).toContain((error as D1ApiError).status);
    expect(exchanges[0]!.response.headers.get('sl-violations')).toContain('state');
  });

  test('can be set per call, over the client default', async () => {
    const { accounts, exchanges } = client();
    const input = { ...validRegistration, state: 'SUSPENDED' } as unknown as RegisterAccountInput;

    await accounts.registerAccount(input, { validate: false }).catch(() => undefined);
    await expect(accounts.registerAccount(input)).rejects.toBeInstanceOf(D1ValidationError);

    expect(exchanges).toHaveLength(1);
  });
});

describe('client options', () => {
  test('baseUrl is required: there is no silent default to production', () => {
    expect(() => createAccountsClient({ auth: MOCK_TOKEN } as never)).toThrow(
      new D1ConfigurationError(
        'baseUrl is required: pass servers.production, servers.staging or a mock URL',
      ),
    );
    expect(() => createAccountsClient({ baseUrl: 'api.d1.example', auth: MOCK_TOKEN })).toThrow(
      'baseUrl is not an absolute URL',
    );
    expect(() => createAccountsClient({ baseUrl: 'ftp://host/x', auth: MOCK_TOKEN })).toThrow(
      'baseUrl must be http or https, not ftp:',
    );
  });

  test('headers may not set what the client owns', () => {
    for (const name of ['Authorization', 'X-Correlation-Id']) {
      expect(() =>
        createAccountsClient({ baseUrl, auth: MOCK_TOKEN, headers: { [name]: 'x' } }),
      ).toThrow(D1ConfigurationError);
    }
  });

  test('headers are sent with every call', async () => {
    const recorder = recordingFetch();
    const accounts = createAccountsClient({
      baseUrl,
      auth: MOCK_TOKEN,
      fetch: recorder.fetch,
      headers: { 'x-batch': 'migration-7' },
    });

    await accounts.registerAccount(validRegistration);

    expect(recorder.exchanges[0]!.headers.get('x-batch')).toBe('migration-7');
  });
});
