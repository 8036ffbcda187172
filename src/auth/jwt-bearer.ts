/**
 * The D1 token flow: an ES256-signed JWT (the assertion) exchanged at the OAuth token endpoint
 * for a bearer token (the JWT bearer grant of RFC 7523), cached until shortly before it expires.
 */
import type { components } from '../../generated/d1-oauth.ts';
import { operations, servers as oauthServers } from '../../generated/d1-oauth.runtime.ts';
import { D1AuthError } from '../errors/D1AuthError.ts';
import { D1ConfigurationError } from '../errors/D1ConfigurationError.ts';
import { statusTextOf } from '../internal/status-text.ts';
import { attemptsSuffix, correlationSuffix, D1Error } from '../errors/D1Error.ts';
import { LightRequest } from '../transport/light-request.ts';
import { createLog, type Logger, type LogLevel } from '../transport/log.ts';
import { mutualTlsFetch, type PooledFetch, type TlsOptions } from '../transport/tls.ts';
import {
  CALL_CONTEXT,
  callContext,
  createTransport,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type RetryOptions,
} from '../transport/transport.ts';
import type { TokenProvider } from './middleware.ts';
import { loadSigningKey, type PrivateKeyInput } from './private-key.ts';

/** The grant type of RFC 7523, the only one the token endpoint takes. */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The token endpoint of each environment, from the OAuth spec's servers and path. */
export const tokenUrls = {
  production: `${oauthServers.production}${operations.getAccessToken.path}`,
  staging: `${oauthServers.staging}${operations.getAccessToken.path}`,
} as const;

// util.inspect's hook, by its registered name: node:util need not be loaded for it.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

// The provider documents tokens valid for 15 minutes, and assertions may live no longer.
const FIFTEEN_MINUTES_S = 15 * 60;
const DEFAULT_ASSERTION_LIFETIME_S = 5 * 60;
const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** Options of {@link jwtBearerAuth}. */
export interface JwtBearerAuthOptions {
  /** The issuer id (or aggregator id): both `iss` and `sub` of the assertion. */
  issuerId: string;
  /** The id of the public key provisioned with the provider: the assertion's `kid`. */
  keyId: string;
  /** The P-256 EC private key that signs the assertions: PKCS#8 PEM, JWK or `KeyObject`. */
  privateKey: PrivateKeyInput;
  /** The token endpoint's URL. Give this or `environment`; there is no default. */
  tokenUrl?: string;
  /** Takes the token endpoint of this environment from the spec, when `tokenUrl` is absent. */
  environment?: keyof typeof tokenUrls;
  /** The assertion's `aud` claim, when the provider asks for one. */
  audience?: string;
  /** How long each assertion is valid, in seconds (default 300; at most 900). */
  assertionLifetimeSeconds?: number;
  /** A token is replaced this long before it expires, in milliseconds (default 60 s). */
  refreshMarginMs?: number;
  /** The `fetch` for token requests (default: the global one, or the mutual TLS one). */
  fetch?: typeof globalThis.fetch;
  /** The client certificate for mutual TLS, which the token endpoint requires in production. */
  tls?: TlsOptions;
  /** Retries of token requests (default as for the account operations). */
  retry?: Partial<RetryOptions>;
  /** How long a token request may wait for its answer, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Where to log token requests; never the assertion or the token. */
  logger?: Logger;
  /** The least severe level written to `logger` (default `info`). */
  logLevel?: LogLevel;
}

/** A token provider for the client's `auth` option, made by {@link jwtBearerAuth}. */
export interface JwtBearerAuth extends TokenProvider {
  /** A valid bearer token: the cached one, or a new one when it is absent or expiring. */
  getToken(): Promise<string>;
  /** Forgets `token` if it is the cached one (the client calls this after a 401). */
  invalidate(token?: string): void;
  /** Releases the mutual TLS connections, if any. */
  close(): Promise<void>;
}

type TokenResponse = components['schemas']['TokenResponse'];

/**
 * A token provider for the D1 JWT bearer flow, usable as the client's `auth`.
 *
 * Each token request carries a new assertion signed with ES256 (header `alg`, `kid`; claims
 * `iss` and `sub` = the issuer id, `iat`, `exp`, a random `jti`, and `aud` when given). The token
 * is reused until `refreshMarginMs` before it expires; any number of concurrent calls that find
 * no valid token share one token request. A failed request rejects every waiter with a
 * {@link D1AuthError} and caches nothing, so the next call tries again.
 *
 * The key is checked when the provider is made: anything but a P-256 EC private key is refused.
 * Neither the key nor a token ever appears in an error, a log line, `toJSON()` or `inspect()`.
 */
