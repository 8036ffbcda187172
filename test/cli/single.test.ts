/**
 * `d1-accounts register`, `delete`, `mock` and `--help`, as child processes: against the Prism
 * mocks of the specs (the token flow included) and a local counting server, with the exit
 * status, the output, and what was or was not sent.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';

import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, inject, test } from 'vitest';

import { cliWorkspace, jsonLines, runCli, spawnCli } from '../support/cli.ts';

const TOKEN = 'single-suite-token-93d1f0aa';
const env = { D1_TOKEN: TOKEN };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REGISTER = [
  'register',
  '--issuer',
  'FRBANK0042',
  '--account',
  'acct-7f3d2c9e',
  '--consumer',
  'consumer-48213',
  '--state',
  'ACTIVE',
];
const DELETE = ['delete', '--issuer', 'FRBANK0042', '--account', 'acct-7f3d2c9e'];

const workspace = cliWorkspace('single');

describe('register and delete', () => {
  test('against the Prism mock: 204, exit 0, a line for a person or a JSON object', async () => {
    const baseUrl = inject('prismUrl');

    const [registered, deleted] = await Promise.all([
      runCli([...REGISTER, '--product', 'CURRENT_EUR', '--base-url', baseUrl], { env }),
      runCli(
        [...DELETE, '--reason', 'closed by the customer', '--reason-code', 'USER_DECISION'].concat([
          '--base-url',
          baseUrl,
          '--json',
          '--correlation-id',
          'migration-run-7',
        ]),
        { env },
      ),
    ]);

    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(
      /^registerAccount FRBANK0042\/acct-7f3d2c9e: 204 \(correlation id [0-9a-f-]{36}\)\n$/,
    );
    expect(registered.stderr).toContain('registerAccount is deprecated by the provider');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual({
      operation: 'deleteAccount',
      issuerId: 'FRBANK0042',
      accountId: 'acct-7f3d2c9e',
      outcome: 'succeeded',
      status: 204,
      attempts: 1,
      correlationId: 'migration-run-7',
    });
  });

  test('the token flow against the token endpoint mock, key and token never printed', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const keyFile = join(workspace.folder, 'signing-key.pem');
    await writeFile(keyFile, pem);

    const result = await runCli(
      [...REGISTER, '--base-url', inject('prismUrl'), '--private-key-file', keyFile, '--json'],
      {
        env: {
          D1_ISSUER_ID: 'FRBANK0042',
          D1_KEY_ID: 'key-2026-01',
          D1_TOKEN_URL: `${inject('oauthPrismUrl')}/oauth2/token`,
        },
      },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'succeeded', status: 204 });
    expect(result.stderr).toContain('the token flow as FRBANK0042 (key id key-2026-01)');
    const keyBody = pem.split('\n')[1]!;
    expect(result.stdout + result.stderr).not.toContain(keyBody);
  });

  test('the client log at debug level masks the token', async () => {
    const result = await runCli(
      [...REGISTER, '--base-url', workspace.server.url, '--log-level', 'debug'],
      {
        env,
      },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/authorization: Bearer \*\*\*/);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(workspace.server.requests[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('an invalid input: exit 2, every violation said, nothing sent', async () => {
    const result = await runCli(
      [
        'register',
        '--issuer',
        'FRBANK',
        '--account',
        'acct/1',
        '--consumer',
        'c-1',
        '--state',
        'OPEN',
        '--base-url',
        workspace.server.url,
        '--json',
      ],
      { env },
    );

    expect(result.code).toBe(2);
    const output = JSON.parse(result.stdout) as { outcome: string; violations: unknown[] };
    expect(output.outcome).toBe('invalid');
    expect(output.violations).toEqual([
      expect.objectContaining({ field: 'issuerId', rule: 'minLength', limit: 10 }),
      expect.objectContaining({ field: 'accountId', rule: 'pattern' }),
      expect.objectContaining({ field: 'body.state', rule: 'enum', limit: ['ACTIVE', 'INACTIVE'] }),
    ]);
    // the values are the operator's: the JSON names rules, never echoes them
    expect(result.stdout).not.toContain('OPEN');
    expect(result.stderr).toContain(
      'invalid input, nothing was sent: issuerId must be at least 10 characters long; ' +
        'accountId must match',
    );
    expect(workspace.server.requests).toHaveLength(0);

    // it is refused before credentials are looked at
    const noCredentials = await runCli(['delete', '--issuer', 'FRBANK', '--account', 'a']);
    expect(noCredentials.code).toBe(2);
  });

  test('the exit status follows the answer: 403 and 404 give 1, 401 gives 3', async () => {
    const cases: [number, string[], number, RegExp][] = [
      [403, REGISTER, 1, /registerAccount failed: 403 Forbidden \(correlation id [0-9a-f-]{36}\)/],
      [404, DELETE, 1, /deleteAccount failed: 404 Not Found/],
      [401, DELETE, 3, /deleteAccount failed: 401 Unauthorized/],
      [500, REGISTER, 1, /registerAccount failed: 500 Internal Server Error/],
    ];
    for (const [status, args, exit, message] of cases) {
      workspace.server.answerWith(() => ({ status }));
      const result = await runCli([...args, '--base-url', workspace.server.url, '--json'], { env });
      expect(result.code, `${status}: ${result.stderr}`).toBe(exit);
      expect(result.stderr).toMatch(message);
      expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'failed', status });
    }
  });

  test('no answer at all: a network failure, exit 1', async () => {
    // a port that was free a moment ago, with nothing listening on it
    const port = await freePort();

    const result = await runCli(
      [...REGISTER, '--base-url', `http://127.0.0.1:${port}`, '--max-retries', '0', '--json'],
      { env },
    );

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      outcome: 'failed',
      error: 'D1NetworkError',
      correlationId: expect.stringMatching(UUID),
    });
    expect(result.stderr).toContain('connection refused (ECONNREFUSED)');
  });
});

