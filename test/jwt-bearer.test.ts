/**
 * The JWT bearer token flow: the signed assertion, the token cache, the refresh after a 401,
 * the token endpoint's failures, and that no secret ever leaves in an error or a log line. The
 * token endpoint is a local server that counts what it receives, or Prism from the OAuth spec.
 */
import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { inspect } from 'node:util';

import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from 'vitest';

import {
  createAccountsClient,
  D1AuthError,
  D1ConfigurationError,
  D1NetworkError,
  D1UnauthorizedError,
  JWT_BEARER_GRANT,
  type JwtBearerAuthOptions,
  jwtBearerAuth,
  type Logger,
  tokenUrls,
} from '../src/index.ts';
import { type FaultServer, jsonError, reply, startFaultServer } from './support/fault-server.ts';
import { validRegistration } from './support/fixtures.ts';

const ISSUER_ID = 'FRBANK0042';
const KEY_ID = 'key-2026-01';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const PRIVATE_D = privateKey.export({ format: 'jwk' }).d!;

let server: FaultServer;
let issued = 0;
/** Every token the server handed out, every assertion it received: none may leak. */
const secrets: string[] = [PRIVATE_PEM.split('\n')[1]!, PRIVATE_D];
const captured: string[] = [];

/** A token endpoint that answers each request with a new token, valid `expiresIn` seconds. */
function issueTokens(expiresIn: number | undefined = 900) {
  return (
    reply(200, { 'content-type': 'application/json' }, '') &&
    (((_req, res) => {
      const token = `issued-token-${++issued}-${Math.random().toString(36).slice(2)}`;
      secrets.push(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' }));
    }) satisfies Parameters<FaultServer['route']>[1])
  );
}

const tokenRequests = () => server.requests.filter((r) => r.url === '/oauth2/token');
const accountRequests = () => server.requests.filter((r) => r.url.startsWith('/issuers/'));

const capture: Logger = {
  debug: (line) => captured.push(line),
  info: (line) => captured.push(line),
  warn: (line) => captured.push(line),
  error: (line) => captured.push(line),
};

function provider(options: Partial<JwtBearerAuthOptions> = {}) {
  return jwtBearerAuth({
    issuerId: ISSUER_ID,
    keyId: KEY_ID,
    privateKey: PRIVATE_PEM,
    tokenUrl: `${server.url}/oauth2/token`,
    retry: { initialDelayMs: 10, maxDelayMs: 20 },
    logger: capture,
    logLevel: 'debug',
    ...options,
  });
}

function client(auth: ReturnType<typeof provider>) {
  return createAccountsClient({
    baseUrl: server.url,
    auth,
    deprecationWarnings: false,
    retry: { initialDelayMs: 10, maxDelayMs: 20 },
    logger: capture,
    logLevel: 'debug',
  });
}

async function authFailure(call: Promise<unknown>): Promise<D1AuthError> {
  const error = await call.then(
    () => expect.fail('the call resolved'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(D1AuthError);
  captured.push((error as Error).message, JSON.stringify(error), inspect(error, { depth: 6 }));
  return error as D1AuthError;
}

beforeAll(async () => {
  server = await startFaultServer();
});

afterEach(() => {
  server.requests.length = 0;
  server.script(reply(204));
  server.route('/oauth2/token', issueTokens());
  vi.useRealTimers();
});

afterAll(async () => {
  await server.close();
  expect(captured.length).toBeGreaterThan(0);
  for (const text of captured) {
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
    }
  }
});

describe('the assertion', () => {
  test('is an ES256 JWT with kid, iss, sub, iat, exp, jti, verified with the public key', async () => {
    server.route('/oauth2/token', issueTokens());
    const before = Math.floor(Date.now() / 1000);

    await provider().getToken();

    const [request] = tokenRequests();
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers['x-correlation-id']).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const form = new URLSearchParams(request!.body);
    expect(form.get('grant_type')).toBe(JWT_BEARER_GRANT);
    const assertion = form.get('assertion')!;
    secrets.push(assertion);

    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'ES256', kid: KEY_ID, typ: 'JWT' });
    const { payload } = await jwtVerify(assertion, publicKey, {
      algorithms: ['ES256'],
      issuer: ISSUER_ID,
      subject: ISSUER_ID,
    });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.aud).toBeUndefined();
    expect(Object.keys(payload).sort()).toEqual(['exp', 'iat', 'iss', 'jti', 'sub']);
  });

  test('carries aud when given, a new jti each time, and exp at most 15 minutes on', async () => {
    const tokens = provider({
      audience: 'https://api.d1-stg.thalescloud.io',
      assertionLifetimeSeconds: 900,
    });

    await tokens.getToken();
    tokens.invalidate();
    await tokens.getToken();

    const payloads = await Promise.all(
      tokenRequests().map(async (request) => {
        const assertion = new URLSearchParams(request.body).get('assertion')!;
        secrets.push(assertion);
        return (await jwtVerify(assertion, publicKey)).payload;
      }),
    );
    expect(payloads).toHaveLength(2);
    expect(payloads.map((p) => p.aud)).toEqual([
      'https://api.d1-stg.thalescloud.io',
      'https://api.d1-stg.thalescloud.io',
    ]);
    expect(payloads[0]!.jti).not.toBe(payloads[1]!.jti);
    for (const payload of payloads) {
      expect(payload.exp! - payload.iat!).toBe(900);
    }
    expect(() => provider({ assertionLifetimeSeconds: 901 })).toThrow(D1ConfigurationError);
  });
});

