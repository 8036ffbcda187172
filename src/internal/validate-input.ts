/**
 * The client's input checks, without a call: what `registerAccount` and `deleteAccount` would
 * refuse with a {@link D1ValidationError} before sending anything. For callers that check many
 * inputs first and send them later, such as the command line's bulk runs.
 *
 * The inputs are split into path and body by the client's own split (`inputs.ts`) and checked
 * by the same function, `inputViolations`, so that a row these functions accept is one the
 * client sends; `test/cli/validate-input.test.ts` holds the two to the same answers.
 */
import type { D1ValidationError, Violation } from '../errors/D1ValidationError.ts';
import { deleteAccountParts, registerAccountParts } from './inputs.ts';
import { inputViolations } from './validation.ts';

/** Every violation of a `registerAccount` input (path and body); empty when it is valid. */
export function validateRegisterAccount(input: unknown): Violation[] {
  return inputViolations('registerAccount', registerAccountParts(asInput(input)));
}

/** Every violation of a `deleteAccount` input (path and optional reason); empty when valid. */
export function validateDeleteAccount(input: unknown): Violation[] {
  return inputViolations('deleteAccount', deleteAccountParts(asInput(input)));
}

/** The input as the split takes it: the validators then say what is missing or mistyped. */
function asInput(input: unknown) {
  const record = input !== null && typeof input === 'object' ? input : {};
  return record as Record<string, unknown> & { issuerId: string; accountId: string };
}
