/**
 * The layer under openapi-fetch that sends a request: per-attempt timeouts, an optional
 * deadline, the caller's abort signal, retries with backoff, bounded error bodies, and one log
 * line per attempt. openapi-fetch calls it as its `fetch`; its middleware (auth, correlation id)
 * has run once before, so every attempt of a call carries the same token and correlation id.
 */
import { D1AbortError } from '../errors/D1AbortError.ts';
import type { D1Error } from '../errors/D1Error.ts';
import { D1NetworkError } from '../errors/D1NetworkError.ts';
import { D1TimeoutError } from '../errors/D1TimeoutError.ts';
import { LightRequest } from './light-request.ts';
import { type LogFunction, maskedHeaders } from './log.ts';
import { backoffDelay, type BackoffOptions, retryAfterDelay } from './retry-timing.ts';
import { sleep } from './sleep.ts';

/** When and how a call is retried. */
export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt (default 2); `0` turns retrying off. */
  maxRetries: number;
  /** The longest pause a `Retry-After` header is obeyed for, in milliseconds (default 60 s). */
  retryAfterCapMs: number;
  /** Answer statuses that are retried (default 429, 502, 503, 504). */
  statuses: readonly number[];
  /** Whether a failed connection (refused, reset, timed out) is retried (default `true`). */
  connectionFailures: boolean;
}

/** The retry defaults: see the README for why each status is or is not retried. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  jitter: true,
  retryAfterCapMs: 60_000,
  // 500 is documented as an internal error, not a passing one: repeating it would not help.
  statuses: Object.freeze([429, 502, 503, 504]),
  connectionFailures: true,
});

/** The per-attempt timeout by default, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * What the client tells the transport about one call, and what the transport tells it back. It
 * travels on the request (openapi-fetch copies unknown init options onto it).
 */
export interface CallContext {
  operation: string;
  correlationId: string | undefined;
  retry: RetryOptions;
  timeoutMs: number;
  /** The whole call, every attempt and pause included, must end within this many ms. */
  deadlineMs: number | undefined;
  signal: AbortSignal | undefined;
  /** Set by the transport: the attempts made so far. */
  attempts: number;
  /**
   * Set by the transport: an earlier attempt ended in a way that leaves open whether the server
   * acted on it (a timeout, a connection lost after sending, a 502 or 504 from a gateway).
   */
  earlierOutcomeUnknown: boolean;
  /** Set by the auth middleware: the token the call was sent with. Never logged. */
  bearerToken?: string;
}

/** The key under which a {@link CallContext} travels on the request. */
export const CALL_CONTEXT = 'd1Call';

/** Options of {@link createTransport}. */
export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  log: LogFunction;
  /** Extra `fetch` options for every attempt, such as an undici `dispatcher`. */
  fetchInit?: Record<string, unknown>;
}

// An error answer's body is kept only this far: enough for a gateway's message, and a body of
// several megabytes is neither read nor held in memory.
export const MAX_ERROR_BODY_BYTES = 8 * 1024;

// Connection failures after which the request certainly did not reach the server.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
// Connection failures worth another attempt; a name that does not resolve or a certificate that
// is refused will not get better by repeating.
const RETRIED_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);
// Failures that lose a connection that was open.
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
// Gateways answer these without saying whether the server behind them acted on the request.
const OUTCOME_UNKNOWN_STATUSES = new Set([502, 504]);

/** Why an attempt's own signal fired. */
const ATTEMPT_TIMEOUT = Symbol('attempt timeout');
const DEADLINE = Symbol('deadline');

type AttemptResult = { response: Response } | { error: D1Error; retryable: boolean };

