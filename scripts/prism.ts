/**
 * Serves a Prism mock of a spec of this project until interrupted. The start and stop code is
 * in `src/mock/prism.ts`, which the command line's `mock` shares; it is re-exported here for the
 * tests' global setup and `npm start`.
 *
 * Usage: tsx scripts/prism.ts [--port N] [SPEC]   (default spec: openapi/d1-accounts.yaml)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { startPrism } from '../src/mock/prism.ts';

export {
  ACCOUNTS_SPEC,
  OAUTH_SPEC,
  type PrismMock,
  PrismNotInstalledError,
  startPrism,
  type StartPrismOptions,
} from '../src/mock/prism.ts';

// run as a script: serve until interrupted
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string' } },
    allowPositionals: true,
  });
  const mock = await startPrism({
    spec: positionals[0],
    // Prism's own default port, where people look for it
    port: values.port === undefined ? 4010 : Number(values.port),
  });
  console.log(`Prism mock of ${positionals[0] ?? 'openapi/d1-accounts.yaml'} at ${mock.url}`);
  console.log('Press Ctrl-C to stop.');
  const shutdown = () => void mock.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
