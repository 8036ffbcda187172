/** How calls are driven: one after another, or by a number of concurrent workers. */

/** A call of a contender; it rejects on anything but the expected 204. */
export type Call = () => Promise<void>;

/** Makes `calls` calls one after another; resolves with the elapsed milliseconds. */
export async function callSequentially(call: Call, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    await call();
  }
  return performance.now() - started;
}

/**
 * Makes `calls` calls with `concurrency` of them in flight at every moment (a worker starts its
 * next call as soon as its last one ends); resolves with the elapsed milliseconds.
 */
export async function callConcurrently(
  call: Call,
  calls: number,
  concurrency: number,
): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started++;
      await call();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, worker));
  return performance.now() - begin;
}

/**
 * `items` starting at index `by` (modulo their number). Rounds rotate the order of the
 * contenders so that none always runs first, right after a pause, or last, after the others
 * have warmed the connection pool and the JIT.
 */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}
