import { attemptsSuffix, correlationSuffix, D1Error } from './D1Error.ts';

/** What the server answered, as carried by a {@link D1ApiError}. */
export interface D1ApiErrorDetails {
  operation: string;
  correlationId: string | undefined;
  /** How many attempts were made, this one included. */
  attempts: number;
  /** The HTTP status of the answer. */
  status: number;
  /** The HTTP status text of the answer (`Not Found`), or the standard one when it was empty. */
  statusText: string;
  /** The answer's headers. */
  headers: Headers;
  /** The `error` text of the generic error body, when the body was one. */
  errorText: string | undefined;
  /** The start of the body as text, when it was not the documented JSON (an HTML page...). */
  bodyText: string | undefined;
  /** A remark for the end of the message, such as what an earlier attempt may have done. */
  note?: string | undefined;
}

/**
 * The server answered with a status other than the operation's success status (204). Each
 * status a caller is likely to branch on has its own subclass: {@link D1BadRequestError},
 * {@link D1UnauthorizedError}, {@link D1ForbiddenError}, {@link D1NotFoundError},
 * {@link D1RateLimitError} and {@link D1ServerError}.
 *
 * The body has already been read. Its `error` text, if any, is in {@link D1ApiError.errorText};
 * that text is for troubleshooting only: the provider may change it at any time, so branch on
 * {@link D1ApiError.status} or the class, never on the text, and do not show it to end users.
 */
export class D1ApiError extends D1Error {
  override name = 'D1ApiError';
  declare readonly operation: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The HTTP status text of the answer. */
  readonly statusText: string;
  /** The answer's headers (for example `deprecation`, `retry-after`, or a gateway's ids). */
  readonly headers: Headers;
  /** The `error` text of the generic error body, when the body had one. */
  readonly errorText: string | undefined;
  /**
   * The first few KiB of the body as text, when it was not the documented JSON error (an HTML
   * page from a gateway, say); `undefined` for an empty or documented body.
   */
  readonly bodyText: string | undefined;

  constructor(details: D1ApiErrorDetails) {
    const text = details.errorText === undefined ? '' : `: ${details.errorText}`;
    const note = details.note === undefined ? '' : ` (${details.note})`;
    super(
      `${details.operation} failed: ${details.status} ${details.statusText}` +
        `${attemptsSuffix(details.attempts)}${correlationSuffix(details.correlationId)}` +
        `${text}${note}`,
      details,
    );
    this.status = details.status;
    this.statusText = details.statusText;
    this.headers = details.headers;
    this.errorText = details.errorText;
    this.bodyText = details.bodyText;
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

/** 400: the request URI, a header or a parameter was refused by the server. */
export class D1BadRequestError extends D1ApiError {
  override name = 'D1BadRequestError';
}

/** 401: the bearer token is missing, invalid or expired. */
export class D1UnauthorizedError extends D1ApiError {
  override name = 'D1UnauthorizedError';
}

/** 403: the action is forbidden; the provider says to check the state of the end user. */
export class D1ForbiddenError extends D1ApiError {
  override name = 'D1ForbiddenError';
}

/**
 * 404: the account was not found.
 *
 * For a delete that was retried after an attempt whose outcome is unknown (a timeout, a reset
 * connection, a 502 or 504 from a gateway), {@link D1NotFoundError.mayAlreadyBeDeleted} is
 * `true`: that earlier attempt may have deleted the account, and this 404 may be its result.
 */
export class D1NotFoundError extends D1ApiError {
  override name = 'D1NotFoundError';
  /** An earlier attempt of this delete may have succeeded: the account may be gone because of it. */
  readonly mayAlreadyBeDeleted: boolean;

  constructor(details: D1ApiErrorDetails & { mayAlreadyBeDeleted?: boolean }) {
    const mayAlreadyBeDeleted = details.mayAlreadyBeDeleted ?? false;
    super(
      mayAlreadyBeDeleted
        ? { ...details, note: 'an earlier attempt whose outcome is unknown may have deleted it' }
        : details,
    );
    this.mayAlreadyBeDeleted = mayAlreadyBeDeleted;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), mayAlreadyBeDeleted: this.mayAlreadyBeDeleted };
  }
}

/** 429: too many requests. {@link D1RateLimitError.retryAfterMs} says when to try again. */
export class D1RateLimitError extends D1ApiError {
  override name = 'D1RateLimitError';
  /** The pause the server asked for with `Retry-After`, in milliseconds, when it gave one. */
  readonly retryAfterMs: number | undefined;

  constructor(details: D1ApiErrorDetails & { retryAfterMs?: number | undefined }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 5xx: the server or a gateway in front of it failed. 500 is not retried: see the README. */
export class D1ServerError extends D1ApiError {
  override name = 'D1ServerError';
}
