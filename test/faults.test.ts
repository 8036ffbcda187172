/**
 * How the client fails, against a real local server that misbehaves on purpose: for each case
 * the final outcome, the number of attempts, and an upper bound on the time it took.
 */
import { inspect } from 'node:util';

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

import {
  type AccountsClientOptions,
  createAccountsClient,
  D1AbortError,
  D1ApiError,
  D1BadRequestError,
  D1Error,
  D1ForbiddenError,
  D1NetworkError,
  D1NotFoundError,
  D1RateLimitError,
  D1ServerError,
  D1TimeoutError,
  type Logger,
  type OperationResult,
} from '../src/index.ts';
import {
  type FaultServer,
  jsonError,
  noAnswer,
  reply,
  resetBeforeAnswer,
  resetMidBody,
  startFaultServer,
} from './support/fault-server.ts';
import { validDeletion, validRegistration } from './support/fixtures.ts';

const TOKEN = 'fault-suite-token-7c1d9e2f';

let server: FaultServer;
let elsewhere: FaultServer;
const captured: string[] = [];

beforeAll(async () => {
  server = await startFaultServer();
  // another host name for the same machine, for the redirect case
  elsewhere = await startFaultServer('localhost');
});

afterAll(async () => {
  await server.close();
  await elsewhere.close();
  // nothing that was printed, logged or thrown in this file holds the token
  expect(captured.length).toBeGreaterThan(0);
  for (const text of captured) {
    expect(text).not.toContain(TOKEN);
  }
});

afterEach(() => {
  server.requests.length = 0;
  elsewhere.requests.length = 0;
});

const capture: Logger = {
  debug: (line) => captured.push(line),
  info: (line) => captured.push(line),
  warn: (line) => captured.push(line),
  error: (line) => captured.push(line),
};

/** Short pauses and timeouts, so that the whole suite runs in seconds. */
function client(options: Partial<AccountsClientOptions> = {}) {
  return createAccountsClient({
    baseUrl: server.url,
    auth: TOKEN,
    retry: { initialDelayMs: 20, maxDelayMs: 80 },
    timeoutMs: 1_000,
    logger: capture,
    logLevel: 'debug',
    deprecationWarnings: false,
    ...options,
  });
}

