/**
 * `--rate R`: at most R requests a second, counted where it matters, at the server.
 *
 * Requests are let through one at a time, each at least `(1000 + JITTER_ALLOWANCE_MS) / R`
 * milliseconds after the previous one was let through (a token bucket with a burst of one). The
 * gap is measured from when a request actually went, not from when it was due, so a pause of
 * this process (a busy event loop, a garbage collection) never lets a burst catch up.
 *
 * Why the allowance: with gaps of exactly 1/R, R + 1 requests span exactly one second, and a
 * request that is delayed on its way (in this process, on the network, at the server) while the
 * next one is not could put R + 1 of them into one second at the server. Widening the gap by
 * 25 ms over R requests absorbs up to 25 ms of such jitter; the price is a rate 2.5 % below R.
 */

/** How much delay, in total over one second of requests, the spacing absorbs. */
export const JITTER_ALLOWANCE_MS = 25;

/** Lets requests through at a bounded rate. */
export interface RateLimiter {
  /** The time between two requests, in milliseconds. */
  readonly intervalMs: number;
  /**
   * Resolves when the caller may send one request. Rejects with the signal's reason if `signal`
   * aborts first; the place in the queue is then given up.
   */
  acquire(signal?: AbortSignal | null): Promise<void>;
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
  signal: AbortSignal | null | undefined;
  onAbort: () => void;
}

/** A rate limiter of at most `perSecond` requests in any one second. */
export function createRateLimiter(perSecond: number): RateLimiter {
  if (!(perSecond > 0 && Number.isFinite(perSecond))) {
    throw new RangeError('the rate must be a positive number of requests a second');
  }
  const intervalMs = (1000 + JITTER_ALLOWANCE_MS) / perSecond;
  const queue: Waiter[] = [];
  let lastGrant = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  function pump(): void {
    if (timer !== undefined) {
      return;
    }
    while (queue.length > 0) {
      const wait = lastGrant + intervalMs - performance.now();
      if (wait > 0) {
        // setTimeout may fire a little early; the loop measures again when it does
        timer = setTimeout(() => {
          timer = undefined;
          pump();
        }, Math.ceil(wait));
        return;
      }
      const waiter = queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      lastGrant = performance.now();
      waiter.resolve();
    }
  }

  return {
    intervalMs,
    acquire(signal) {
      if (signal?.aborted) {
        return Promise.reject(signal.reason);
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) {
              queue.splice(index, 1);
            }
            reject(signal?.reason);
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        queue.push(waiter);
        pump();
      });
    },
  };
}

/**
 * A `fetch` that takes its turn from `limiter` before each request. Placed under the client, it
 * counts every attempt: retries and the repeat after a refused token included.
 */
export function rateLimitedFetch(
  fetch: typeof globalThis.fetch,
  limiter: RateLimiter,
): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    await limiter.acquire(init?.signal);
    return fetch(input, init);
  }) as typeof globalThis.fetch;
}