/** A `fetch` for openapi-fetch that sends each request as described in this file's header. */
export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  const { log } = options;
  const warnedHeaders = new Set<string>();

  return async function transport(input: RequestInfo | URL): Promise<Response> {
    const request = input as (Request | LightRequest) & { [CALL_CONTEXT]?: CallContext };
    const context = request[CALL_CONTEXT] ?? defaultContext(request);
    // what log lines call the request, built only when a line is written
    const what = () => `${context.operation} ${request.method} ${new URL(request.url).pathname}`;
    const started = performance.now();
    const deadlineAt = context.deadlineMs === undefined ? undefined : started + context.deadlineMs;
    const total = context.retry.maxRetries + 1;

    // read once: every attempt sends the same bytes
    const body =
      request instanceof LightRequest
        ? request.bodyInit
        : request.body === null
          ? undefined
          : await request.text();
    const init = {
      ...options.fetchInit,
      method: request.method,
      headers: request.headers,
      body,
      // The API documents no redirect, and a redirect would carry the bearer token elsewhere.
      redirect: 'manual' as const,
    };

    // attempts add up over a call's sends: the client sends again once after a 401
    const before = context.attempts;
    for (let attempt = 1; ; attempt++) {
      context.attempts = before + attempt;
      const attemptStarted = performance.now();
      if (attempt === 1) {
        log('debug', () => `${what()} headers ${maskedHeaders(request.headers)}`);
      }
      const result = await sendOnce(request.url, init, context, deadlineAt);
      const elapsed = Math.round(performance.now() - attemptStarted);
      const where = `(attempt ${attempt} of ${total}, correlation id ${context.correlationId ?? 'none'})`;

      if ('response' in result) {
        const { response } = result;
        warnOfDeprecation(response, context.operation);
        const retry = context.retry.statuses.includes(response.status) && attempt < total;
        const delay = retry ? pauseAfter(response, attempt, context.retry) : 0;
        if (!retry || !fitsDeadline(delay, deadlineAt)) {
          const level = response.status < 300 ? 'info' : 'error';
          log(level, () => `${what()} answered ` + `${response.status} in ${elapsed} ms ${where}`);
          return response;
        }
        log(
          'warn',
          () =>
            `${what()} answered ` +
            `${response.status} in ${elapsed} ms ${where}; retrying in ${Math.round(delay)} ms`,
        );
        context.earlierOutcomeUnknown ||= OUTCOME_UNKNOWN_STATUSES.has(response.status);
        await response.body?.cancel().catch(() => undefined);
        await pause(delay, context);
        continue;
      }

      const { error, retryable } = result;
      const retry = retryable && attempt < total;
      const delay = retry ? backoffDelay(attempt, context.retry) : 0;
      if (!retry || !fitsDeadline(delay, deadlineAt)) {
        log('error', () => `${what()} failed in ` + `${elapsed} ms: ${reasonOf(error)} ${where}`);
        throw error;
      }
      log(
        'warn',
        () =>
          `${what()} failed in ${elapsed} ms: ` +
          `${reasonOf(error)} ${where}; retrying in ${Math.round(delay)} ms`,
      );
      context.earlierOutcomeUnknown ||= !(
        error instanceof D1NetworkError && NOT_SENT_CODES.has(error.code ?? '')
      );
      await pause(delay, context);
    }
  };

  /** One attempt, bounded by the per-attempt timeout, the deadline and the caller's signal. */
  async function sendOnce(
    url: string,
    init: RequestInit,
    context: CallContext,
    deadlineAt: number | undefined,
  ): Promise<AttemptResult> {
    const errorContext = () => ({
      operation: context.operation,
      correlationId: context.correlationId,
      attempts: context.attempts,
    });
    if (context.signal?.aborted) {
      return { error: aborted(context), retryable: false };
    }

    // Not handled yet: this controller, its timer and the signal fetch follows cost about 20 µs
    // an attempt, the largest share of the client's cost over a bare fetch that is its own.
    // undici's dispatcher timeouts or one shared timer for all attempts would avoid it.
    const controller = new AbortController();
    const untilDeadline = deadlineAt === undefined ? Infinity : deadlineAt - performance.now();
    const byDeadline = untilDeadline <= context.timeoutMs;
    const timer = setTimeout(
      () => controller.abort(byDeadline ? DEADLINE : ATTEMPT_TIMEOUT),
      Math.max(0, Math.min(untilDeadline, context.timeoutMs)),
    );
    const onCallerAbort = () => controller.abort(context.signal?.reason);
    context.signal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      const response = await options.fetch(url, { ...init, signal: controller.signal });
      return { response: await boundedErrorBody(response, controller.signal) };
    } catch (failure) {
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
      if (reason === ATTEMPT_TIMEOUT) {
        return {
          error: new D1TimeoutError('attempt', context.timeoutMs, errorContext()),
          retryable: context.retry.connectionFailures,
        };
      }
      if (reason === DEADLINE) {
        return {
          error: new D1TimeoutError('deadline', context.deadlineMs ?? 0, errorContext()),
          retryable: false,
        };
      }
      if (controller.signal.aborted) {
        return { error: aborted(context), retryable: false };
      }
      const { code, description } = describeFailure(failure, url.startsWith('https:'));
      return {
        error: new D1NetworkError(description, code, { ...errorContext(), cause: failure }),
        retryable:
          context.retry.connectionFailures && code !== undefined && RETRIED_CODES.has(code),
      };
    } finally {
      clearTimeout(timer);
      context.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Logs `Deprecation` and `Sunset` answer headers, once per operation and value. */
  function warnOfDeprecation(response: Response, operation: string): void {
    for (const name of ['deprecation', 'sunset']) {
      const value = response.headers.get(name);
      const key = `${operation} ${name} ${value}`;
      if (value !== null && !warnedHeaders.has(key)) {
        warnedHeaders.add(key);
        log('warn', () => `${operation}: the server sent ${name}: ${value}`);
      }
    }
  }
}

