import type { components, operations } from '../generated/d1-accounts.ts';
import type { RetryOptions } from './transport/transport.ts';

/** The state of an account, as the spec defines it. */
export type AccountState = components['schemas']['AccountState'];

/** Why an account is deleted, as the spec defines it; the provider defaults to `ISSUER_DECISION`. */
export type ReasonCode = components['schemas']['ReasonCode'];

/** The path parameters that name an account: the issuer and the account. */
export type AccountPath = operations['registerAccount']['parameters']['path'];

/** Input of {@link AccountsClient.registerAccount}: the account's path and its body. */
export type RegisterAccountInput = AccountPath & components['schemas']['Account'];

/** Input of {@link AccountsClient.deleteAccount}: the account's path and the optional reason. */
export type DeleteAccountInput = operations['deleteAccount']['parameters']['path'] &
  components['schemas']['DeleteReason'];

/** Options of a single call. */
export interface CallOptions {
  /**
   * The `x-correlation-id` to send; a random one is made when absent. It must match the spec's
   * pattern (letters, digits, `_`, `-`, `.`, space; 1 to 64) and must not be derived from
   * personal data: the provider logs it in clear.
   */
  correlationId?: string;
  /** Aborts the call: before it is sent, while it waits for an answer, or between retries. */
  signal?: AbortSignal;
  /** How long one attempt may wait for its answer, in milliseconds (default: the client's). */
  timeoutMs?: number;
  /** How long the whole call may take, every retry and pause included, in milliseconds. */
  deadlineMs?: number;
  /** Retry options for this call, over the client's. `{ maxRetries: 0 }` turns retries off. */
  retry?: Partial<RetryOptions>;
  /**
   * Checks the input against the spec before sending (default: the client's `validate`). Turn
   * it off only to send what the spec does not know yet, such as a new enum value.
   */
  validate?: boolean;
}

/** What a successful call resolves with. */
export interface OperationResult {
  /** The HTTP status of the answer: 204. */
  status: number;
  /** The `x-correlation-id` the call was sent with. */
  correlationId: string;
  /** How many attempts it took (1 unless an earlier attempt failed and was retried). */
  attempts: number;
}
