/**
 * The main job on the embedded default: starts a Prism mock from the bundled spec, registers an
 * account and deletes it through the public client, prints each step, and stops the mock.
 *
 * Usage: npm start
 */
import { createAccountsClient, D1ApiError, D1ValidationError } from '../src/index.ts';
import { startPrism } from './prism.ts';

const issuerId = 'FRBANK0042';
const accountId = 'acct-7f3d2c9e';

const mock = await startPrism();
console.log(`Prism mock of openapi/d1-accounts.yaml at ${mock.url}`);

try {
  // the mock checks only that a bearer token is present
  const client = createAccountsClient({ baseUrl: mock.url, auth: 'mock-token' });

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
  if (error instanceof D1ApiError) {
    console.error(`${error.message}\n${mock.output()}`);
  } else {
    console.error(error);
  }
} finally {
  await mock.stop();
  console.log('Prism mock stopped');
}
