/**
 * Starts one Prism mock of each spec for the whole test run and stops them afterwards. Tests
 * read their URLs with `inject('prismUrl')` (accounts) and `inject('oauthPrismUrl')` (token).
 */
import type { TestProject } from 'vitest/node';

import { ACCOUNTS_SPEC, OAUTH_SPEC, startPrism } from '../scripts/prism.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of `openapi/d1-accounts.yaml`. */
    prismUrl: string;
    /** Base URL of the Prism mock of `openapi/d1-oauth.yaml`. */
    oauthPrismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [accounts, oauth] = await Promise.all([
    startPrism({ spec: ACCOUNTS_SPEC }),
    startPrism({ spec: OAUTH_SPEC }),
  ]);
  project.provide('prismUrl', accounts.url);
  project.provide('oauthPrismUrl', oauth.url);
  return async () => {
    await Promise.all([accounts.stop(), oauth.stop()]);
  };
}
