import { STATUS_CODES } from 'node:http';

import createClient, { type Client } from 'openapi-fetch';

import type { paths } from '../generated/d1-accounts.ts';
import { operationValidators } from '../generated/d1-accounts.runtime.ts';
import { D1ApiError } from './errors/D1ApiError.ts';
import { D1ConfigurationError } from './errors/D1ConfigurationError.ts';
import { D1ValidationError } from './errors/D1ValidationError.ts';
import type { OperationId } from './internal/operations.ts';
import { findViolations } from './internal/validation.ts';
import { type AuthOption, authMiddleware } from './middleware/auth.ts';
import {
  CORRELATION_HEADER,
  correlationIdViolations,
  correlationMiddleware,
  newCorrelationId,
} from './middleware/correlation.ts';
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
  /** The `fetch` to send requests with (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /**
   * Headers sent with every request. `Authorization` and `x-correlation-id` are the client's
   * own and are refused here: use `auth` and the per-call `correlationId`.
   */
  headers?: Record<string, string>;
  /** Checks every input against the spec before sending (default `true`). */
  validate?: boolean;
}

/** The client of the two account operations. */
export interface AccountsClient {
  /**
   * Registers an account for an end user (PUT `/issuers/{issuerId}/accounts/{accountId}`).
   * Deprecated by the provider: check with the Thales integration team before using it.
   *
   * Resolves on 204. Throws {@link D1ValidationError} for input that breaks the spec (nothing
   * sent), {@link D1AuthError} when no token could be had (nothing sent), and
   * {@link D1ApiError} for any other answer.
   */
  registerAccount(input: RegisterAccountInput, options?: CallOptions): Promise<OperationResult>;
  /**
   * Deletes an account (POST `/issuers/{issuerId}/accounts/{accountId}/operations:delete`).
   * `reason` and `reasonCode` are optional; the provider records `ISSUER_DECISION` when no
   * reason code is given. Deprecated by the provider: check with the Thales integration team
   * before using it.
   *
   * Resolves and throws as {@link AccountsClient.registerAccount} does.
   */
  deleteAccount(input: DeleteAccountInput, options?: CallOptions): Promise<OperationResult>;
  /**
   * The typed openapi-fetch client underneath, with the same base URL, headers and middleware
   * (auth and correlation id), for calls this client does not wrap. It does not validate
   * bodies and does not throw on error statuses.
   */
  readonly raw: Client<paths>;
}

// Header names compared in lower case, as HTTP does.
const OWN_HEADERS = ['authorization', CORRELATION_HEADER];

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

  const raw = createClient<paths>({ baseUrl, headers, fetch: options.fetch });
  raw.use(correlationMiddleware(), authMiddleware(options.auth));

  /** Checks the input, when asked, and gives the correlation id to send. */
  function prepare(operation: OperationId, input: object, call: CallOptions): string {
    const correlationId = call.correlationId ?? newCorrelationId();
    if (call.validate ?? validateByDefault) {
      const violations = findViolations(operationValidators[operation], input);
      if (call.correlationId !== undefined) {
        violations.push(...correlationIdViolations(call.correlationId));
      }
      if (violations.length > 0) {
        throw new D1ValidationError(operation, violations);
      }
    }
    return correlationId;
  }

  return {
    async registerAccount(input, call = {}) {
      const { issuerId, accountId, ...body } = input;
      const path = { issuerId, accountId };
      const correlationId = prepare('registerAccount', { path, body }, call);

      const { response, error } = await raw.PUT('/issuers/{issuerId}/accounts/{accountId}', {
        params: { path, header: { [CORRELATION_HEADER]: correlationId } },
        body,
        signal: call.signal,
      });
      return outcome('registerAccount', correlationId, response, error);
    },

    async deleteAccount(input, call = {}) {
      const { issuerId, accountId, ...reason } = input;
      const path = { issuerId, accountId };
      // with neither field there is nothing to say: the body is optional
      const body = Object.keys(reason).length > 0 ? reason : undefined;
      const correlationId = prepare('deleteAccount', { path, body }, call);

      const { response, error } = await raw.POST(
        '/issuers/{issuerId}/accounts/{accountId}/operations:delete',
        {
          params: { path, header: { [CORRELATION_HEADER]: correlationId } },
          body,
          signal: call.signal,
        },
      );
      return outcome('deleteAccount', correlationId, response, error);
    },

    raw,
  };
}

/** Resolves on the operation's success status, 204; throws a {@link D1ApiError} otherwise. */
function outcome(
  operation: OperationId,
  correlationId: string,
  response: Response,
  error: unknown,
): OperationResult {
  if (response.status === 204) {
    return { status: response.status, correlationId };
  }
  throw new D1ApiError({
    operation,
    correlationId,
    status: response.status,
    statusText: response.statusText || STATUS_CODES[response.status] || 'Unknown Status',
    headers: response.headers,
    errorText: errorTextOf(error),
  });
}

/** The `error` text of the generic error body, when the body is one. */
function errorTextOf(body: unknown): string | undefined {
  if (body !== null && typeof body === 'object' && 'error' in body) {
    const { error } = body as { error: unknown };
    return typeof error === 'string' ? error : undefined;
  }
  return undefined;
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