describe('the key', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
  const ed25519 = generateKeyPairSync('ed25519').privateKey;

  test('may be PKCS#8 PEM, a JWK or a KeyObject', async () => {
    for (const key of [PRIVATE_PEM, privateKey.export({ format: 'jwk' }), privateKey]) {
      await expect(provider({ privateKey: key }).getToken()).resolves.toMatch(/^issued-token-/);
    }
  });

  const refused: [string, unknown, string][] = [
    ['an RSA key', rsa, 'this is a rsa key'],
    ['an EC key on P-384', p384, 'this is an EC key on secp384r1'],
    ['an Ed25519 key', ed25519.export({ type: 'pkcs8', format: 'pem' }), 'this is a ed25519 key'],
    ['a public key', publicKey, 'this is a public key'],
    ['a JWK without its private part', publicKey.export({ format: 'jwk' }), 'has no private part'],
    ['text that is not PEM', 'not a key', 'not PEM text'],
    [
      'a broken PEM',
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
      'not a readable',
    ],
  ];

  for (const [name, key, reason] of refused) {
    test(`${name} is refused when the provider is made, saying what is needed`, () => {
      const make = () => provider({ privateKey: key as KeyObject });

      expect(make).toThrow(D1ConfigurationError);
      expect(make).toThrow(reason);
      expect(make).toThrow('expected an EC private key on the P-256 curve (ES256)');
    });
  }

  test('and the token never show in toJSON() or inspect() of the provider', async () => {
    const tokens = provider();
    const token = await tokens.getToken();

    const shown = [JSON.stringify(tokens), inspect(tokens, { depth: 10, showHidden: true })];
    captured.push(...shown);
    for (const text of shown) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(PRIVATE_D);
      expect(text).toContain(ISSUER_ID);
    }
  });
});

describe('the token cache', () => {
  test('1,000 concurrent calls on a cold client make one token request', async () => {
    const accounts = client(provider());

    const results = await Promise.all(
      Array.from({ length: 1000 }, () => accounts.registerAccount(validRegistration)),
    );

    expect(results.every((result) => result.status === 204)).toBe(true);
    expect(tokenRequests()).toHaveLength(1);
    expect(accountRequests()).toHaveLength(1000);
    const sent = new Set(accountRequests().map((r) => r.headers.authorization));
    expect(sent.size).toBe(1);
  });

  test('reuses the token until the margin before it expires, then gets a new one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const tokens = provider({ refreshMarginMs: 60_000 });

    const first = await tokens.getToken();
    vi.setSystemTime(start + 13 * 60_000);
    const stillCached = await tokens.getToken();
    vi.setSystemTime(start + 14 * 60_000 + 1);
    const renewed = await tokens.getToken();

    expect(stillCached).toBe(first);
    expect(renewed).not.toBe(first);
    expect(tokenRequests()).toHaveLength(2);
  });

  test('takes 15 minutes when the answer gives no expires_in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    server.route('/oauth2/token', issueTokens(undefined));
    const start = Date.now();
    const tokens = provider({ refreshMarginMs: 60_000 });

    const first = await tokens.getToken();
    vi.setSystemTime(start + 13 * 60_000);
    expect(await tokens.getToken()).toBe(first);
    vi.setSystemTime(start + 14 * 60_000 + 1);
    expect(await tokens.getToken()).not.toBe(first);
  });

  test('a 401 discards the token, gets a new one and retries the call once', async () => {
    server.script(jsonError(401, 'Token expired'), reply(204));
    const accounts = client(provider());

    const result = await accounts.registerAccount(validRegistration);

    expect(result).toMatchObject({ status: 204, attempts: 2 });
    expect(tokenRequests()).toHaveLength(2);
    const [refused, accepted] = accountRequests();
    expect(refused!.headers.authorization).not.toBe(accepted!.headers.authorization);
    expect(refused!.headers['x-correlation-id']).toBe(accepted!.headers['x-correlation-id']);
  });

  test('a second 401 is the caller’s D1UnauthorizedError', async () => {
    server.script(jsonError(401, 'Invalid token'));
    const accounts = client(provider());

    const error = await accounts.registerAccount(validRegistration).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(D1UnauthorizedError);
    expect((error as D1UnauthorizedError).attempts).toBe(2);
    expect(accountRequests()).toHaveLength(2);
    expect(tokenRequests()).toHaveLength(2);
    captured.push((error as Error).message, inspect(error));
  });
});

