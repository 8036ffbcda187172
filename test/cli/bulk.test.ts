/**
 * `d1-accounts bulk` end to end, as a child process: against the Prism mock of the spec (which
 * refuses any request that breaks it) and against a local server that counts what it receives.
 * Each case checks the exit status, the summary, the journal, and what the server saw.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';

import { join } from 'node:path';

import { describe, expect, inject, test } from 'vitest';

import {
  cliWorkspace,
  deletionNdjson,
  jsonLines,
  registrationCsv,
  runCli,
} from '../support/cli.ts';

const TOKEN = 'bulk-suite-token-5e0c1a7b';
const env = { D1_TOKEN: TOKEN };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const workspace = cliWorkspace('bulk');

/** Writes `text` into the test workspace.folder and returns its path. */
async function file(name: string, text: string): Promise<string> {
  const path = join(workspace.folder, name);
  await writeFile(path, text);
  return path;
}

async function journalOf(input: string) {
  const text = await readFile(`${input}.journal.ndjson`, 'utf8');
  return jsonLines(text);
}

function summaryOf(stdout: string) {
  const lines = jsonLines(stdout);
  const summary = lines.at(-1)!;
  expect(summary.type).toBe('summary');
  return summary as {
    counts: Record<string, number>;
    exitStatus: number;
    ended: string;
    thisRun: { sent: number; sentAgain: number; skipped: number };
  };
}

