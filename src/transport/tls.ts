/**
 * Mutual TLS: a `fetch` that presents the issuer's client certificate, through an undici `Agent`
 * that keeps its connections alive and reuses them across calls.
 */
import type { Agent } from 'undici';

import { D1ConfigurationError } from '../errors/D1ConfigurationError.ts';

/** The client certificate for mutual TLS, and the authorities to trust. */
export interface TlsOptions {
  /** The client certificate (PEM), with its chain if the provider needs it. */
  cert: string | Buffer;
  /** The private key of the client certificate (PEM). */
  key: string | Buffer;
  /** Certificate authorities to trust instead of Node's defaults (PEM), e.g. for a test server. */
  ca?: string | Buffer | (string | Buffer)[];
  /** The passphrase of an encrypted `key`. */
  passphrase?: string;
}

/** A `fetch` bound to one connection pool, and the way to release it. */
export interface PooledFetch {
  fetch: typeof globalThis.fetch;
  /** Closes the pool's connections once the requests in flight have ended. */
  close(): Promise<void>;
}

/**
 * A `fetch` over an undici `Agent` that presents `tls.cert`. undici is loaded on the first
 * request, so that a client without mutual TLS never loads it.
 */
export function mutualTlsFetch(tls: TlsOptions): PooledFetch {
  if (tls === null || typeof tls !== 'object' || !tls.cert || !tls.key) {
    throw new D1ConfigurationError('tls: both cert and key are needed for mutual TLS');
  }
  let pool: Promise<{ agent: Agent; fetch: typeof import('undici').fetch }> | undefined;
  const open = () =>
    (pool ??= import('undici').then(({ Agent, fetch }) => ({
      agent: new Agent({
        connect: { cert: tls.cert, key: tls.key, ca: tls.ca, passphrase: tls.passphrase },
      }),
      fetch,
    })));

  return {
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const { agent, fetch } = await open();
      return fetch(input as string, { ...(init as object), dispatcher: agent });
    }) as typeof globalThis.fetch,
    async close() {
      const closing = pool;
      // a call after close opens a new pool rather than failing on a closed one
      pool = undefined;
      if (closing !== undefined) {
        const { agent } = await closing;
        await agent.close();
      }
    },
  };
}
