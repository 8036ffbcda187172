/**
 * Starts one Prism mock of the accounts spec for the whole test run and stops it afterwards.
 * Tests read its URL with `inject('prismUrl')`.
 */
import type { TestProject } from 'vitest/node';

import { startPrism } from '../scripts/prism.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Prism mock of `openapi/d1-accounts.yaml`. */
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const accounts = await startPrism();
  project.provide('prismUrl', accounts.url);
  return () => accounts.stop();
}
