/** What every error of this package carries about the call that failed. */
export interface D1ErrorContext {
  /** The operation id of the spec (`registerAccount`, `deleteAccount`), when known. */
  operation?: string | undefined;
  /** The `x-correlation-id` the call was sent with (or would have been sent with). */
  correlationId?: string | undefined;
  /** How many attempts were made; 0 when nothing was sent. */
  attempts?: number | undefined;
  /** The error that caused this one, if any. */
  cause?: unknown;
}

/**
 * The root of every error this package throws, so that one `instanceof D1Error` tells the
 * package's failures from anything else.
 *
 * Messages and {@link D1Error.toJSON} never contain a token, a key or a request body: they are
 * meant to be logged as they are.
 */
export class D1Error extends Error {
  override name = 'D1Error';
  /** The operation id of the spec, when the error belongs to an operation. */
  readonly operation: string | undefined;
  /** The `x-correlation-id` of the call: quote it to the provider when troubleshooting. */
  readonly correlationId: string | undefined;
  /** How many attempts were made (retries included); 0 when nothing was sent. */
  readonly attempts: number;

  constructor(message: string, context: D1ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.operation = context.operation;
    this.correlationId = context.correlationId;
    this.attempts = context.attempts ?? 0;
  }

  /** A plain object that is safe to log: no token, no key, no request body. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      operation: this.operation,
      correlationId: this.correlationId,
      attempts: this.attempts,
    };
  }
}

/** `" (correlation id X)"`, or nothing when there is none: the tail of most messages. */
export function correlationSuffix(correlationId: string | undefined): string {
  return correlationId === undefined ? '' : ` (correlation id ${correlationId})`;
}

/** `" after N attempts"` when the call was retried, else nothing. */
export function attemptsSuffix(attempts: number | undefined): string {
  return attempts === undefined || attempts <= 1 ? '' : ` after ${attempts} attempts`;
}
