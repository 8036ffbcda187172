/**
 * Mutual TLS against a real local HTTPS server that requires a client certificate, with a
 * certificate authority, server and client certificates made when the tests start.
 */
import { generateKeyPairSync } from 'node:crypto';

import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import {
  createAccountsClient,
  D1ConfigurationError,
  D1NetworkError,
  jwtBearerAuth,
  type TlsOptions,
} from '../src/index.ts';
import { makeTestCertificates, type TestCertificates } from './support/certificates.ts';
import { type FaultServer, reply, startFaultServer } from './support/fault-server.ts';
import { validRegistration } from './support/fixtures.ts';

let certificates: TestCertificates;
let server: FaultServer;
let tls: TlsOptions;

beforeAll(async () => {
  certificates = makeTestCertificates();
  server = await startFaultServer({
    host: 'localhost',
    tls: {
      cert: certificates.serverCert,
      key: certificates.serverKey,
      ca: certificates.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
  });
  tls = { cert: certificates.clientCert, key: certificates.clientKey, ca: certificates.ca };
});

afterAll(async () => {
  await server.close();
});

const options = { deprecationWarnings: false, retry: { maxRetries: 0 } } as const;

/** A fetch that trusts the test authority but presents `client`, or no certificate at all. */
function fetchPresenting(client?: { cert: string; key: string }) {
  const agent = new Agent({ connect: { ca: certificates.ca, ...client } });
  const fetch = ((input: string, init: object) =>
    undiciFetch(input, { ...init, dispatcher: agent })) as unknown as typeof globalThis.fetch;
  return { fetch, close: () => agent.close() };
}

describe('mutual TLS', () => {
  test('with the client certificate the call succeeds, over kept-alive connections', async () => {
    const before = server.connections;
    const accounts = createAccountsClient({ baseUrl: server.url, auth: 'token', tls, ...options });

    for (let i = 0; i < 20; i++) {
      await expect(accounts.registerAccount(validRegistration)).resolves.toMatchObject({
        status: 204,
      });
    }

    // undici may open a second connection while the first is being handed back to its pool,
    // then reuses both: 20 calls, at most 2 handshakes
    expect(server.connections - before).toBeGreaterThanOrEqual(1);
    expect(server.connections - before).toBeLessThanOrEqual(2);
    expect(server.openConnections).toBe(server.connections - before);
    await accounts.close();
    // the server sees the connection close once the client has released it
    await expect.poll(() => server.openConnections).toBe(0);
  });

  test('without a client certificate the call fails with a clear connection error', async () => {
    const anonymous = fetchPresenting();
    const accounts = createAccountsClient({
      baseUrl: server.url,
      auth: 'token',
      fetch: anonymous.fetch,
      ...options,
    });

    const error = await accounts.registerAccount(validRegistration).catch((e: unknown) => e);
    await anonymous.close();

    expect(error).toBeInstanceOf(D1NetworkError);
    // TLS 1.3 servers refuse a client by closing the connection, and the message says so
    const refusal =
      'connection lost \\(\\w+\\); a server that requires a client certificate closes the ' +
      'connection this way when none or a wrong one is presented: check the tls option';
    expect((error as D1NetworkError).message).toMatch(
      new RegExp(`^registerAccount failed: (TLS failed \\(\\w+\\)|${refusal}) \\(correlation id `),
    );
    expect(server.requests.filter((r) => r.headers.authorization === 'Bearer token')).toHaveLength(
      20,
    );
  });

  test('a certificate from another authority is refused as well', async () => {
    const stranger = fetchPresenting({
      cert: certificates.strangerCert,
      key: certificates.strangerKey,
    });
    const accounts = createAccountsClient({
      baseUrl: server.url,
      auth: 'token',
      fetch: stranger.fetch,
      ...options,
    });

    const error = await accounts.registerAccount(validRegistration).catch((e: unknown) => e);
    await stranger.close();

    expect(error).toBeInstanceOf(D1NetworkError);
  });

  test('the token provider presents the certificate to the token endpoint too', async () => {
    server.route('/oauth2/token', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'tls-token', expires_in: 900 }));
    });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const tokens = jwtBearerAuth({
      issuerId: 'FRBANK0042',
      keyId: 'key-1',
      privateKey,
      tokenUrl: `${server.url}/oauth2/token`,
      tls,
    });
    const accounts = createAccountsClient({ baseUrl: server.url, auth: tokens, tls, ...options });

    await accounts.registerAccount(validRegistration);
    server.script(reply(204));

    const last = server.requests.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer tls-token');
    await accounts.close();
    await tokens.close();
  });

  test('tls needs both a certificate and a key, and does not go with a fetch of its own', () => {
    expect(() =>
      createAccountsClient({
        baseUrl: server.url,
        auth: 't',
        tls: { cert: certificates.clientCert } as TlsOptions,
      }),
    ).toThrow(new D1ConfigurationError('tls: both cert and key are needed for mutual TLS'));
    expect(() =>
      createAccountsClient({ baseUrl: server.url, auth: 't', tls, fetch: globalThis.fetch }),
    ).toThrow('give either fetch or tls to the client, not both');
  });
});
