/** How long to wait before a retry, and how a server's `Retry-After` is read. */

/** The timing of retries, as configured. */
export interface BackoffOptions {
  /** Pause before the first retry, in milliseconds; it doubles with every retry. */
  initialDelayMs: number;
  /** The longest pause between two attempts, in milliseconds. */
  maxDelayMs: number;
  /** Randomises each pause so that many clients that failed together do not retry together. */
  jitter: boolean;
}

/**
 * The pause before retry number `retry` (1 for the first retry): exponential from
 * `initialDelayMs`, at most `maxDelayMs`, and with jitter somewhere between half of that and all
 * of it ("equal jitter": never so short that a struggling server is hit again at once).
 */
export function backoffDelay(retry: number, options: BackoffOptions, random = Math.random): number {
  const exponential = options.initialDelayMs * 2 ** (retry - 1);
  const capped = Math.min(exponential, options.maxDelayMs);
  return options.jitter ? capped / 2 + random() * (capped / 2) : capped;
}

// The three forms of an HTTP date (RFC 9110, section 5.6.7): IMF-fixdate, and the obsolete
// RFC 850 and asctime forms. Date.parse alone would take "1.5" or "-5" for a date long past.
const HTTP_DATE = [
  /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
];
// asctime names no zone; HTTP means GMT, and Date.parse would take the machine's own.
const ASCTIME_DATE = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * The pause a `Retry-After` header asks for, in milliseconds, or `undefined` when the header is
 * absent or unreadable (the backoff then applies). Both forms of RFC 9110 are read: a number of
 * seconds, or an HTTP date. A date in the past asks for no pause.
 */
export function retryAfterDelay(header: string | null, now = Date.now()): number | undefined {
  if (header === null) {
    return undefined;
  }
  const value = header.trim();
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  let date: number;
  if (HTTP_DATE.some((form) => form.test(value))) {
    date = Date.parse(value);
  } else if (ASCTIME_DATE.test(value)) {
    date = Date.parse(`${value} GMT`);
  } else {
    return undefined;
  }
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
