import { D1Error, type D1ErrorContext } from './D1Error.ts';

/** What a failed token request carries. */
export interface D1AuthErrorContext extends D1ErrorContext {
  /** The status the token endpoint answered, when it answered. */
  status?: number | undefined;
  /** The `error` (and `error_description`) text of the token endpoint's answer, if any. */
  errorText?: string | undefined;
}

/**
 * No usable bearer token could be had for a call: the `auth` option gave none or an empty one,
 * or the token endpoint refused or failed. Nothing was sent to the account operation. The token
 * and the private key never appear in the message or in {@link D1AuthError.toJSON}.
 */
export class D1AuthError extends D1Error {
  override name = 'D1AuthError';
  /** The status the token endpoint answered, when the failure was an answer. */
  readonly status: number | undefined;
  /** The token endpoint's error text, for troubleshooting only. */
  readonly errorText: string | undefined;

  constructor(message: string, context: D1AuthErrorContext = {}) {
    super(message, context);
    this.status = context.status;
    this.errorText = context.errorText;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, errorText: this.errorText };
  }
}
