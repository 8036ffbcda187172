/**
 * The client's input checks, without a call: what `registerAccount` and `deleteAccount` would
 * refuse with a {@link D1ValidationError} before sending anything. For callers that check many
 * inputs first and send them later, such as the command line's bulk runs.
 *
 * The inputs are split into path and body here as the client splits them, and checked by the
 * same generated validators, so that a row these functions accept is one the client sends.
 */
import { operationValidators } from '../../generated/d1-accounts.runtime.ts';
import type { D1ValidationError, Violation } from '../errors/D1ValidationError.ts';
import { findViolations } from './validation.ts';

/** Every violation of a `registerAccount` input (path and body); empty when it is valid. */
export function validateRegisterAccount(input: unknown): Violation[] {
  const { issuerId, accountId, ...body } = asRecord(input);
  return findViolations(operationValidators.registerAccount, {
    path: { issuerId, accountId },
    body,
  });
}

/** Every violation of a `deleteAccount` input (path and optional reason); empty when valid. */
export function validateDeleteAccount(input: unknown): Violation[] {
  const { issuerId, accountId, ...reason } = asRecord(input);
  // as the client does: with neither reason field there is no body to check
  const body = Object.keys(reason).length > 0 ? reason : undefined;
  return findViolations(operationValidators.deleteAccount, {
    path: { issuerId, accountId },
    body,
  });
}

function asRecord(input: unknown): Record<string, unknown> {
  return input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}
