import type { DeleteAccountInput, RegisterAccountInput } from '../../src/index.ts';

/** A registration that the spec accepts, with a realistic 10-character issuer id. */
export const validRegistration: RegisterAccountInput = {
  issuerId: 'FRBANK0042',
  accountId: 'acct-7f3d2c9e',
  consumerId: 'consumer-48213',
  accountProductId: 'CURRENT_EUR',
  state: 'ACTIVE',
};

/** A deletion that the spec accepts. */
export const validDeletion: DeleteAccountInput = {
  issuerId: 'FRBANK0042',
  accountId: 'acct-7f3d2c9e',
  reason: 'customer was contacted on June 28',
  reasonCode: 'USER_DECISION',
};

/** A token for the mock, which checks only that one is present. */
export const MOCK_TOKEN = 'mock-token-0b3f9c';
