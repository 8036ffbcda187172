/**
 * Bulk runs that lose nothing: killed with SIGKILL at random moments and resumed until done,
 * interrupted with Ctrl-C, resumed from a journal whose last line a crash cut short, and refused
 * when the input changed or another run holds the journal. The journal and what a counting
 * server received are checked against each other.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';

import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, test } from 'vitest';

import {
  cliWorkspace,
  type CliProcess,
  deletionNdjson,
  jsonLines,
  registrationCsv,
  runCli,
  spawnCli,
} from '../support/cli.ts';

const env = { D1_TOKEN: 'resume-suite-token' };

const workspace = cliWorkspace('resume');

/** A small seeded generator (mulberry32), so that a failing seed can be run again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Answers deletes as the provider would: 204 the first time, 404 once the account is gone. */
function deletingServer(random: () => number, maxDelayMs: number) {
  const deleted = new Set<string>();
  workspace.server.answerWith((request) => {
    const delayMs = Math.floor(random() * maxDelayMs);
    if (request.operation !== 'delete') {
      return { status: 204, delayMs };
    }
    // the account is gone as soon as the request arrives, whether or not its answer gets back
    const status = deleted.has(request.accountId) ? 404 : 204;
    deleted.add(request.accountId);
    return { status, delayMs };
  });
}

async function file(name: string, text: string): Promise<string> {
  const path = join(workspace.folder, name);
  await writeFile(path, text);
  return path;
}

async function journalOf(input: string): Promise<Record<string, unknown>[]> {
  return jsonLines(await readFile(`${input}.journal.ndjson`, 'utf8'));
}

/** Resolves once the server has had more than `count` requests, or the run has ended. */
async function untilRequests(count: number, cli: CliProcess): Promise<void> {
  let ended = false;
  void cli.exited.then(() => (ended = true));
  while (!ended && workspace.server.requests.length <= count) {
    await sleep(2);
  }
}

/**
 * The invariants of a finished journal, against what the server received: every row has one
 * outcome; no row was started after its outcome (so no finished row was sent again); every
 * request the server saw was journaled as started before it was sent; and a row started more
 * than once was started again only because the run that started it was killed.
 */
function checkJournal(journal: Record<string, unknown>[], lines: number[]) {
  const outcomeAt = new Map<number, number>();
  const starts = new Map<string, { line: number; run: number; index: number }>();
  const endedRuns = new Set<number>();
  journal.forEach((record, index) => {
    if (record.type === 'outcome') {
      expect(outcomeAt.has(record.line as number), `line ${record.line}: two outcomes`).toBe(false);
      outcomeAt.set(record.line as number, index);
    }
    if (record.type === 'start') {
      const finished = outcomeAt.get(record.line as number);
      expect(finished, `line ${record.line} started again after its outcome`).toBeUndefined();
      starts.set(record.correlationId as string, {
        line: record.line as number,
        run: record.run as number,
        index,
      });
    }
    if (record.type === 'end') {
      endedRuns.add(record.run as number);
    }
  });
  expect([...outcomeAt.keys()].sort((a, b) => a - b)).toEqual(lines);

  for (const request of workspace.server.requests) {
    const start = starts.get(request.correlationId!);
    expect(
      start,
      `request ${request.correlationId} was not journaled before it was sent`,
    ).toBeDefined();
    expect(start!.line).toBeGreaterThan(0);
  }
  const startsByLine = new Map<number, { run: number; index: number }[]>();
  for (const start of starts.values()) {
    startsByLine.set(start.line, [...(startsByLine.get(start.line) ?? []), start]);
  }
  for (const list of startsByLine.values()) {
    for (const earlier of list.slice(0, -1)) {
      expect(endedRuns.has(earlier.run), `run ${earlier.run} ended but left a row`).toBe(false);
    }
  }
  return { outcomeAt, starts, startsByLine };
}

