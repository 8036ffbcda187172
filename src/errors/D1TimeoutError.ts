import { attemptsSuffix, correlationSuffix, D1Error, type D1ErrorContext } from './D1Error.ts';

/**
 * The call took too long: one attempt got no answer within the per-attempt timeout
 * (`kind: 'attempt'`, after the retries allowed), or the whole call ran past its deadline
 * (`kind: 'deadline'`). Whether the server acted on the request is unknown.
 */
export class D1TimeoutError extends D1Error {
  override name = 'D1TimeoutError';
  /** Which limit was reached. */
  readonly kind: 'attempt' | 'deadline';
  /** That limit, in milliseconds. */
  readonly timeoutMs: number;

  constructor(kind: 'attempt' | 'deadline', timeoutMs: number, context: D1ErrorContext) {
    const what =
      kind === 'attempt'
        ? `no answer within ${timeoutMs} ms`
        : `deadline of ${timeoutMs} ms passed`;
    super(
      `${context.operation} failed: ${what}${attemptsSuffix(context.attempts)}` +
        correlationSuffix(context.correlationId),
      context,
    );
    this.kind = kind;
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, timeoutMs: this.timeoutMs };
  }
}
