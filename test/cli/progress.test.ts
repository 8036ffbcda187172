/**
 * The progress display of a bulk run: plain lines every few seconds when standard error is a
 * pipe or a file, a bar on a terminal (a pseudo-terminal made by `script` from util-linux).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { cliCommand, registrationCsv, runCli } from '../support/cli.ts';
import { type CountingServer, startCountingServer } from '../support/counting-server.ts';

const env = { D1_TOKEN: 'progress-suite-token' };
const SCRIPT = '/usr/bin/script';
const PROGRESS_LINE =
  /^progress: (\d+) of 50 done, (\d+) failed, (\d+) remaining, [\d.]+ rows\/s, (\S+) left$/;

let folder: string;
let server: CountingServer;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'd1-accounts-progress-'));
  // slow enough answers that the run lasts about a second
  server = await startCountingServer({ answer: () => ({ status: 204, delayMs: 40 }) });
});

afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

describe('progress', () => {
  test('off a terminal: plain lines with done, failed, remaining, rate, time left', async () => {
    const input = join(folder, 'plain.csv');
    await writeFile(input, registrationCsv(50, 'plain'));

    const result = await runCli(
      [
        'bulk',
        'register',
        input,
        '--base-url',
        server.url,
        '--concurrency',
        '2',
        '--progress-every',
        '0.2',
      ],
      { env },
    );

    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('progress: '))
      .map((line) => PROGRESS_LINE.exec(line));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    let before = -1;
    for (const match of lines) {
      expect(match, 'a progress line of another shape').not.toBeNull();
      const [, done, failed, remaining] = match!.map(Number);
      expect(done! + remaining!).toBe(50);
      expect(failed).toBe(0);
      expect(done).toBeGreaterThanOrEqual(before);
      before = done!;
    }
    // no control characters in a log
    expect(result.stderr).not.toMatch(/\u001b\[/);
  });

  test.skipIf(!existsSync(SCRIPT))(
    'on a terminal: a bar, redrawn in place, that ends at 100%',
    async () => {
      const input = join(folder, 'bar.csv');
      await writeFile(input, registrationCsv(50, 'bar'));
      const command = [
        ...(await cliCommand()),
        'bulk',
        'register',
        input,
        '--base-url',
        server.url,
        '--concurrency',
        '2',
      ];
      const quoted = command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(' ');

      // script gives the command a pseudo-terminal and copies what it draws to its output
      const child = spawn(SCRIPT, ['-qfec', quoted, '/dev/null'], {
        env: { ...process.env, ...env, TERM: 'xterm', COLUMNS: '160' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.on('close', done));

      expect(code, screen).toBe(0);
      expect(screen).toMatch(/[\u2588\u2591]{10,}/);
      expect(screen).toMatch(/\d+ done, 0 failed, \d+ remaining \| [\d.]+ rows\/s/);
      expect(screen).toContain('50 done, 0 failed, 0 remaining');
      expect(screen).toContain('100%');
      // redrawn in place: the bar moves the cursor back rather than printing new lines
      expect(screen).toMatch(/\u001b\[/);
      expect(screen).toContain('succeeded');
    },
  );
});
