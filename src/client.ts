import createClient, { type Client } from 'openapi-fetch';

import type { paths } from '../generated/d1-accounts.ts';
import { D1AbortError } from './errors/D1AbortError.ts';
import {
  D1ApiError,
  type D1ApiErrorDetails,
  D1BadRequestError,
  D1ForbiddenError,
  D1NotFoundError,
  D1RateLimitError,
  D1ServerError,
  D1UnauthorizedError,
} from './errors/D1ApiError.ts';
import { D1ConfigurationError } from './errors/D1ConfigurationError.ts';
import { D1ValidationError } from './errors/D1ValidationError.ts';
import {
  deleteAccountParts,
  type OperationParts,
  registerAccountParts,
} from './internal/inputs.ts';
import type { OperationId } from './internal/operations.ts';
import { statusTextOf } from './internal/status-text.ts';
import { inputViolations, type OperationInput } from './internal/validation.ts';
import { type AuthOption, authMiddleware } from './auth/middleware.ts';
import {
  CORRELATION_HEADER,
  correlationIdViolations,
  correlationMiddleware,
  newCorrelationId,
} from './correlation/middleware.ts';
import { LightRequest } from './transport/light-request.ts';
import { createLog, type Logger, type LogLevel } from './transport/log.ts';
import { mutualTlsFetch, type TlsOptions } from './transport/tls.ts';
import { serializePath, serializeQuery } from './transport/url.ts';
import { retryAfterDelay } from './transport/retry-timing.ts';
import {
  CALL_CONTEXT,
  type CallContext,
  callContext,
  createTransport,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type RetryOptions,
} from './transport/transport.ts';
import type {
  CallOptions,
  DeleteAccountInput,
  OperationResult,
  RegisterAccountInput,
} from './types.ts';

/** Options of {@link createAccountsClient}. */
export interface AccountsClientOptions {
  /**
   * The API's base URL, such as `servers.staging` or a mock's URL. Required: the client never
   * falls back to production by itself.
   */
  baseUrl: string;
  /** Where bearer tokens come from: a token, a function, or a token provider. */
  auth: AuthOption;
  /** The `fetch` to send requests with (default: the global one, or the mutual TLS one). */
  fetch?: typeof globalThis.fetch;
  /**
   * The client certificate for mutual TLS, which production requires. Connections are kept
   * alive and reused; {@link AccountsClient.close} releases them.
   */
  tls?: TlsOptions;
  /**
   * Headers sent with every request. `Authorization` and `x-correlation-id` are the client's
   * own and are refused here: use `auth` and the per-call `correlationId`.
   */
  headers?: Record<string, string>;
  /** Checks every input against the spec before sending (default `true`). */
  validate?: boolean;
  /**
   * Retries of calls that failed in a passing way (429, 502, 503, 504, a lost connection), by
   * default 2 with exponential backoff from 0.5 s to 8 s. `{ maxRetries: 0 }` turns them off.
   */
  retry?: Partial<RetryOptions>;
  /** How long one attempt may wait for its answer, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Where to write one line per attempt (default: nowhere). `console` and pino both fit. */
  logger?: Logger;
  /** The least severe level written to `logger` (default `info`). */
  logLevel?: LogLevel;
  /**
   * Emits a Node `DeprecationWarning` on the first call of each operation in the process
   * (default `true`): both operations are deprecated by the provider.
   */
  deprecationWarnings?: boolean;
}

/** The client of the two account operations. */
export interface AccountsClient {
  /**
   * Registers an account for an end user (PUT `/issuers/{issuerId}/accounts/{accountId}`).
   * Deprecated by the provider: check with the Thales integration team before using it.
   *
   * Resolves on 204. Throws {@link D1ValidationError} for input that breaks the spec and
   * {@link D1AuthError} when no token could be had (nothing sent in either case), a subclass of
   * {@link D1ApiError} for any other answer, {@link D1NetworkError}, {@link D1TimeoutError} or
   * {@link D1AbortError} when no answer came. Every error carries the correlation id.
   */
  registerAccount(input: RegisterAccountInput, options?: CallOptions): Promise<OperationResult>;
  /**
   * Deletes an account (POST `/issuers/{issuerId}/accounts/{accountId}/operations:delete`).
   * `reason` and `reasonCode` are optional; the provider records `ISSUER_DECISION` when no
   * reason code is given. Deprecated by the provider: check with the Thales integration team
   * before using it.
   *
   * Resolves and throws as {@link AccountsClient.registerAccount} does. A 404 after a retry
   * whose earlier attempt had an unknown outcome is a {@link D1NotFoundError} with
   * `mayAlreadyBeDeleted: true`.
   */
  deleteAccount(input: DeleteAccountInput, options?: CallOptions): Promise<OperationResult>;
  /**
   * The typed openapi-fetch client underneath, with the same base URL, headers, middleware
   * (auth and correlation id) and transport (timeouts, retries, logging), for calls this client
   * does not wrap. It does not validate bodies and does not throw on error statuses.
   */
  readonly raw: Client<paths>;
  /** Releases the client's mutual TLS connections, once the calls in flight have ended. */
  close(): Promise<void>;
}

