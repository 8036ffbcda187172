/**
 * A call's final outcome, as the journal, the report and the exit status see it.
 */
import { D1ApiError, D1NotFoundError } from '../errors/D1ApiError.ts';
import { D1Error } from '../errors/D1Error.ts';
import { D1NetworkError } from '../errors/D1NetworkError.ts';
import { D1TimeoutError } from '../errors/D1TimeoutError.ts';
import type { OperationResult } from '../types.ts';
import type { RowOutcome } from './journal.ts';

/** The outcome of one call. */
export interface CallOutcome {
  outcome: Extract<RowOutcome, 'succeeded' | 'alreadyDeleted' | 'failed'>;
  status: number | undefined;
  attempts: number;
  correlationId: string;
  /** The error's class, for a failure. */
  error?: string | undefined;
  /** The error's message (it names no value and no secret), or why a 404 is not a failure. */
  reason?: string | undefined;
  /** A failure after which the server may still have acted on the request. */
  mayHaveTakenEffect?: boolean | undefined;
}

/** The outcome of a call that resolved. */
export function succeeded(result: OperationResult): CallOutcome {
  return {
    outcome: 'succeeded',
    status: result.status,
    attempts: result.attempts,
    correlationId: result.correlationId,
  };
}

/**
 * The outcome of a call that threw. A delete that answers 404 is `alreadyDeleted` when an
 * earlier attempt may have deleted the account: an attempt of this call (the client's
 * `mayAlreadyBeDeleted`), or an earlier run's request for this row whose outcome is unknown
 * (`earlierMayHaveTakenEffect`). Any other 404 is a failure: the account was not there to be
 * deleted, which may well mean a wrong id in the input.
 */
export function failed(
  error: unknown,
  operation: string,
  correlationId: string,
  earlierMayHaveTakenEffect: boolean,
): CallOutcome {
  const attempts = error instanceof D1Error ? error.attempts : 0;
  const status = error instanceof D1ApiError ? error.status : undefined;
  if (
    error instanceof D1NotFoundError &&
    operation === 'deleteAccount' &&
    (error.mayAlreadyBeDeleted || earlierMayHaveTakenEffect)
  ) {
    return {
      outcome: 'alreadyDeleted',
      status,
      attempts,
      correlationId,
      reason: 'not found after an earlier attempt whose outcome is unknown: deleted by it',
    };
  }
  return {
    outcome: 'failed',
    status,
    attempts,
    correlationId,
    error: error instanceof Error ? error.name : 'Error',
    reason:
      error instanceof D1Error
        ? error.message
        : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
    mayHaveTakenEffect:
      error instanceof D1TimeoutError ||
      error instanceof D1NetworkError ||
      status === 502 ||
      status === 504,
  };
}