describe('--help', () => {
  test('every command has it, exits 0, and lists its flags and the exit statuses', async () => {
    const commands: [string[], string][] = [
      [[], 'Usage: d1-accounts [options] [command]'],
      [['register'], '--consumer <id>'],
      [['delete'], '--reason-code <code>'],
      [['bulk'], 'Usage: d1-accounts bulk'],
      [['bulk', 'register'], '--concurrency <n>'],
      [['bulk', 'delete'], '--resume'],
      [['mock'], '--port <n>'],
    ];
    const results = await Promise.all(commands.map(([command]) => runCli([...command, '--help'])));
    results.forEach((result, index) => {
      const [command, expected] = commands[index]!;
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toContain(expected);
    });
    expect(results[1]!.stdout).toContain('3    configuration, credentials or authentication');
    expect(results[4]!.stdout).toContain('--resume continues from it');
  });

  test('the source runs as it is, through tsx, for `npm run cli`', async () => {
    const result = await runCli(['--version'], { tsx: true });

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('mock', () => {
  test(
    'serves the spec until Ctrl-C; the other commands work against it',
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const mock = await spawnCli(['mock', '--port', `${port}`]);
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 80_000;
      while (
        !mock.stdout().includes(url) &&
        Date.now() < deadline &&
        mock.child.exitCode === null
      ) {
        await sleep(100);
      }
      expect(mock.stdout(), mock.stderr()).toContain(`Prism mock of the accounts spec at ${url}`);

      const registered = await runCli([...REGISTER, '--base-url', url, '--json'], { env });
      expect(registered.code, registered.stderr).toBe(0);
      expect(jsonLines(registered.stdout)[0]).toMatchObject({ status: 204 });

      mock.child.kill('SIGINT');
      const stopped = await mock.exited;
      expect(stopped.code).toBe(0);
    },
  );
});

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