/** The context of a request that came without one (a `raw` call whose request was replaced). */
function defaultContext(request: Request | LightRequest): CallContext {
  return callContext({
    operation: `${request.method} ${new URL(request.url).pathname}`,
    correlationId: request.headers.get('x-correlation-id') ?? undefined,
  });
}

/** A fresh context for a call: the defaults, then `given`; nothing attempted yet. */
export function callContext(
  given: Pick<CallContext, 'operation' | 'correlationId'> &
    Partial<Pick<CallContext, 'retry' | 'timeoutMs' | 'deadlineMs' | 'signal'>>,
): CallContext {
  return {
    retry: DEFAULT_RETRY,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    deadlineMs: undefined,
    signal: undefined,
    ...given,
    attempts: 0,
    earlierOutcomeUnknown: false,
  };
}

/**
 * The answer itself for a success; for any other status, a copy whose body is at most
 * {@link MAX_ERROR_BODY_BYTES} (the rest is not read), so that openapi-fetch parses a bounded
 * text. A connection lost in the middle of an error body keeps what had come: the status is
 * known, and it decides what happens next. A timeout or an abort while reading still throws.
 */
async function boundedErrorBody(response: Response, signal: AbortSignal): Promise<Response> {
  if (response.status < 300 || response.body === null) {
    return response;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ERROR_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (failure) {
    if (signal.aborted) {
      throw failure;
    }
  }
  await reader.cancel().catch(() => undefined);

  const bytes = Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES);
  return new Response(bytes.byteLength === 0 ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The pause before retrying an answer: its `Retry-After` (capped) or the backoff. */
function pauseAfter(response: Response, attempt: number, retry: RetryOptions): number {
  const asked = retryAfterDelay(response.headers.get('retry-after'));
  return asked === undefined
    ? backoffDelay(attempt, retry)
    : Math.min(asked, retry.retryAfterCapMs);
}

function fitsDeadline(delay: number, deadlineAt: number | undefined): boolean {
  return deadlineAt === undefined || performance.now() + delay < deadlineAt;
}

/** A pause between attempts that the caller's signal cuts short. */
async function pause(delay: number, context: CallContext): Promise<void> {
  try {
    await sleep(delay, context.signal);
  } catch {
    throw aborted(context);
  }
}

function aborted(context: CallContext): D1AbortError {
  return new D1AbortError({
    operation: context.operation,
    correlationId: context.correlationId,
    attempts: context.attempts,
    cause: context.signal?.reason,
  });
}

function reasonOf(error: D1Error): string {
  return error instanceof D1NetworkError ? (error.code ?? error.name) : error.name;
}

/**
 * The code and a short description of a failed `fetch`. Node's fetch throws a TypeError
 * ("fetch failed") whose `cause` is the system or undici error that says what happened.
 */
function describeFailure(
  failure: unknown,
  https: boolean,
): { code: string | undefined; description: string } {
  let error = failure as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; depth < 4 && error !== undefined; depth++) {
    if (typeof error.code === 'string') {
      // Under TLS 1.3 a server that refuses the client certificate just closes the connection.
      const hint =
        https && LOST_CODES.has(error.code)
          ? '; a server that requires a client certificate closes the connection this way ' +
            'when none or a wrong one is presented: check the tls option'
          : '';
      return {
        code: error.code,
        description: `${describeCode(error.code)} (${error.code})${hint}`,
      };
    }
    error = error.cause as typeof error;
  }
  const message = (failure as Error | undefined)?.message ?? String(failure);
  return { code: undefined, description: `the request failed: ${message}` };
}

function describeCode(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'connection lost';
    case 'ENOTFOUND':
      return 'host name not found';
    case 'EAI_AGAIN':
      return 'host name lookup failed for now';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      const tls = code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT');
      return tls ? 'TLS failed' : 'network failure';
  }
}
