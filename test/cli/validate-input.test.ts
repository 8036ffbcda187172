/**
 * The checks the bulk runs make before sending (`src/internal/validate-input.ts`) are the
 * client's: for each input, they find exactly the violations the client throws, and none for
 * an input it sends.
 */
import { describe, expect, inject, test } from 'vitest';

import { createAccountsClient, D1ValidationError } from '../../src/index.ts';
import {
  validateDeleteAccount,
  validateRegisterAccount,
} from '../../src/internal/validate-input.ts';
import { MOCK_TOKEN, validDeletion, validRegistration } from '../support/fixtures.ts';

const client = createAccountsClient({
  baseUrl: inject('prismUrl'),
  auth: MOCK_TOKEN,
  deprecationWarnings: false,
});

/** The violations the client throws for `call`, or none when it sends it. */
async function clientViolations(call: Promise<unknown>) {
  try {
    await call;
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(D1ValidationError);
    return (error as D1ValidationError).violations;
  }
}

const registrations: Record<string, unknown>[] = [
  validRegistration,
  { ...validRegistration, accountProductId: undefined },
  { ...validRegistration, issuerId: 'FRBANK' },
  { ...validRegistration, accountId: 'a/b', state: 'OPEN' },
  { issuerId: 'FRBANK0042', accountId: 'acct-1' },
  { ...validRegistration, consumerID: 'consumer-1' },
  { ...validRegistration, consumerId: 42 },
  // a lone surrogate: no URL can carry it, which the spec's schemas cannot say
  { ...validRegistration, issuerId: 'FRBANK004\uD800' },
  {},
];

const deletions: Record<string, unknown>[] = [
  validDeletion,
  { issuerId: 'FRBANK0042', accountId: 'acct-1' },
  { ...validDeletion, reason: 'closed: fraud' },
  { ...validDeletion, reasonCode: 'BANK_DECISION' },
  { ...validDeletion, reasonCod: 'USER_DECISION' },
  { ...validDeletion, issuerId: '\uDC00FRBANK004' },
  { accountId: '' },
];

describe('validate-input', () => {
  test.each(registrations.map((input) => [JSON.stringify(input), input]))(
    'registerAccount %s',
    async (_name, input) => {
      const expected = await clientViolations(client.registerAccount(input as never));
      expect(validateRegisterAccount(input)).toEqual(expected);
    },
  );

  test.each(deletions.map((input) => [JSON.stringify(input), input]))(
    'deleteAccount %s',
    async (_name, input) => {
      const expected = await clientViolations(client.deleteAccount(input as never));
      expect(validateDeleteAccount(input)).toEqual(expected);
    },
  );

  test('the valid inputs of the fixtures have no violation', () => {
    expect(validateRegisterAccount(validRegistration)).toEqual([]);
    expect(validateDeleteAccount(validDeletion)).toEqual([]);
  });
});
