import { correlationSuffix, D1Error, type D1ErrorContext } from './D1Error.ts';

/**
 * The caller aborted the call with its `AbortSignal`: before it was sent, while waiting for the
 * answer, or during a pause between retries. The signal's reason is the `cause`.
 */
export class D1AbortError extends D1Error {
  override name = 'D1AbortError';

  constructor(context: D1ErrorContext) {
    super(
      `${context.operation} aborted by the caller${correlationSuffix(context.correlationId)}`,
      context,
    );
  }
}
