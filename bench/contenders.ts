/**
 * The three ways of sending the same registration that the benchmarks compare: bare `fetch`,
 * bare openapi-fetch, and the client. All three send the same method, path, headers and body to
 * the same server, and each call rejects unless the answer is the expected 204.
 */
import createClient from 'openapi-fetch';

import type { components, paths } from '../generated/d1-accounts.ts';
import { compiledClient, type PackageModule } from './bundle.ts';
import type { Call } from './load.ts';

/** The name of a contender, as bench/profile.ts and the memory worker take it. */
export type ContenderName = 'fetch' | 'openapi-fetch' | 'client';

/** A contender: how it is named in the tables, and one call. */
export interface Contender {
  name: ContenderName;
  label: string;
  call: Call;
}

/** The contenders in the order the tables list them: from the least work to the most. */
export const CONTENDER_NAMES: readonly ContenderName[] = ['fetch', 'openapi-fetch', 'client'];

// A static token: what a caller with a long-lived token passes as `auth`. It is header-safe,
// as the client checks, so every contender sends the same Authorization header.
const TOKEN = 'bench-static-token-0123456789';

const issuerId = 'FRBANK0042';
const accountId = 'acct-7f3d2c9e';
const account: components['schemas']['Account'] = {
  consumerId: 'consumer-48213',
  accountProductId: 'CURRENT_EUR',
  state: 'ACTIVE',
};

/** Creates the contender `name`, sending to `baseUrl`. */
export async function createContender(name: ContenderName, baseUrl: string): Promise<Contender> {
  switch (name) {
    case 'fetch':
      return { name, label: 'fetch(url, init)', call: bareFetch(baseUrl) };
    case 'openapi-fetch':
      return { name, label: 'openapi-fetch', call: bareOpenapiFetch(baseUrl) };
    case 'client': {
      const { module } = await compiledClient();
      return { name, label: 'client.registerAccount', call: accountsClient(module, baseUrl) };
    }
  }
}

/** Creates every contender, in {@link CONTENDER_NAMES} order. */
export function createContenders(baseUrl: string): Promise<Contender[]> {
  return Promise.all(CONTENDER_NAMES.map((name) => createContender(name, baseUrl)));
}

/** The global `fetch` with the path, headers and body written by hand, as an app would. */
function bareFetch(baseUrl: string): Call {
  return async () => {
    // built per call, as an app that registers many accounts would build it
    const url =
      `${baseUrl}/issuers/${encodeURIComponent(issuerId)}` +
      `/accounts/${encodeURIComponent(accountId)}`;
    const response = await fetch(url, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        // openapi-fetch sets it for a JSON body: without it fetch would send text/plain
        'content-type': 'application/json',
        'x-correlation-id': crypto.randomUUID(),
      },
      body: JSON.stringify(account),
    });
    await release(response, 'fetch');
  };
}

/** openapi-fetch without middleware, its headers set directly on the call. */
function bareOpenapiFetch(baseUrl: string): Call {
  const client = createClient<paths>({ baseUrl });
  return async () => {
    const { response } = await client.PUT('/issuers/{issuerId}/accounts/{accountId}', {
      params: { path: { issuerId, accountId } },
      headers: { authorization: `Bearer ${TOKEN}`, 'x-correlation-id': crypto.randomUUID() },
      body: account,
    });
    await release(response, 'openapi-fetch');
  };
}

/**
 * The client with its defaults: validation, a correlation id per call, the static token, two
 * retries. Deprecation warnings are off only because a benchmark has no one to warn.
 */
function accountsClient({ createAccountsClient }: PackageModule, baseUrl: string): Call {
  const client = createAccountsClient({ baseUrl, auth: TOKEN, deprecationWarnings: false });
  const input = { issuerId, accountId, ...account };
  return async () => {
    const result = await client.registerAccount(input);
    if (result.status !== 204) {
      throw new Error(`client: expected 204, got ${result.status}`);
    }
  };
}

/**
 * Checks the status and lets go of the body, the same way for both bare contenders. A 204 has
 * no body (fetch gives `null`), so nothing is read, as in the client, whose transport and
 * openapi-fetch leave a 204's body alone; a body, if a server ever sent one, is cancelled so
 * that the connection goes back to the pool.
 */
async function release(response: Response, contender: string): Promise<void> {
  if (response.body !== null) {
    await response.body.cancel();
  }
  if (response.status !== 204) {
    throw new Error(`${contender}: expected 204, got ${response.status}`);
  }
}