// Header names compared in lower case, as HTTP does.
const OWN_HEADERS = ['authorization', CORRELATION_HEADER];

// Operations already warned about in this process: the warning is for the first call only.
const deprecationWarned = new Set<OperationId>();

/**
 * Creates a client of the account operations.
 *
 * ```ts
 * const client = createAccountsClient({ baseUrl: servers.staging, auth: process.env.D1_TOKEN! });
 * await client.registerAccount({ issuerId, accountId, consumerId, state: 'ACTIVE' });
 * ```
 */
export function createAccountsClient(options: AccountsClientOptions): AccountsClient {
  const baseUrl = checkBaseUrl(options?.baseUrl);
  const headers = checkHeaders(options.headers);
  const validateByDefault = options.validate ?? true;
  const retryByDefault = retryOptions(DEFAULT_RETRY, options.retry);
  const timeoutByDefault = checkPositive('timeoutMs', options.timeoutMs) ?? DEFAULT_TIMEOUT_MS;
  const warnOfDeprecation = options.deprecationWarnings ?? true;

  if (options.fetch !== undefined && options.tls !== undefined) {
    throw new D1ConfigurationError('give either fetch or tls to the client, not both');
  }
  const pooled = options.tls === undefined ? undefined : mutualTlsFetch(options.tls);
  const transport = createTransport({
    fetch: options.fetch ?? pooled?.fetch ?? globalThis.fetch,
    log: createLog(options.logger, options.logLevel),
  });
  const raw = createClient<paths>({
    baseUrl,
    headers,
    fetch: transport,
    // see light-request.ts: the transport sends with one fetch(url, init), as a bare call does
    Request: LightRequest as unknown as typeof Request,
    // see url.ts: made once, not on every call
    querySerializer: serializeQuery,
    pathSerializer: serializePath,
  });
  raw.use(correlationMiddleware(), authMiddleware(options.auth));
  const refreshable = tokenInvalidator(options.auth);

  /**
   * Sends a call; after a 401, when the token provider can forget the refused token, sends it
   * once more with a new one. A second 401 is the caller's {@link D1UnauthorizedError}.
   */
  async function send(
    context: CallContext,
    call: () => Promise<{ response: Response; error?: unknown }>,
  ): Promise<OperationResult> {
    let result = await call();
    if (result.response.status === 401 && refreshable && context.bearerToken !== undefined) {
      refreshable(context.bearerToken);
      result = await call();
    }
    return outcome(context, result.response, result.error);
  }

  /** Checks the input, when asked, and gives the context the call travels with. */
  function prepare(operation: OperationId, input: OperationInput, call: CallOptions): CallContext {
    if (call.signal?.aborted) {
      throw new D1AbortError({
        operation,
        correlationId: call.correlationId,
        cause: call.signal.reason,
      });
    }
    if (warnOfDeprecation && !deprecationWarned.has(operation)) {
      deprecationWarned.add(operation);
      process.emitWarning(
        `${operation} is deprecated by the provider: check with the Thales integration team ` +
          'before using it (turn this warning off with deprecationWarnings: false)',
        { type: 'DeprecationWarning', code: DEPRECATION_CODES[operation] },
      );
    }

    // the caller's correlation id is checked even without validation: the header must be sent
    // as it was given (the correlation middleware trusts the id of the call's context)
    const violations =
      (call.validate ?? validateByDefault) ? inputViolations(operation, input) : [];
    if (call.correlationId !== undefined) {
      violations.push(...correlationIdViolations(call.correlationId));
    }
    if (violations.length > 0) {
      throw new D1ValidationError(operation, violations);
    }

    return callContext({
      operation,
      correlationId: call.correlationId ?? newCorrelationId(),
      retry: call.retry === undefined ? retryByDefault : retryOptions(retryByDefault, call.retry),
      timeoutMs: checkPositive('timeoutMs', call.timeoutMs) ?? timeoutByDefault,
      deadlineMs: checkPositive('deadlineMs', call.deadlineMs),
      signal: call.signal,
    });
  }

  return {
    async registerAccount(input, call = {}) {
      const parts = registerAccountParts(input);
      const context = prepare('registerAccount', parts, call);

      const init = callInit(parts, context);
      return send(context, () => raw.PUT('/issuers/{issuerId}/accounts/{accountId}', init));
    },

    async deleteAccount(input, call = {}) {
      const parts = deleteAccountParts(input);
      const context = prepare('deleteAccount', parts, call);

      const init = callInit(parts, context);
      return send(context, () =>
        raw.POST('/issuers/{issuerId}/accounts/{accountId}/operations:delete', init),
      );
    },

    raw,

    async close() {
      await pooled?.close();
    },
  };
}

