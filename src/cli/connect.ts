/**
 * The client the command line calls through: target and credentials from the flags and the
 * environment, retries and timeouts from the flags, and the rate limit under it all.
 */
import { type AccountsClient, createAccountsClient } from '../client.ts';
import { D1ConfigurationError } from '../errors/D1ConfigurationError.ts';
import type { Logger, LogLevel } from '../transport/log.ts';
import { mutualTlsFetch, type PooledFetch } from '../transport/tls.ts';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from '../transport/transport.ts';
import { type CredentialFlags, type Credentials, loadCredentials } from './credentials.ts';
import { configurationError } from './exit-status.ts';
import { createRateLimiter, rateLimitedFetch } from './rate-limiter.ts';
import { resolveTarget, type Target, type TargetFlags } from './target.ts';

/** The flags every command that calls the API takes. */
export interface ConnectionFlags extends TargetFlags, CredentialFlags {
  /** How long one attempt may wait for its answer, in milliseconds. */
  timeoutMs?: number;
  /** Retries of an attempt that failed in a passing way (429, 502, 503, 504, lost connection). */
  maxRetries?: number;
  /** The least level of the client's log lines that is written to standard error. */
  logLevel?: LogLevel;
}

/** How the calls are paced. */
export interface Pacing {
  /** Rows in progress at once (1 for a single call). */
  concurrency: number;
  /** At most this many requests a second, when given. */
  ratePerSecond?: number | undefined;
}

/** An open client, what it was made from, and how to release it. */
export interface Connection {
  client: AccountsClient;
  target: Target;
  credentials: Credentials;
  close(): Promise<void>;
}

/**
 * Opens the client. Throws an `ExitError`: a usage error for a bad target, a configuration
 * error for missing or unreadable credentials.
 */
export function connect(flags: ConnectionFlags, pacing: Pacing, logger: Logger): Connection {
  const target = resolveTarget(flags);
  const credentials = loadCredentials(flags, target);

  // The client takes either `tls` or `fetch`; the rate limit needs the fetch, so the mutual TLS
  // one is made here and wrapped.
  const pooled: PooledFetch | undefined =
    credentials.tls === undefined ? undefined : mutualTlsFetch(credentials.tls);
  const base = pooled?.fetch ?? globalThis.fetch;
  const limiter =
    pacing.ratePerSecond === undefined ? undefined : createRateLimiter(pacing.ratePerSecond);
  const fetch = limiter === undefined ? base : rateLimitedFetch(base, limiter);

  // The wait for a turn of the rate limit happens inside an attempt, so it counts against the
  // attempt's timeout. At most `concurrency` requests wait at once, so no wait is longer than
  // that many turns: adding it keeps a slow rate from turning into timeouts, whose unknown
  // outcome would then be treated as an attempt that may have reached the server.
  const timeoutMs =
    (flags.timeoutMs ?? DEFAULT_TIMEOUT_MS) +
    (limiter === undefined ? 0 : Math.ceil(pacing.concurrency * limiter.intervalMs));

  let client: AccountsClient;
  try {
    client = createAccountsClient({
      baseUrl: target.baseUrl,
      auth: credentials.auth,
      fetch,
      timeoutMs,
      retry: { maxRetries: flags.maxRetries ?? DEFAULT_RETRY.maxRetries },
      logger,
      logLevel: flags.logLevel ?? 'silent',
      // the command line says it once itself, in its own words
      deprecationWarnings: false,
    });
  } catch (error) {
    void pooled?.close();
    void credentials.close();
    throw error instanceof D1ConfigurationError ? configurationError(error.message) : error;
  }

  return {
    client,
    target,
    credentials,
    async close() {
      await client.close();
      await pooled?.close();
      await credentials.close();
    },
  };
}