describe('a failing token endpoint', () => {
  const failures = [
    {
      name: 'a 400 with an OAuth error',
      behaviour: jsonError(400, 'invalid_grant'),
      status: 400,
      message: /^getAccessToken failed: 400 Bad Request \(correlation id [\w-]+\): invalid_grant$/,
    },
    {
      name: 'a 500',
      behaviour: reply(500, { 'content-type': 'text/html' }, '<html>oops</html>'),
      status: 500,
      message: /^getAccessToken failed: 500 Internal Server Error \(correlation id [\w-]+\)$/,
    },
    {
      name: 'malformed JSON',
      behaviour: reply(200, { 'content-type': 'application/json' }, '{"access_token": "abc'),
      status: 200,
      message: /^getAccessToken failed: the answer has no access_token \(not the documented JSON\)/,
    },
  ];

  for (const { name, behaviour, status, message } of failures) {
    test(`${name}: every waiter gets a D1AuthError, then the next call recovers`, async () => {
      server.route('/oauth2/token', behaviour, issueTokens());
      const accounts = client(provider());

      const waiters = Array.from({ length: 5 }, () =>
        authFailure(accounts.registerAccount(validRegistration)),
      );
      const errors = await Promise.all(waiters);

      expect(new Set(errors).size).toBe(1);
      expect(errors[0]!.status).toBe(status);
      expect(errors[0]!.message).toMatch(message);
      expect(tokenRequests()).toHaveLength(1);
      expect(accountRequests()).toHaveLength(0);

      await expect(accounts.registerAccount(validRegistration)).resolves.toMatchObject({
        status: 204,
      });
      expect(tokenRequests()).toHaveLength(2);
    });
  }

  test('connection refused: a D1AuthError caused by the network error, then recovery', async () => {
    const closed = await startFaultServer();
    await closed.close();
    let reachable = closed.url;
    const tokens = jwtBearerAuth({
      issuerId: ISSUER_ID,
      keyId: KEY_ID,
      privateKey: PRIVATE_PEM,
      tokenUrl: `${closed.url}/oauth2/token`,
      retry: { maxRetries: 1, initialDelayMs: 10 },
      // the endpoint comes back: between the calls, its address leads to a live server
      fetch: (input, init) => fetch(String(input).replace(closed.url, reachable), init),
    });

    const error = await authFailure(tokens.getToken());

    expect(error.message).toMatch(
      /^getAccessToken failed: connection refused \(ECONNREFUSED\) after 2 attempts/,
    );
    expect(error.cause).toBeInstanceOf(D1NetworkError);
    expect(error.status).toBeUndefined();

    reachable = server.url;
    await expect(tokens.getToken()).resolves.toMatch(/^issued-token-/);
  });
});

describe('configuration', () => {
  test('a token endpoint is required: tokenUrl, or an environment from the spec', () => {
    const base = { issuerId: ISSUER_ID, keyId: KEY_ID, privateKey: PRIVATE_PEM };

    expect(() => jwtBearerAuth(base)).toThrow(
      'tokenUrl or environment is required: there is no default token endpoint',
    );
    expect(tokenUrls).toEqual({
      production: 'https://api.d1.thalescloud.io/authz/v1/oauth2/token',
      staging: 'https://api.d1-stg.thalescloud.io/authz/v1/oauth2/token',
    });
    expect(() => jwtBearerAuth({ ...base, environment: 'staging' })).not.toThrow();
    expect(() => jwtBearerAuth({ ...base, issuerId: '', environment: 'staging' })).toThrow(
      'issuerId is required',
    );
  });
});

describe('against Prism of the OAuth spec', () => {
  test('the token request is what the spec describes, and the example token comes back', async () => {
    const prism = inject('oauthPrismUrl');
    const seen: Response[] = [];
    const tokens = jwtBearerAuth({
      issuerId: ISSUER_ID,
      keyId: KEY_ID,
      privateKey: PRIVATE_PEM,
      tokenUrl: `${prism}/oauth2/token`,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        seen.push(response.clone());
        return response;
      },
    });

    const token = await tokens.getToken();

    expect(token).toMatch(/^eyJ/);
    expect(seen[0]!.status).toBe(200);
    // Prism says it cannot check mutual TLS, and nothing else
    const violations = JSON.parse(seen[0]!.headers.get('sl-violations') ?? '[]') as {
      severity: string;
      message: string;
    }[];
    expect(violations.filter((v) => v.severity === 'Error')).toEqual([]);
    expect(violations.map((v) => v.message)).toEqual([
      'We currently do not support this type of security scheme: mutualTLS',
    ]);
  });
});