/** Runs a call that must fail; returns the error and how long it took. */
async function failure<T extends D1Error>(
  call: Promise<unknown>,
  type: new (...args: never[]) => T,
): Promise<{ error: T; ms: number }> {
  const started = performance.now();
  const error = await call.then(
    () => expect.fail('the call resolved'),
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(type);
  captured.push((error as Error).message, JSON.stringify(error), inspect(error, { depth: 5 }));
  return { error: error as T, ms };
}

async function success(call: Promise<OperationResult>) {
  const started = performance.now();
  const result = await call;
  return { result, ms: performance.now() - started };
}

function timers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

describe('connection failures', () => {
  test('a reset before the answer is retried, then reported as D1NetworkError', async () => {
    server.script(resetBeforeAnswer);

    const { error, ms } = await failure(
      client().registerAccount(validRegistration),
      D1NetworkError,
    );

    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(error.message).toMatch(
      /^registerAccount failed: connection lost \(\w+\) after 3 attempts \(correlation id [\w-]+\)$/,
    );
    expect(error.cause).toBeDefined();
    expect(ms).toBeLessThan(2_000);
  });

  test('a reset before the answer, then a 204: the call succeeds on the second attempt', async () => {
    server.script(resetBeforeAnswer, reply(204));

    const { result, ms } = await success(client().registerAccount(validRegistration));

    expect(result.attempts).toBe(2);
    expect(ms).toBeLessThan(2_000);
  });

  test('a reset in the middle of an error body keeps the status and what had come', async () => {
    server.script(resetMidBody);

    const { error, ms } = await failure(client().registerAccount(validRegistration), D1ServerError);

    expect(error.status).toBe(500);
    expect(error.attempts).toBe(1);
    expect(error.errorText).toBeUndefined();
    expect(error.bodyText).toBe('{"error": "Internal');
    expect(ms).toBeLessThan(2_000);
  });

  test('a host that does not resolve is a D1NetworkError at once, not retried', async () => {
    const unresolvable = client({ baseUrl: 'http://d1-accounts-test.invalid' });

    const { error, ms } = await failure(unresolvable.deleteAccount(validDeletion), D1NetworkError);

    expect(error.code).toBe('ENOTFOUND');
    expect(error.attempts).toBe(1);
    expect(error.message).toContain('host name not found (ENOTFOUND)');
    expect(ms).toBeLessThan(5_000);
  });

  test('a refused connection is retried and reported with its code', async () => {
    const closed = await startFaultServer();
    await closed.close();

    const { error } = await failure(
      client({ baseUrl: closed.url }).registerAccount(validRegistration),
      D1NetworkError,
    );

    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(3);
  });
});

describe('timeouts and cancellation', () => {
  test('no answer until the per-attempt timeout: retried, then D1TimeoutError', async () => {
    server.script(noAnswer);

    const { error, ms } = await failure(
      client({ timeoutMs: 200 }).registerAccount(validRegistration),
      D1TimeoutError,
    );

    expect(error.kind).toBe('attempt');
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(ms).toBeGreaterThanOrEqual(600);
    expect(ms).toBeLessThan(2_500);
  });

  test('the deadline of a call ends it even while an attempt is still waiting', async () => {
    server.script(noAnswer);

    const { error, ms } = await failure(
      client().registerAccount(validRegistration, { deadlineMs: 300 }),
      D1TimeoutError,
    );

    expect(error.kind).toBe('deadline');
    expect(error.attempts).toBe(1);
    expect(ms).toBeLessThan(1_000);
  });

  test('the caller aborts while waiting for the answer', async () => {
    server.script(noAnswer);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('operator stopped the run')), 100);

    const { error, ms } = await failure(
      client().registerAccount(validRegistration, { signal: controller.signal }),
      D1AbortError,
    );

    expect(error.attempts).toBe(1);
    expect((error.cause as Error).message).toBe('operator stopped the run');
    expect(ms).toBeLessThan(800);
  });

  test('the caller aborts during a backoff pause', async () => {
    server.script(jsonError(503, 'Service unavailable'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const slowRetries = client({ retry: { initialDelayMs: 5_000, maxDelayMs: 5_000 } });

    const { error, ms } = await failure(
      slowRetries.deleteAccount(validDeletion, { signal: controller.signal }),
      D1AbortError,
    );

    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(1_000);
  });

  test('a signal aborted before the call sends nothing', async () => {
    const { error } = await failure(
      client().registerAccount(validRegistration, { signal: AbortSignal.abort() }),
      D1AbortError,
    );

    expect(error.attempts).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  test('no timer is left running after a call ends, whichever way it ended', async () => {
    const before = timers();
    server.script(jsonError(503, 'busy'), reply(204));
    await client().registerAccount(validRegistration);
    server.script(noAnswer);
    await client({ timeoutMs: 100, retry: { maxRetries: 0 } })
      .registerAccount(validRegistration)
      .catch(() => undefined);

    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe('retried statuses', () => {
  test('503 then 204 succeeds on the second attempt, with the same correlation id', async () => {
    server.script(jsonError(503, 'Service unavailable'), reply(204));

    const { result, ms } = await success(client().registerAccount(validRegistration));

    expect(result.attempts).toBe(2);
    const ids = server.requests.map((request) => request.headers['x-correlation-id']);
    expect(ids).toEqual([result.correlationId, result.correlationId]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(ms).toBeLessThan(1_000);
  });

  for (const status of [502, 503, 504]) {
    test(`${status} until the retries run out is a D1ServerError after 3 attempts`, async () => {
      server.script(jsonError(status, 'Gateway trouble'));

      const { error, ms } = await failure(client().deleteAccount(validDeletion), D1ServerError);

      expect(error.status).toBe(status);
      expect(error.attempts).toBe(3);
      expect(error.errorText).toBe('Gateway trouble');
      expect(error.message).toContain(' after 3 attempts (correlation id ');
      expect(new Set(server.requests.map((r) => r.headers['x-correlation-id'])).size).toBe(1);
      expect(ms).toBeLessThan(1_500);
    });
  }

  test('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    server.script(jsonError(429, 'Too many requests', { 'retry-after': '1' }), reply(204));

    const { result, ms } = await success(client().registerAccount(validRegistration));

    expect(result.attempts).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2_000);
  });

  test('429 with Retry-After as an HTTP date waits until then, then succeeds', async () => {
    const at = new Date(Date.now() + 2_000).toUTCString();
    server.script(jsonError(429, 'Too many requests', { 'retry-after': at }), reply(204));

    const { result, ms } = await success(client().registerAccount(validRegistration));

    expect(result.attempts).toBe(2);
    // an HTTP date counts whole seconds: the pause is between one and two of them
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3_000);
  });

  test('a Retry-After beyond the cap is obeyed only up to the cap', async () => {
    server.script(jsonError(429, 'Too many requests', { 'retry-after': '3600' }), reply(204));

    const capped = client({ retry: { initialDelayMs: 20, retryAfterCapMs: 200 } });
    const { result, ms } = await success(capped.registerAccount(validRegistration));

    expect(result.attempts).toBe(2);
    expect(ms).toBeLessThan(1_500);
  });

  test('429 until the retries run out is a D1RateLimitError with the pause asked for', async () => {
    server.script(jsonError(429, 'Too many requests', { 'retry-after': '0' }));

    const { error } = await failure(client().registerAccount(validRegistration), D1RateLimitError);

    expect(error.attempts).toBe(3);
    expect(error.retryAfterMs).toBe(0);
  });

  test('maxRetries: 0 turns retrying off, per client and per call', async () => {
    server.script(jsonError(503, 'busy'));

    const off = await failure(
      client({ retry: { maxRetries: 0 } }).registerAccount(validRegistration),
      D1ServerError,
    );
    const offForOneCall = await failure(
      client().registerAccount(validRegistration, { retry: { maxRetries: 0 } }),
      D1ServerError,
    );

    expect(off.error.attempts).toBe(1);
    expect(offForOneCall.error.attempts).toBe(1);
    expect(server.requests).toHaveLength(2);
  });
});

describe('statuses that are not retried', () => {
  const cases = [
    { status: 400, type: D1BadRequestError },
    { status: 403, type: D1ForbiddenError },
    { status: 404, type: D1NotFoundError },
    { status: 500, type: D1ServerError },
  ] as const;

  for (const { status, type } of cases) {
    test(`${status} is a ${type.name} after one attempt`, async () => {
      server.script(jsonError(status, `status ${status}`));

      const { error } = await failure(client().registerAccount(validRegistration), type);

      expect(error).toBeInstanceOf(D1ApiError);
      expect(error).toMatchObject({ status, attempts: 1, errorText: `status ${status}` });
      expect(server.requests).toHaveLength(1);
    });
  }
});

describe('a delete retried after an unknown outcome', () => {
  test('504 then 404: the account may already have been deleted by the first attempt', async () => {
    server.script(jsonError(504, 'Gateway timeout'), jsonError(404, 'Account not found'));

    const { error } = await failure(client().deleteAccount(validDeletion), D1NotFoundError);

    expect(error.attempts).toBe(2);
    expect(error.mayAlreadyBeDeleted).toBe(true);
    expect(error.message).toContain(
      'an earlier attempt whose outcome is unknown may have deleted it',
    );
  });

  test('a timeout then 404 is flagged the same way', async () => {
    server.script(noAnswer, jsonError(404, 'Account not found'));

    const { error } = await failure(
      client({ timeoutMs: 150 }).deleteAccount(validDeletion),
      D1NotFoundError,
    );

    expect(error.mayAlreadyBeDeleted).toBe(true);
  });

  test('503 then 404 is a plain 404: a 503 says the request was not handled', async () => {
    server.script(jsonError(503, 'busy'), jsonError(404, 'Account not found'));

    const { error } = await failure(client().deleteAccount(validDeletion), D1NotFoundError);

    expect(error.attempts).toBe(2);
    expect(error.mayAlreadyBeDeleted).toBe(false);
  });

  test('a registration is never flagged: only a delete can make its own 404', async () => {
    server.script(jsonError(504, 'Gateway timeout'), jsonError(404, 'Account not found'));

    const { error } = await failure(client().registerAccount(validRegistration), D1NotFoundError);

    expect(error.mayAlreadyBeDeleted).toBe(false);
  });
});

describe('error answers that are not the documented JSON', () => {
  test('an HTML 502 from a gateway is a D1ServerError with the start of the page', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    server.script(reply(502, { 'content-type': 'text/html' }, page));

    const { error } = await failure(client().registerAccount(validRegistration), D1ServerError);

    expect(error).toMatchObject({ status: 502, attempts: 3, errorText: undefined, bodyText: page });
  });

  test('an empty 500 is a D1ServerError with no text', async () => {
    server.script(reply(500));

    const { error } = await failure(client().registerAccount(validRegistration), D1ServerError);

    expect(error).toMatchObject({ status: 500, attempts: 1, errorText: undefined });
    expect(error.bodyText).toBeUndefined();
    expect(error.message).toMatch(
      /^registerAccount failed: 500 Internal Server Error \(correlation/,
    );
  });

  test('truncated JSON is kept as text, with no parse error of its own', async () => {
    server.script(reply(400, { 'content-type': 'application/json' }, '{"error": "Inval'));

    const { error } = await failure(client().registerAccount(validRegistration), D1BadRequestError);

    expect(error).toMatchObject({ errorText: undefined, bodyText: '{"error": "Inval' });
  });

  test('a 5 MiB error body is cut to the first 8 KiB and not read further', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    server.script(reply(500, { 'content-type': 'text/plain' }, huge));

    const { error, ms } = await failure(client().registerAccount(validRegistration), D1ServerError);

    expect(error.bodyText).toHaveLength(8 * 1024);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('redirects', () => {
  test('are not followed, so the Authorization header never reaches another host', async () => {
    server.script(reply(302, { location: `${elsewhere.url}/stolen` }));

    const { error } = await failure(client().registerAccount(validRegistration), D1ApiError);

    expect(error.status).toBe(302);
    expect(error.headers.get('location')).toBe(`${elsewhere.url}/stolen`);
    expect(error.attempts).toBe(1);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('logging', () => {
  test('writes one line per attempt with operation, path, status, duration and attempt', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (line) => lines.push(`debug ${line}`),
      info: (line) => lines.push(`info ${line}`),
      warn: (line) => lines.push(`warn ${line}`),
      error: (line) => lines.push(`error ${line}`),
    };
    server.script(jsonError(503, 'busy'), reply(204));

    const result = await client({ logger, logLevel: 'info' }).registerAccount(validRegistration);

    const id = result.correlationId;
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        '^warn d1-accounts: registerAccount PUT /issuers/FRBANK0042/accounts/acct-7f3d2c9e ' +
          `answered 503 in \\d+ ms \\(attempt 1 of 3, correlation id ${id}\\); retrying in \\d+ ms$`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        '^info d1-accounts: registerAccount PUT /issuers/FRBANK0042/accounts/acct-7f3d2c9e ' +
          `answered 204 in \\d+ ms \\(attempt 2 of 3, correlation id ${id}\\)$`,
      ),
    );
  });

  test('at debug level it lists the headers, with the Authorization value masked', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (line) => lines.push(line),
      info: (line) => lines.push(line),
      warn: (line) => lines.push(line),
      error: (line) => lines.push(line),
    };
    server.script(reply(204));

    await client({ logger, logLevel: 'debug' }).registerAccount(validRegistration);

    const headers = lines.find((line) => line.includes(' headers '));
    expect(headers).toContain('authorization: Bearer ***');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  test('logs Deprecation and Sunset headers sent by the server, once per operation', async () => {
    const lines: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => lines.push(line), error() {} };
    server.script(reply(204, { deprecation: 'true', sunset: 'Wed, 30 Jun 2027 00:00:00 GMT' }));

    const accounts = client({ logger, logLevel: 'warn' });
    await accounts.registerAccount(validRegistration);
    await accounts.registerAccount(validRegistration);

    expect(lines).toEqual([
      'd1-accounts: registerAccount: the server sent deprecation: true',
      'd1-accounts: registerAccount: the server sent sunset: Wed, 30 Jun 2027 00:00:00 GMT',
    ]);
  });

  test('nothing is logged by default', async () => {
    const written: unknown[] = [];
    const methods = ['debug', 'info', 'warn', 'error', 'log'] as const;
    const originals = methods.map((name) => console[name]);
    for (const name of methods) {
      console[name] = (...args: unknown[]) => void written.push(args);
    }
    try {
      server.script(jsonError(503, 'busy'), reply(204));
      await createAccountsClient({
        baseUrl: server.url,
        auth: TOKEN,
        retry: { initialDelayMs: 10 },
        deprecationWarnings: false,
      }).registerAccount(validRegistration);
    } finally {
      methods.forEach((name, i) => (console[name] = originals[i]!));
    }
    expect(written).toEqual([]);
  });
});