describe('killed with SIGKILL at random moments, then resumed until done', () => {
  const SEEDS = [11, 23, 37, 41];

  for (const [index, seed] of SEEDS.entries()) {
    const operation = index % 2 === 0 ? 'delete' : 'register';
    test(`seed ${seed} (${operation})`, { timeout: 60_000 }, async () => {
      const random = seeded(seed);
      deletingServer(random, 12);
      const rows = 300;
      const input =
        operation === 'delete'
          ? await file(`killed-${seed}.ndjson`, deletionNdjson(rows, `k${seed}`))
          : await file(`killed-${seed}.csv`, registrationCsv(rows, `k${seed}`));
      const lines = Array.from({ length: rows }, (_, index) =>
        operation === 'delete' ? index + 1 : index + 2,
      );

      let kills = 0;
      let last;
      for (let run = 1; run <= 12; run++) {
        const before = workspace.server.requests.length;
        const cli = await spawnCli(
          [
            'bulk',
            operation,
            input,
            '--base-url',
            workspace.server.url,
            '--json',
            ...(run > 1 ? ['--resume'] : []),
          ],
          { env },
        );
        // after six kills the run is left to finish
        if (kills < 6) {
          await untilRequests(before, cli);
          await sleep(random() * 250);
          if (cli.child.exitCode === null) {
            cli.child.kill('SIGKILL');
          }
        }
        last = await cli.exited;
        if (last.signal === 'SIGKILL') {
          kills++;
          continue;
        }
        break;
      }

      expect(kills, 'the runs were never killed').toBeGreaterThan(0);
      expect(last!.code, last!.stderr).toBe(0);
      const journal = await journalOf(input);
      const { startsByLine } = checkJournal(journal, lines);

      const summary = jsonLines(last!.stdout).at(-1)!;
      const outcomes = journal.filter((record) => record.type === 'outcome');
      if (operation === 'register') {
        expect(outcomes.every((record) => record.outcome === 'succeeded')).toBe(true);
      } else {
        // a delete sent again after a kill may find the account gone: never a failure
        for (const record of outcomes) {
          expect(['succeeded', 'alreadyDeleted']).toContain(record.outcome);
          if (record.outcome === 'alreadyDeleted') {
            expect(startsByLine.get(record.line as number)!.length).toBeGreaterThan(1);
            const requests = workspace.server.requests.filter(
              (request) => request.accountId === record.accountId,
            );
            expect(requests[0]!.status).toBe(204);
          }
        }
      }
      expect(summary.counts).toMatchObject({ failed: 0, pending: 0 });

      // the server was asked for each account, and no more often than the journal started it
      const requested = new Map<string, number>();
      for (const request of workspace.server.requests) {
        requested.set(request.accountId, (requested.get(request.accountId) ?? 0) + 1);
      }
      expect(requested.size).toBe(rows);
      const startsOf = new Map<string, number>();
      for (const record of journal.filter((r) => r.type === 'start')) {
        startsOf.set(
          record.accountId as string,
          (startsOf.get(record.accountId as string) ?? 0) + 1,
        );
      }
      for (const [account, count] of requested) {
        expect(count).toBeLessThanOrEqual(startsOf.get(account)!);
      }
    });
  }
});

