/**
 * The main job on the embedded default: starts Prism mocks of the bundled specs (the account
 * operations and the token endpoint), makes a throwaway P-256 key, gets a bearer token by the
 * JWT bearer flow, registers an account and deletes it through the public client, prints each
 * step, and stops the mocks.
 *
 * Usage: npm start
 */
import { generateKeyPairSync } from 'node:crypto';

import { createAccountsClient, D1Error, D1ValidationError, jwtBearerAuth } from '../src/index.ts';
import { ACCOUNTS_SPEC, OAUTH_SPEC, type PrismMock, startPrism } from './prism.ts';

const issuerId = 'FRBANK0042';
const accountId = 'acct-7f3d2c9e';

const mocks: PrismMock[] = [];
try {
  const [accountsMock, oauthMock] = await Promise.all([
    startPrism({ spec: ACCOUNTS_SPEC }),
    startPrism({ spec: OAUTH_SPEC }),
  ]);
  mocks.push(accountsMock, oauthMock);
  console.log(`Prism mock of openapi/d1-accounts.yaml at ${accountsMock.url}`);
  console.log(`Prism mock of openapi/d1-oauth.yaml at ${oauthMock.url}`);

  // a key made for this run only; a real issuer keeps its own and gives the provider the public one
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const auth = jwtBearerAuth({
    issuerId,
    keyId: 'throwaway-key-1',
    privateKey,
    tokenUrl: `${oauthMock.url}/oauth2/token`,
  });
  const token = await auth.getToken();
  console.log(`getAccessToken: got a bearer token of ${token.length} characters (not shown)`);

  const client = createAccountsClient({
    baseUrl: accountsMock.url,
    auth,
    deprecationWarnings: false,
  });

  const registered = await client.registerAccount({
    issuerId,
    accountId,
    consumerId: 'consumer-48213',
    state: 'ACTIVE',
  });
  console.log(
    `registerAccount ${issuerId}/${accountId}: ${registered.status} ` +
      `(correlation id ${registered.correlationId})`,
  );

  const deleted = await client.deleteAccount({
    issuerId,
    accountId,
    reason: 'account closed after migration',
    reasonCode: 'ISSUER_DECISION',
  });
  console.log(
    `deleteAccount ${issuerId}/${accountId}: ${deleted.status} ` +
      `(correlation id ${deleted.correlationId})`,
  );

  // what a caller sees when the input breaks the spec: nothing is sent
  try {
    await client.deleteAccount({ issuerId: 'FRBANK', accountId, reason: 'closed: fraud' });
  } catch (error) {
    if (!(error instanceof D1ValidationError)) {
      throw error;
    }
    console.log(`deleteAccount with bad input: refused before sending (${error.message})`);
  }
} catch (error) {
  process.exitCode = 1;
  console.error(error instanceof D1Error ? error.message : error);
  for (const mock of mocks) {
    console.error(mock.output());
  }
} finally {
  await Promise.all(mocks.map((mock) => mock.stop()));
  console.log('Prism mocks stopped');
}
