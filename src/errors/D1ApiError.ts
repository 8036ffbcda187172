import { correlationSuffix, D1Error } from './D1Error.ts';

/** What the server answered, as carried by a {@link D1ApiError}. */
export interface D1ApiErrorDetails {
  operation: string;
  correlationId: string | undefined;
  /** The HTTP status of the answer. */
  status: number;
  /** The HTTP status text of the answer (`Not Found`), or the standard one when it was empty. */
  statusText: string;
  /** The answer's headers. */
  headers: Headers;
  /** The `error` text of the generic error body, when the body had one. */
  errorText: string | undefined;
}

/**
 * The server answered with a status other than the operation's success status (204).
 *
 * The body has already been read: its `error` text, if any, is in {@link D1ApiError.errorText}.
 * That text is for troubleshooting only: the provider may change it at any time, so branch on
 * {@link D1ApiError.status}, never on the text, and do not show it to end users.
 */
export class D1ApiError extends D1Error {
  override name = 'D1ApiError';
  declare readonly operation: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The HTTP status text of the answer. */
  readonly statusText: string;
  /** The answer's headers (for example `deprecation`, or a gateway's own ids). */
  readonly headers: Headers;
  /** The `error` text of the generic error body, when the body had one. */
  readonly errorText: string | undefined;

  constructor(details: D1ApiErrorDetails) {
    const text = details.errorText === undefined ? '' : `: ${details.errorText}`;
    super(
      `${details.operation} failed: ${details.status} ${details.statusText}` +
        `${correlationSuffix(details.correlationId)}${text}`,
      details,
    );
    this.status = details.status;
    this.statusText = details.statusText;
    this.headers = details.headers;
    this.errorText = details.errorText;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      statusText: this.statusText,
      errorText: this.errorText,
    };
  }
}