describe('Ctrl-C', () => {
  test(
    'stops taking rows, waits for those in flight, journals them, exits 130; --resume finishes',
    { timeout: 30_000 },
    async () => {
      workspace.server.answerWith(() => ({ status: 204, delayMs: 150 }));
      const input = await file('interrupted.csv', registrationCsv(100, 'int'));

      const cli = await spawnCli(
        [
          'bulk',
          'register',
          input,
          '--base-url',
          workspace.server.url,
          '--concurrency',
          '4',
          '--json',
        ],
        { env },
      );
      await untilRequests(10, cli);
      cli.child.kill('SIGINT');
      const signalledAt = performance.now();
      const interrupted = await cli.exited;

      expect(interrupted.code, interrupted.stderr).toBe(130);
      expect(interrupted.stderr).toMatch(/SIGINT: no new rows are started; waiting for the \d+/);
      const summary = jsonLines(interrupted.stdout).at(-1)!;
      expect(summary).toMatchObject({ ended: 'interrupted', exitStatus: 130 });
      // the rows in flight got their answers and outcomes: none is left started
      const journal = await journalOf(input);
      const started = journal.filter((record) => record.type === 'start');
      const finished = journal.filter((record) => record.type === 'outcome');
      expect(finished).toHaveLength(started.length);
      expect(journal.at(-1)).toMatchObject({ type: 'end', ended: 'interrupted' });
      expect(workspace.server.requests).toHaveLength(started.length);
      expect(started.length).toBeLessThan(100);
      // and nothing new went out after the signal: a run that went on would send for seconds
      const after = workspace.server.requests.filter(
        (request) => request.arrivedAt > signalledAt + 250,
      );
      expect(after).toHaveLength(0);

      workspace.server.answerWith(() => ({ status: 204 }));
      const resumed = await runCli(
        ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume', '--json'],
        { env },
      );
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(jsonLines(resumed.stdout).at(-1)).toMatchObject({
        counts: { succeeded: 100, pending: 0 },
        thisRun: { sent: 100 - started.length, sentAgain: 0, skipped: started.length },
      });
      // each account exactly once, over both runs
      expect(new Set(workspace.server.requests.map((request) => request.accountId)).size).toBe(100);
      expect(workspace.server.requests).toHaveLength(100);
      checkJournal(
        await journalOf(input),
        Array.from({ length: 100 }, (_, index) => index + 2),
      );
    },
  );

  test(
    'a second Ctrl-C quits at once; the deletes left in flight are sent again, found gone',
    { timeout: 30_000 },
    async () => {
      // the account is gone once a delete arrives; the first answers take long enough for the
      // second Ctrl-C to come before them
      const gone = new Set<string>();
      const deleteOnce = (slow: boolean) =>
        workspace.server.answerWith((request) => {
          const status = gone.has(request.accountId) ? 404 : 204;
          gone.add(request.accountId);
          return { status, delayMs: slow ? 5_000 : 0 };
        });
      deleteOnce(true);
      const input = await file('twice.ndjson', deletionNdjson(20, 'twice'));

      const cli = await spawnCli(
        ['bulk', 'delete', input, '--base-url', workspace.server.url, '--concurrency', '3'],
        { env },
      );
      await untilRequests(2, cli);
      cli.child.kill('SIGINT');
      await sleep(100);
      cli.child.kill('SIGINT');
      const quit = await cli.exited;

      expect(quit.code, quit.stderr).toBe(130);
      expect(quit.stderr).toMatch(
        /SIGINT again: quitting now; --resume sends the 3 in flight again/,
      );
      const inFlight = workspace.server.requests.map((request) => request.accountId);
      expect(inFlight).toHaveLength(3);

      deleteOnce(false);
      const resumed = await runCli(
        ['bulk', 'delete', input, '--base-url', workspace.server.url, '--resume', '--json'],
        { env },
      );
      expect(resumed.code, resumed.stderr).toBe(0);
      const rows = jsonLines(resumed.stdout).filter((line) => line.type === 'row');
      const alreadyDeleted = rows
        .filter((row) => row.outcome === 'alreadyDeleted')
        .map((row) => row.accountId);
      expect(alreadyDeleted.sort()).toEqual([...inFlight].sort());
      expect(jsonLines(resumed.stdout).at(-1)).toMatchObject({
        counts: { succeeded: 17, alreadyDeleted: 3, failed: 0 },
        thisRun: { sent: 20, sentAgain: 3 },
      });
    },
  );
});