/** openapi-fetch's options of a call: its parts, its correlation id, and its context. */
function callInit<Body>({ path, body }: OperationParts<Body>, context: CallContext) {
  return {
    params: { path, header: { [CORRELATION_HEADER]: context.correlationId } },
    body,
    [CALL_CONTEXT]: context,
  };
}

/** The provider's `invalidate`, bound, when `auth` is a provider that has one. */
function tokenInvalidator(auth: AuthOption): ((token: string) => void) | undefined {
  if (auth !== null && typeof auth === 'object' && typeof auth.invalidate === 'function') {
    return (token) => auth.invalidate?.(token);
  }
  return undefined;
}

/** Stable codes of the deprecation warnings, so that a process can filter on them. */
const DEPRECATION_CODES: Record<OperationId, string> = {
  registerAccount: 'D1_ACCOUNTS_REGISTER_DEPRECATED',
  deleteAccount: 'D1_ACCOUNTS_DELETE_DEPRECATED',
};

/** Resolves on the operation's success status, 204; throws a {@link D1ApiError} otherwise. */
function outcome(context: CallContext, response: Response, body: unknown): OperationResult {
  const correlationId = context.correlationId as string;
  if (response.status === 204) {
    return { status: response.status, correlationId, attempts: context.attempts };
  }
  const errorText = errorTextOf(body);
  const details: D1ApiErrorDetails = {
    operation: context.operation,
    correlationId,
    attempts: context.attempts,
    status: response.status,
    statusText: statusTextOf(response),
    headers: response.headers,
    errorText,
    bodyText: errorText === undefined ? bodyTextOf(body) : undefined,
  };
  throw apiError(details, context);
}

/** The subclass of {@link D1ApiError} for a status. */
function apiError(details: D1ApiErrorDetails, context: CallContext): D1ApiError {
  switch (details.status) {
    case 400:
      return new D1BadRequestError(details);
    case 401:
      return new D1UnauthorizedError(details);
    case 403:
      return new D1ForbiddenError(details);
    case 404:
      return new D1NotFoundError({
        ...details,
        mayAlreadyBeDeleted: context.operation === 'deleteAccount' && context.earlierOutcomeUnknown,
      });
    case 429:
      return new D1RateLimitError({
        ...details,
        retryAfterMs: retryAfterDelay(details.headers.get('retry-after')),
      });
    default:
      return details.status >= 500 ? new D1ServerError(details) : new D1ApiError(details);
  }
}

/** The `error` text of the generic error body, when the body is one. */
function errorTextOf(body: unknown): string | undefined {
  if (body !== null && typeof body === 'object' && 'error' in body) {
    const { error } = body as { error: unknown };
    return typeof error === 'string' ? error : undefined;
  }
  return undefined;
}

/** A body that is not the documented error, as text (the transport has bounded its size). */
function bodyTextOf(body: unknown): string | undefined {
  if (body === undefined || body === '') {
    return undefined;
  }
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function retryOptions(base: RetryOptions, given: Partial<RetryOptions> | undefined): RetryOptions {
  const merged = { ...base, ...given };
  if (!Number.isInteger(merged.maxRetries) || merged.maxRetries < 0) {
    throw new D1ConfigurationError('retry.maxRetries must be a whole number, 0 or more');
  }
  for (const name of ['initialDelayMs', 'maxDelayMs', 'retryAfterCapMs'] as const) {
    if (!(merged[name] >= 0)) {
      throw new D1ConfigurationError(`retry.${name} must be a number of milliseconds, 0 or more`);
    }
  }
  return merged;
}

function checkPositive(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new D1ConfigurationError(`${name} must be a positive number of milliseconds`);
  }
  return value;
}

function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') {
    throw new D1ConfigurationError(
      'baseUrl is required: pass servers.production, servers.staging or a mock URL',
    );
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new D1ConfigurationError('baseUrl is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new D1ConfigurationError(`baseUrl must be http or https, not ${url.protocol}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new D1ConfigurationError('baseUrl must not have a query or a fragment');
  }
  return baseUrl;
}

function checkHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  for (const name of Object.keys(headers ?? {})) {
    if (OWN_HEADERS.includes(name.toLowerCase())) {
      throw new D1ConfigurationError(
        `headers: ${name} is set by the client; use the auth option or a call's correlationId`,
      );
    }
  }
  return { ...headers };
}
