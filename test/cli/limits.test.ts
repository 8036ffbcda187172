/**
 * `--concurrency` and `--rate`, counted where they matter: at a local server that records when
 * each request arrives and how many it has at once. Each limit is shown to be reached, not only
 * to be kept, so that a run that sends nothing at all would fail these tests too.
 */
import { writeFile } from 'node:fs/promises';

import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { cliWorkspace, jsonLines, registrationCsv, runCli } from '../support/cli.ts';

const env = { D1_TOKEN: 'limits-suite-token' };

const workspace = cliWorkspace('limits');

async function input(name: string, rows: number): Promise<string> {
  const path = join(workspace.folder, name);
  await writeFile(path, registrationCsv(rows, name.replace(/\.csv$/, '')));
  return path;
}

/** Milliseconds between the first and the last request the server received. */
function span(): number {
  const times = workspace.server.requests.map((request) => request.arrivedAt);
  return Math.max(...times) - Math.min(...times);
}

describe('--concurrency', () => {
  for (const concurrency of [1, 5]) {
    test(`${concurrency}: the server never has more at once, and has that many`, async () => {
      // answers slow enough that the requests pile up to the limit
      workspace.server.answerWith(() => ({ status: 204, delayMs: 40 }));
      const file = await input(`concurrency-${concurrency}.csv`, 60);

      const result = await runCli(
        [
          'bulk',
          'register',
          file,
          '--base-url',
          workspace.server.url,
          '--concurrency',
          `${concurrency}`,
        ],
        { env },
      );

      expect(result.code, result.stderr).toBe(0);
      expect(workspace.server.requests).toHaveLength(60);
      expect(workspace.server.maxInFlight).toBe(concurrency);
    });
  }
});

describe('--rate', () => {
  test('50 a second: never more than 50 in any one second at the server', async () => {
    const file = await input('rate.csv', 100);

    const result = await runCli(
      [
        'bulk',
        'register',
        file,
        '--base-url',
        workspace.server.url,
        '--rate',
        '50',
        '--concurrency',
        '16',
      ],
      { env },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(workspace.server.requests).toHaveLength(100);
    expect(workspace.server.maxInAnySecond()).toBeLessThanOrEqual(50);
    // the limit is used, not just kept: 100 requests spaced for 50 a second take about 2 s
    expect(workspace.server.maxInAnySecond()).toBeGreaterThanOrEqual(45);
    expect(span()).toBeGreaterThanOrEqual((99 * 1000) / 50);
  });

  test(
    'retries count: with every first attempt refused with 503, still at most 20 a second',
    { timeout: 30_000 },
    async () => {
      const refused = new Set<string>();
      workspace.server.answerWith((request) => {
        if (refused.has(request.accountId)) {
          return { status: 204 };
        }
        refused.add(request.accountId);
        return { status: 503 };
      });
      const file = await input('retried.csv', 30);

      const result = await runCli(
        ['bulk', 'register', file, '--base-url', workspace.server.url, '--rate', '20', '--json'],
        { env },
      );

      expect(result.code, result.stderr).toBe(0);
      expect(workspace.server.requests).toHaveLength(60);
      expect(workspace.server.maxInAnySecond()).toBeLessThanOrEqual(20);
      expect(span()).toBeGreaterThanOrEqual((59 * 1000) / 20);
      const rows = jsonLines(result.stdout).filter((line) => line.type === 'row');
      expect(rows.every((row) => row.outcome === 'succeeded' && row.attempts === 2)).toBe(true);
    },
  );

  test('a rate far below the concurrency queues the requests without timing them out', async () => {
    workspace.server.answerWith(() => ({ status: 204, delayMs: 5 }));
    const file = await input('slow-rate.csv', 12);

    // 8 rows wait for turns 200 ms apart, longer than the 1 s attempt timeout would allow
    const result = await runCli(
      [
        'bulk',
        'register',
        file,
        '--base-url',
        workspace.server.url,
        '--rate',
        '5',
        '--timeout-ms',
        '1000',
        '--json',
      ],
      { env },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(workspace.server.requests).toHaveLength(12);
    expect(workspace.server.maxInAnySecond()).toBeLessThanOrEqual(5);
    const rows = jsonLines(result.stdout).filter((line) => line.type === 'row');
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  });
});