describe('the journal', () => {
  test('a last line cut short by a crash is dropped, or kept when it is whole', async () => {
    workspace.server.answerWith(() => ({ status: 204, delayMs: 20 }));
    const input = await file('torn.csv', registrationCsv(60, 'torn'));
    const cli = await spawnCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--concurrency', '2'],
      { env },
    );
    await untilRequests(10, cli);
    cli.child.kill('SIGKILL');
    await cli.exited;

    // half a record, as a machine crash in the middle of a write may leave
    const journalPath = `${input}.journal.ndjson`;
    await appendFile(journalPath, '{"type":"outcome","run":1,"line":61,"ro');
    workspace.server.answerWith(() => ({ status: 204 }));
    const resumed = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume'],
      { env },
    );

    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/the journal's last line \(\d+\) was cut short .*it is dropped/);
    const text = await readFile(journalPath, 'utf8');
    expect(text).not.toContain('"ro\n');
    checkJournal(
      jsonLines(text),
      Array.from({ length: 60 }, (_, index) => index + 2),
    );

    // a whole last record without its line ending is kept
    const end = text.trimEnd();
    await writeFile(journalPath, end);
    const again = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume', '--json'],
      { env },
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/its record is whole and kept/);
    expect(jsonLines(again.stdout).at(-1)).toMatchObject({ thisRun: { sent: 0, skipped: 60 } });
  });

  test('refuses to start over a journal, or to resume another input or operation', async () => {
    const input = await file('guarded.csv', registrationCsv(10, 'guarded'));
    const first = await runCli(['bulk', 'register', input, '--base-url', workspace.server.url], {
      env,
    });
    expect(first.code, first.stderr).toBe(0);
    workspace.server.reset();

    const again = await runCli(['bulk', 'register', input, '--base-url', workspace.server.url], {
      env,
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already: add --resume to continue its run/);

    const text = await readFile(input, 'utf8');
    await writeFile(input, text.replace('guarded-4,consumer-4', 'guarded-4,consumer-44'));
    const changed = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume'],
      { env },
    );
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/the input is not the one the journal .* line 5 differ/);

    await writeFile(input, text);
    const deletions = await file('guarded.ndjson', deletionNdjson(10, 'guarded'));
    const otherOperation = await runCli(
      [
        'bulk',
        'delete',
        deletions,
        '--base-url',
        workspace.server.url,
        '--resume',
        '--journal',
        `${input}.journal.ndjson`,
      ],
      { env },
    );
    expect(otherOperation.code).toBe(2);
    expect(otherOperation.stderr).toMatch(/is of a registerAccount run, not deleteAccount/);

    const nothing = await runCli(
      [
        'bulk',
        'register',
        join(workspace.folder, 'guarded-copy.csv'),
        '--base-url',
        workspace.server.url,
        '--resume',
      ],
      { env },
    );
    expect(nothing.code).toBe(2);
    expect(workspace.server.requests).toHaveLength(0);
  });

  test('one run at a time: a second run on a journal in use is refused', async () => {
    workspace.server.answerWith(() => ({ status: 204, delayMs: 200 }));
    const input = await file('locked.csv', registrationCsv(30, 'locked'));
    const first = await spawnCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--concurrency', '1'],
      { env },
    );
    await untilRequests(0, first);

    const second = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume'],
      {
        env,
      },
    );

    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`another run (process ${first.child.pid}) is using`);
    first.child.kill('SIGINT');
    expect((await first.exited).code).toBe(130);
  });

  test('--retry-failed sends the failed rows again, and only those', async () => {
    workspace.server.answerWith((request) => ({
      status: request.accountId.endsWith('3') ? 503 : 204,
    }));
    const input = await file('retry.csv', registrationCsv(20, 'retry'));

    const first = await runCli(
      [
        'bulk',
        'register',
        input,
        '--base-url',
        workspace.server.url,
        '--max-retries',
        '0',
        '--json',
      ],
      { env },
    );
    expect(first.code).toBe(1);
    expect(jsonLines(first.stdout).at(-1)).toMatchObject({ counts: { failed: 2 } });

    workspace.server.answerWith(() => ({ status: 204 }));
    workspace.server.reset();
    const plain = await runCli(
      ['bulk', 'register', input, '--base-url', workspace.server.url, '--resume', '--json'],
      { env },
    );
    expect(plain.code).toBe(1);
    expect(workspace.server.requests).toHaveLength(0);

    const retried = await runCli(
      [
        'bulk',
        'register',
        input,
        '--base-url',
        workspace.server.url,
        '--resume',
        '--retry-failed',
        '--json',
      ],
      { env },
    );
    expect(retried.code, retried.stderr).toBe(0);
    expect(workspace.server.requests.map((request) => request.accountId).sort()).toEqual([
      'retry-13',
      'retry-3',
    ]);
    expect(jsonLines(retried.stdout).at(-1)).toMatchObject({
      counts: { succeeded: 20, failed: 0 },
    });
  });
});
