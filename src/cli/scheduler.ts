/**
 * `--concurrency N`: at most N rows in progress at once, taken in the order of the input. Each
 * row has at most one request in flight (the client's retries follow one another), so N also
 * bounds the requests the server has at once from this run.
 */

/** Options of {@link runConcurrently}. */
export interface ScheduleOptions {
  /** How many items may be worked on at once. */
  concurrency: number;
  /** Asked before each item is taken: once it says yes, no new item is started. */
  stopping(): boolean;
}

/**
 * Works on `items` with at most `concurrency` at once, and resolves once every item taken has
 * been worked on. `work` should not throw: the first error it throws stops the taking of new
 * items, and is thrown once the items in progress have ended.
 */
export async function runConcurrently<T>(
  items: Iterable<T>,
  work: (item: T) => Promise<void>,
  options: ScheduleOptions,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failed = false;
  let failure: unknown;

  async function worker(): Promise<void> {
    while (!failed && !options.stopping()) {
      const next = iterator.next();
      if (next.done === true) {
        return;
      }
      try {
        await work(next.value);
      } catch (error) {
        if (!failed) {
          failed = true;
          failure = error;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  if (failed) {
    throw failure;
  }
}
