/**
 * The child process of the memory section: it makes the calls of one contender and reports the
 * resident set, the heap and external memory, read after a full garbage collection, after the
 * warm-up and at every checkpoint. Run with `--expose-gc` by bench/memory.ts.
 *
 * Arguments: base URL, contender name, calls, calls between checkpoints, concurrency, warm-up
 * calls.
 */
import { isMain } from './child.ts';
import { type ContenderName, createContender } from './contenders.ts';
import { callConcurrently } from './load.ts';

// Long enough for the resident set to settle after a collection on this kind of machine (it
// does within 100 ms), short enough for ten readings not to matter to the run's time.
const SETTLE_MS = 300;

/** One reading: after how many calls (0 is right after the warm-up), and the memory then. */
export interface MemoryReading {
  calls: number;
  /** Resident set size, bytes. */
  rss: number;
  /** V8's heap in use, bytes. */
  heapUsed: number;
  /** Memory of C++ objects bound to JavaScript ones, such as Buffers, bytes. */
  external: number;
}

/** What the worker sends its parent. */
export interface MemoryReport {
  readings: MemoryReading[];
}

async function main(): Promise<void> {
  const [baseUrl, name, calls, every, concurrency, warmup] = process.argv.slice(2);
  const contender = await createContender(name as ContenderName, baseUrl!);

  await callConcurrently(contender.call, Number(warmup), Number(concurrency));
  const readings = [await reading(0)];
  for (let made = 0; made < Number(calls);) {
    const chunk = Math.min(Number(every), Number(calls) - made);
    await callConcurrently(contender.call, chunk, Number(concurrency));
    made += chunk;
    readings.push(await reading(made));
  }

  process.send!({ readings } satisfies MemoryReport);
  process.disconnect();
}

/** Memory after a full collection: what is still held, not what is merely not yet collected. */
async function reading(calls: number): Promise<MemoryReading> {
  if (typeof gc !== 'function') {
    throw new Error('the memory worker needs --expose-gc');
  }
  // twice, with a turn of the event loop between, for what the first collection's finalizers
  // and the sockets' callbacks let go of
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  // V8 hands the freed pages back to the system on threads of its own, shortly after the
  // collection: read at once, the resident set can be 50 MiB above where it settles
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const { rss, heapUsed, external } = process.memoryUsage();
  return { calls, rss, heapUsed, external };
}

if (isMain(import.meta.filename)) {
  await main();
}
