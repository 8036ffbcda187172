/**
 * The Node deprecation warning of each operation: once per process, with a stable code, and off
 * on request. Vitest gives every test file its own module state, so "once per process" starts
 * afresh here.
 */
import { afterEach, beforeEach, expect, inject, test } from 'vitest';

import { createAccountsClient } from '../src/index.ts';
import { MOCK_TOKEN, validDeletion, validRegistration } from './support/fixtures.ts';

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

beforeEach(() => {
  warnings.length = 0;
  process.on('warning', onWarning);
});

afterEach(() => {
  process.off('warning', onWarning);
});

/** Warnings are emitted on the next tick: give them one to arrive. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('turned off, no warning is emitted', async () => {
  const quiet = createAccountsClient({
    baseUrl: inject('prismUrl'),
    auth: MOCK_TOKEN,
    deprecationWarnings: false,
  });

  await quiet.registerAccount(validRegistration);
  await settle();

  expect(warnings).toEqual([]);
});

test('each operation warns on its first call in the process, and only then', async () => {
  const accounts = createAccountsClient({ baseUrl: inject('prismUrl'), auth: MOCK_TOKEN });
  const again = createAccountsClient({ baseUrl: inject('prismUrl'), auth: MOCK_TOKEN });

  await accounts.registerAccount(validRegistration);
  await accounts.registerAccount(validRegistration);
  await again.registerAccount(validRegistration);
  await accounts.deleteAccount(validDeletion);
  await again.deleteAccount(validDeletion);
  await settle();

  expect(warnings.map(({ name, message, ...rest }) => ({ name, message, ...rest }))).toEqual([
    {
      name: 'DeprecationWarning',
      code: 'D1_ACCOUNTS_REGISTER_DEPRECATED',
      message:
        'registerAccount is deprecated by the provider: check with the Thales integration team ' +
        'before using it (turn this warning off with deprecationWarnings: false)',
    },
    {
      name: 'DeprecationWarning',
      code: 'D1_ACCOUNTS_DELETE_DEPRECATED',
      message:
        'deleteAccount is deprecated by the provider: check with the Thales integration team ' +
        'before using it (turn this warning off with deprecationWarnings: false)',
    },
  ]);
});