export function jwtBearerAuth(options: JwtBearerAuthOptions): JwtBearerAuth {
  const { issuerId, keyId } = options;
  if (typeof issuerId !== 'string' || issuerId === '') {
    throw new D1ConfigurationError('issuerId is required for the token flow');
  }
  if (typeof keyId !== 'string' || keyId === '') {
    throw new D1ConfigurationError('keyId is required for the token flow');
  }
  const signingKey = loadSigningKey(options.privateKey);
  const tokenUrl = resolveTokenUrl(options);
  const lifetimeS = options.assertionLifetimeSeconds ?? DEFAULT_ASSERTION_LIFETIME_S;
  if (!(lifetimeS > 0 && lifetimeS <= FIFTEEN_MINUTES_S)) {
    throw new D1ConfigurationError('assertionLifetimeSeconds must be more than 0 and at most 900');
  }
  const marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  if (options.fetch !== undefined && options.tls !== undefined) {
    throw new D1ConfigurationError('give either fetch or tls to the token provider, not both');
  }

  const pooled: PooledFetch | undefined =
    options.tls === undefined ? undefined : mutualTlsFetch(options.tls);
  const transport = createTransport({
    fetch: options.fetch ?? pooled?.fetch ?? globalThis.fetch,
    log: createLog(options.logger, options.logLevel),
  });
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  /** Signs a fresh assertion. jose is loaded here, on the first token request only. */
  async function assertion(): Promise<string> {
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: keyId, typ: 'JWT' })
      .setIssuer(issuerId)
      .setSubject(issuerId)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeS)
      .setJti(crypto.randomUUID());
    if (options.audience !== undefined) {
      jwt.setAudience(options.audience);
    }
    return jwt.sign(signingKey);
  }

  /** One token request; resolves with the token and when to replace it. */
  async function requestToken(): Promise<{ token: string; refreshAt: number }> {
    const correlationId = crypto.randomUUID();
    const context = callContext({ operation: 'getAccessToken', correlationId, retry, timeoutMs });
    const failed = (what: string, extra: { status?: number; errorText?: string } = {}) => {
      const text = extra.errorText === undefined ? '' : `: ${extra.errorText}`;
      return new D1AuthError(
        `getAccessToken failed: ${what}${attemptsSuffix(context.attempts)}` +
          `${correlationSuffix(correlationId)}${text}`,
        { operation: 'getAccessToken', correlationId, attempts: context.attempts, ...extra },
      );
    };

    const body = new URLSearchParams({
      grant_type: JWT_BEARER_GRANT,
      assertion: await assertion(),
    });
    const request = new LightRequest(tokenUrl, {
      method: 'POST',
      headers: new Headers({
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'x-correlation-id': correlationId,
      }),
      body: body.toString(),
    });
    Object.assign(request, { [CALL_CONTEXT]: context });

    const sentAt = Date.now();
    let response: Response;
    try {
      response = await transport(request as unknown as Request);
    } catch (error) {
      // the transport's errors already say what failed, for this operation, and name no secret
      const message = error instanceof D1Error ? error.message : 'getAccessToken failed';
      throw new D1AuthError(message, {
        operation: 'getAccessToken',
        correlationId,
        attempts: context.attempts,
        cause: error,
      });
    }

    const text = await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (response.status !== 200) {
      throw failed(`${response.status} ${statusTextOf(response)}`, {
        status: response.status,
        errorText: oauthErrorText(parsed),
      });
    }
    const token = parsed as Partial<TokenResponse> | undefined;
    if (typeof token?.access_token !== 'string' || token.access_token === '') {
      throw failed('the answer has no access_token (not the documented JSON)', { status: 200 });
    }
    const lifetimeMs =
      typeof token.expires_in === 'number' && token.expires_in > 0
        ? token.expires_in * 1000
        : FIFTEEN_MINUTES_S * 1000;
    // a token that lives shorter than the margin is used for half its life, not never
    const margin = Math.min(marginMs, lifetimeMs / 2);
    return { token: token.access_token, refreshAt: sentAt + lifetimeMs - margin };
  }

  const provider: JwtBearerAuth = {
    getToken() {
      if (cached !== undefined && Date.now() < cached.refreshAt) {
        return Promise.resolve(cached.token);
      }
      pending ??= requestToken().then(
        (fresh) => {
          cached = fresh;
          pending = undefined;
          return fresh.token;
        },
        (error: unknown) => {
          cached = undefined;
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    invalidate(token) {
      if (cached !== undefined && (token === undefined || token === cached.token)) {
        cached = undefined;
      }
    },
    async close() {
      await pooled?.close();
    },
  };

  // what a log or a debugger may show of the provider: nothing secret
  const described = { issuerId, keyId, tokenUrl };
  Object.defineProperties(provider, {
    toJSON: { value: () => ({ type: 'jwtBearerAuth', ...described }) },
    [INSPECT]: { value: () => `JwtBearerAuth ${JSON.stringify(described)}` },
  });
  return provider;
}

function resolveTokenUrl(options: JwtBearerAuthOptions): string {
  if (options.tokenUrl !== undefined) {
    try {
      new URL(options.tokenUrl);
    } catch {
      throw new D1ConfigurationError('tokenUrl is not an absolute URL');
    }
    return options.tokenUrl;
  }
  if (options.environment !== undefined) {
    const url = tokenUrls[options.environment];
    if (url === undefined) {
      throw new D1ConfigurationError('environment must be production or staging');
    }
    return url;
  }
  throw new D1ConfigurationError(
    'tokenUrl or environment is required: there is no default token endpoint',
  );
}

/** `error: error_description` of an OAuth error body, when the body is one. */
function oauthErrorText(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') {
    return undefined;
  }
  const { error, error_description: description } = body as Record<string, unknown>;
  if (typeof error !== 'string') {
    return undefined;
  }
  return typeof description === 'string' ? `${error}: ${description}` : error;
}
