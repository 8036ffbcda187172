/**
 * `mock [--port N]`: a Prism mock of the bundled accounts spec on loopback, until Ctrl-C, to
 * try the other commands against without credentials or a network.
 */
import { PrismNotInstalledError, startPrism } from '../mock/prism.ts';
import { configurationError, EXIT, type ExitStatus } from './exit-status.ts';
import type { Output } from './output.ts';

/** Prism's own default port, where people look for it. */
export const DEFAULT_MOCK_PORT = 4010;

/** Serves the mock until SIGINT or SIGTERM; resolves with the exit status. */
export async function runMock(port: number, output: Output): Promise<ExitStatus> {
  let mock;
  try {
    mock = await startPrism({ port });
  } catch (error) {
    if (error instanceof PrismNotInstalledError) {
      throw configurationError(error.message);
    }
    throw error;
  }

  output.data({ type: 'mock', url: mock.url });
  output.text(`Prism mock of the accounts spec at ${mock.url}`);
  output.note(
    'It checks requests against the spec and accepts any bearer token. Try:\n' +
      `  D1_TOKEN=any d1-accounts register --base-url ${mock.url} --issuer FRBANK0042 ` +
      '--account acct-1 --consumer consumer-1 --state ACTIVE\n' +
      'Press Ctrl-C to stop.',
  );

  await new Promise<void>((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
  await mock.stop();
  return EXIT.ok;
}
