import { attemptsSuffix, correlationSuffix, D1Error, type D1ErrorContext } from './D1Error.ts';

/**
 * No answer could be had: the connection was refused or reset, the host name did not resolve,
 * or TLS failed. The original error is the `cause`; {@link D1NetworkError.code} is its code
 * (`ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, `UND_ERR_SOCKET`, a TLS code...) when it had one.
 */
export class D1NetworkError extends D1Error {
  override name = 'D1NetworkError';
  /** The system or undici error code of the failure, when there was one. */
  readonly code: string | undefined;

  constructor(failure: string, code: string | undefined, context: D1ErrorContext) {
    super(
      `${context.operation} failed: ${failure}${attemptsSuffix(context.attempts)}` +
        correlationSuffix(context.correlationId),
      context,
    );
    this.code = code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code };
  }
}