describe('a run to completion', () => {
  test(
    'a 10,000-row file: every row sent once, journaled once, summed up right',
    { timeout: 120_000 },
    async () => {
      const input = await file('ten-thousand.csv', registrationCsv(10_000, 'acct'));

      const result = await runCli(
        ['bulk', 'register', input, '--base-url', workspace.server.url, '--json'],
        {
          env,
        },
      );

      expect(result.code, result.stderr).toBe(0);
      const summary = summaryOf(result.stdout);
      expect(summary.counts).toEqual({
        succeeded: 10_000,
        alreadyDeleted: 0,
        failed: 0,
        invalid: 0,
        duplicate: 0,
        conflicting: 0,
        pending: 0,
      });
      expect(summary.ended).toBe('completed');
      expect(summary.thisRun).toMatchObject({ sent: 10_000, sentAgain: 0, skipped: 0 });

      // the server saw each account exactly once, with the correlation id the journal has
      expect(workspace.server.requests).toHaveLength(10_000);
      const accounts = new Set(workspace.server.requests.map((request) => request.accountId));
      expect(accounts.size).toBe(10_000);
      expect(workspace.server.requests.every((request) => request.operation === 'register')).toBe(
        true,
      );
      expect(workspace.server.maxInFlight).toBeLessThanOrEqual(8);

      const journal = await journalOf(input);
      const starts = journal.filter((record) => record.type === 'start');
      const outcomes = journal.filter((record) => record.type === 'outcome');
      expect(starts).toHaveLength(10_000);
      expect(outcomes).toHaveLength(10_000);
      expect(new Set(outcomes.map((record) => record.line)).size).toBe(10_000);
      const sent = new Set(workspace.server.requests.map((request) => request.correlationId));
      for (const record of outcomes) {
        expect(record.outcome).toBe('succeeded');
        expect(sent.has(record.correlationId as string)).toBe(true);
      }
      expect(journal[0]).toMatchObject({ type: 'run', run: 1, rows: 10_000, resumed: false });
      expect(journal.at(-1)).toMatchObject({ type: 'end', ended: 'completed' });

      // one JSON line per row and the summary; the token is nowhere
      expect(jsonLines(result.stdout)).toHaveLength(10_001);
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
      expect(JSON.stringify(journal)).not.toContain(TOKEN);
    },
  );

  test('registrations and deletions that the Prism mock of the spec accepts', async () => {
    const registrations = await file('prism.csv', registrationCsv(150, 'prism'));
    const deletions = await file('prism.ndjson', deletionNdjson(150, 'prism'));
    const baseUrl = inject('prismUrl');

    const registered = await runCli(
      ['bulk', 'register', registrations, '--base-url', baseUrl, '--json'],
      { env },
    );
    const deleted = await runCli(['bulk', 'delete', deletions, '--base-url', baseUrl, '--json'], {
      env,
    });

    // Prism answers 422 or 400 to a request that breaks the spec: every row succeeded
    for (const result of [registered, deleted]) {
      expect(result.code, result.stderr).toBe(0);
      expect(summaryOf(result.stdout).counts.succeeded).toBe(150);
    }
    const rows = jsonLines(deleted.stdout).filter((line) => line.type === 'row');
    expect(rows).toHaveLength(150);
    for (const row of rows) {
      expect(row).toMatchObject({ outcome: 'succeeded', status: 204, attempts: 1 });
      expect(row.correlationId).toMatch(UUID);
    }
  });

  test('standard input, with a journal named by --journal', async () => {
    const journal = join(workspace.folder, 'stdin.journal.ndjson');

    const result = await runCli(
      ['bulk', 'delete', '-', '--base-url', workspace.server.url, '--journal', journal, '--json'],
      { env, stdin: deletionNdjson(20, 'stdin') },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(summaryOf(result.stdout).counts.succeeded).toBe(20);
    expect(workspace.server.requests.map((request) => request.operation)).toEqual(
      Array(20).fill('delete'),
    );
    expect(JSON.parse(workspace.server.requests[0]!.body)).toEqual({
      reason: 'legacy account closed',
      reasonCode: 'ISSUER_DECISION',
    });
    expect(existsSync(journal)).toBe(true);
  });
});

describe('rows that are not sent', () => {
  // line numbers as an editor shows them; line 5-6 is one record with a quoted line break
  const CSV = [
    'issuerId,accountId,consumerId,state,accountProductId', // 1
    'FRBANK0042,ok-1,consumer-1,ACTIVE,', // 2
    'FRBANK0042,ok-2,consumer-2,INACTIVE,CURRENT_EUR', // 3
    '', // 4
    'FRBANK0042,"bad', // 5
    'id",consumer-3,ACTIVE,', // 6
    'FRBANK,short-issuer,consumer-4,ACTIVE,', // 7
    'FRBANK0042,bad-state,consumer-5,ACTIVATED,', // 8
    'FRBANK0042,too-few,consumer-6', // 9
    'FRBANK0042,ok-1,consumer-1,ACTIVE,', // 10: the same as line 2
    'FRBANK0042,ok-2,consumer-2,ACTIVE,CURRENT_EUR', // 11: line 3's account, another state
    'FRBANK0042,no-consumer,,ACTIVE,', // 12
    'FRBANK0042,ok-3,consumer-7,ACTIVE,', // 13
  ].join('\n');

  test('invalid, malformed, duplicate rows: reported by line, the run goes on', async () => {
    const input = await file('mixed.csv', CSV);
    const report = join(workspace.folder, 'mixed-report.json');

    const result = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--json', '--report', report],
      { env },
    );

    expect(result.code, result.stderr).toBe(1);
    const rows = (JSON.parse(await readFile(report, 'utf8')) as Record<string, unknown>[]).map(
      ({ line, outcome, reason, duplicateOf }) => ({ line, outcome, reason, duplicateOf }),
    );
    expect(rows).toEqual([
      { line: 2, outcome: 'succeeded', reason: null, duplicateOf: null },
      { line: 3, outcome: 'succeeded', reason: null, duplicateOf: null },
      {
        line: 5,
        outcome: 'invalid',
        reason: 'accountId must match ^[A-Za-z0-9_-]{1,64}$',
        duplicateOf: null,
      },
      {
        line: 7,
        outcome: 'invalid',
        reason: 'issuerId must be at least 10 characters long',
        duplicateOf: null,
      },
      {
        line: 8,
        outcome: 'invalid',
        reason: 'state must be one of ACTIVE, INACTIVE',
        duplicateOf: null,
      },
      {
        line: 9,
        outcome: 'invalid',
        reason: 'malformed: 3 fields where the header has 5 columns',
        duplicateOf: null,
      },
      {
        line: 10,
        outcome: 'duplicate',
        reason: 'same as line 2: not sent again',
        duplicateOf: 2,
      },
      {
        line: 11,
        outcome: 'duplicate',
        reason: 'same account as line 3 with other values: not sent',
        duplicateOf: 3,
      },
      { line: 12, outcome: 'invalid', reason: 'consumerId is required', duplicateOf: null },
      { line: 13, outcome: 'succeeded', reason: null, duplicateOf: null },
    ]);

    // only the three good rows reached the server, each once, with its own values
    expect(workspace.server.requests.map((request) => request.accountId).sort()).toEqual([
      'ok-1',
      'ok-2',
      'ok-3',
    ]);
    const ok2 = workspace.server.requests.find((request) => request.accountId === 'ok-2')!;
    expect(JSON.parse(ok2.body)).toEqual({
      consumerId: 'consumer-2',
      state: 'INACTIVE',
      accountProductId: 'CURRENT_EUR',
    });

    const summary = summaryOf(result.stdout);
    expect(summary.counts).toMatchObject({
      succeeded: 3,
      invalid: 5,
      duplicate: 2,
      conflicting: 1,
      pending: 0,
    });
    // on standard error too, with the line, for the operator
    expect(result.stderr).toContain(
      'line 8 FRBANK0042/bad-state: invalid: state must be one of ACTIVE, INACTIVE',
    );
    expect(result.stderr).toContain('line 9: invalid: malformed: 3 fields where the header');
  });

  test('NDJSON: a line that is not JSON, or not an object, or has an unknown field', async () => {
    const input = await file(
      'mixed.ndjson',
      [
        '{"issuerId":"FRBANK0042","accountId":"nd-1","reasonCode":"USER_DECISION"}',
        '{"issuerId":"FRBANK0042","accountId":"nd-2",',
        '',
        '["FRBANK0042","nd-3"]',
        '{"issuerId":"FRBANK0042","accountId":"nd-4","reasonCod":"USER_DECISION"}',
        '{"issuerId":"FRBANK0042","accountId":"nd-5"}',
      ].join('\n'),
    );

    const result = await runCli(
      ['bulk', 'delete', input, '--base-url', workspace.server.url, '--json'],
      {
        env,
      },
    );

    expect(result.code, result.stderr).toBe(1);
    const rows = jsonLines(result.stdout)
      .filter((line) => line.type === 'row')
      .map(({ line, outcome, reason }) => ({ line, outcome, reason }))
      .sort((a, b) => (a.line as number) - (b.line as number));
    expect(rows).toEqual([
      { line: 1, outcome: 'succeeded' },
      { line: 2, outcome: 'invalid', reason: 'malformed: not valid JSON' },
      { line: 4, outcome: 'invalid', reason: 'malformed: not a JSON object' },
      { line: 5, outcome: 'invalid', reason: 'reasonCod is not a property of the spec' },
      { line: 6, outcome: 'succeeded' },
    ]);
    expect(workspace.server.requests.map((request) => request.accountId).sort()).toEqual([
      'nd-1',
      'nd-5',
    ]);
  });

  test('--dry-run checks every row, sends nothing and writes no journal', async () => {
    const input = await file('dry.csv', CSV);

    const result = await runCli(['bulk', 'register', input, '--dry-run', '--json']);

    expect(result.code, result.stderr).toBe(1);
    expect(summaryOf(result.stdout)).toMatchObject({
      ended: 'dryRun',
      counts: { pending: 3, invalid: 5, duplicate: 2, conflicting: 1 },
    });
    expect(workspace.server.requests).toHaveLength(0);
    expect(existsSync(`${input}.journal.ndjson`)).toBe(false);

    // with no problem at all, a dry run passes: 0
    const clean = await file('dry-clean.csv', registrationCsv(5, 'dry'));
    expect((await runCli(['bulk', 'register', clean, '--dry-run'])).code).toBe(0);
  });

  test('an input that cannot be read as rows is refused whole: exit 2, nothing sent', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'unknown-column.csv',
        'issuerId,accountId,consumerID,state\n',
        /unknown column "consumerID"/,
      ],
      ['missing-column.csv', 'issuerId,accountId,consumerId\n', /has no state column/],
      ['empty.csv', '\n\n', /is empty: a CSV input needs a header row/],
      [
        'open-quote.csv',
        'issuerId,accountId,consumerId,state\nFRBANK0042,"a,c,ACTIVE\nFRBANK0042,b,c,ACTIVE\n',
        /never closed, so the rest of the input cannot be read as rows/,
      ],
    ];
    for (const [name, text, message] of cases) {
      const input = await file(name, text);
      const result = await runCli(['bulk', 'register', input, '--base-url', workspace.server.url], {
        env,
      });
      expect(result.code, `${name}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(existsSync(`${input}.journal.ndjson`)).toBe(false);
    }
    const missing = await runCli(['bulk', 'register', join(workspace.folder, 'nowhere.csv')], {
      env,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(ENOENT)');
    expect(workspace.server.requests).toHaveLength(0);
  });
});

describe('outcomes and exit statuses', () => {
  test('rows refused by the server: exit 1, the rest succeed, the report says which', async () => {
    workspace.server.answerWith((request) => ({
      status: request.accountId.endsWith('7') ? 403 : request.accountId.endsWith('9') ? 500 : 204,
    }));
    const input = await file('refused.csv', registrationCsv(30, 'refused'));
    const report = join(workspace.folder, 'refused-report.csv');

    const result = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--report', report],
      { env },
    );

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/succeeded\s+24\n/);
    expect(result.stdout).toMatch(/failed\s+6\n/);
    expect(result.stderr).toMatch(
      new RegExp(
        'line 8 FRBANK0042/refused-7: failed: registerAccount failed: 403 Forbidden ' +
          '\\(correlation id [0-9a-f-]{36}\\)',
      ),
    );
    const lines = (await readFile(report, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'line,issuerId,accountId,outcome,status,correlationId,attempts,error,reason,duplicateOf',
    );
    expect(lines).toHaveLength(31);
    const refused = lines.find((line) => line.includes(',refused-7,'))!;
    expect(refused).toMatch(/^8,FRBANK0042,refused-7,failed,403,[0-9a-f-]{36},1,D1ForbiddenError,/);
    // 500 is not retried, by the client's rule
    expect(
      workspace.server.requests.filter((request) => request.accountId === 'refused-9'),
    ).toHaveLength(1);
  });

  test('a refused token stops the run: exit 3; --resume sends the rest once fixed', async () => {
    workspace.server.answerWith((request) => ({
      status: request.authorization === `Bearer ${TOKEN}` ? 204 : 401,
    }));
    const input = await file('token.csv', registrationCsv(40, 'token'));

    const refused = await runCli(
      [
        'bulk',
        'register',
        input,
        '--base-url',
        workspace.server.url,
        '--concurrency',
        '2',
        '--json',
      ],
      { env: { D1_TOKEN: 'an-expired-token' } },
    );

    expect(refused.code, refused.stderr).toBe(3);
    const summary = summaryOf(refused.stdout);
    expect(summary.ended).toBe('stopped');
    expect(summary.counts.succeeded).toBe(0);
    // no new row after the first refusal: at most the two in flight were sent
    expect(workspace.server.requests.length).toBeLessThanOrEqual(2);
    expect(refused.stderr).toContain('401 Unauthorized');
    expect(refused.stdout + refused.stderr).not.toContain('an-expired-token');

    // the refused rows are journaled as having had no effect, not as left in flight
    const journal = await journalOf(input);
    const unsent = journal.filter((record) => record.type === 'unsent');
    expect(unsent.length).toBe(workspace.server.requests.length);
    expect(journal.filter((record) => record.type === 'outcome')).toHaveLength(0);

    const resumed = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume', '--json'],
      { env },
    );
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(summaryOf(resumed.stdout)).toMatchObject({
      counts: { succeeded: 40 },
      thisRun: { sent: 40, sentAgain: 0 },
    });
  });

  test('a delete of an account that is not there is a failure, not a success', async () => {
    workspace.server.answerWith(() => ({ status: 404 }));
    const input = await file('missing.ndjson', deletionNdjson(3, 'missing'));

    const result = await runCli(
      ['bulk', 'delete', input, '--base-url', workspace.server.url, '--json'],
      {
        env,
      },
    );

    expect(result.code).toBe(1);
    expect(summaryOf(result.stdout).counts).toMatchObject({ failed: 3, alreadyDeleted: 0 });
  });

  test('usage errors: exit 2 with a message, nothing sent', async () => {
    const input = await file('usage.csv', registrationCsv(3, 'usage'));
    const cases: [string[], RegExp][] = [
      [['bulk', 'register', input], /no target: give --env/],
      [['bulk', 'register', input, '--env', 'prod'], /--env must be one of production, staging/],
      [['bulk', 'register', input, '--base-url', 'localhost:8080'], /--base-url must be http/],
      [['bulk', 'register', input, '--concurrency', '0'], /must be a whole number, 1 or more/],
      [['bulk', 'register', input, '--rate', 'fast'], /must be a positive number/],
      [['bulk', 'register', input, '--retry-failed'], /--retry-failed goes with --resume/],
      [['bulk', 'register', '-', '--base-url', workspace.server.url], /give --journal PATH/],
      [['bulk', 'erase', input], /unknown command 'erase'/],
      [['bulk', 'register'], /missing required argument 'file'/],
      [['bulk', 'register', input, '--colour'], /unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { env });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(workspace.server.requests).toHaveLength(0);
    expect(existsSync(`${input}.journal.ndjson`)).toBe(false);
  });

  test('configuration errors: exit 3 before a journal is written', async () => {
    const input = await file('config.csv', registrationCsv(3, 'config'));
    const notAKey = await file('not-a-key.pem', 'this is not a key\n');
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{}, [], /no credentials: set D1_TOKEN/],
      [{ D1_TOKEN: '  ' }, [], /D1_TOKEN is empty/],
      [
        {},
        ['--token-file', join(workspace.folder, 'no-token')],
        /cannot read the token file .*\(ENOENT\)/,
      ],
      [
        { D1_TOKEN: TOKEN, D1_PRIVATE_KEY_FILE: notAKey },
        [],
        /give either a token .* or the token flow/,
      ],
      [
        { D1_ISSUER_ID: 'FRBANK0042', D1_KEY_ID: 'k1', D1_TOKEN_URL: `${workspace.server.url}/t` },
        ['--private-key-file', notAKey],
        /privateKey: not PEM text/,
      ],
      [
        { D1_ISSUER_ID: 'FRBANK0042', D1_KEY_ID: 'k1' },
        ['--private-key-file', notAKey],
        /the token flow needs D1_TOKEN_URL with --base-url/,
      ],
      [{ D1_TOKEN: TOKEN }, ['--tls-cert', notAKey], /mutual TLS needs both/],
    ];
    for (const [variables, args, message] of cases) {
      const result = await runCli(
        ['bulk', 'register', input, '--base-url', workspace.server.url, ...args],
        {
          env: variables,
        },
      );
      expect(result.code, `${message}: ${result.stderr}`).toBe(3);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('this is not a key');
    }
    expect(workspace.server.requests).toHaveLength(0);
    expect(existsSync(`${input}.journal.ndjson`)).toBe(false);
  });
});
