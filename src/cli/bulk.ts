/**
 * `bulk register FILE` and `bulk delete FILE`: every row of the input checked first, then sent
 * with bounded concurrency and rate, each row's start and outcome in the journal, so that an
 * interrupted run can be resumed without sending a finished row again.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { DeleteAccountInput, RegisterAccountInput } from '../types.ts';
import { connect, type Connection, type ConnectionFlags } from './connect.ts';
import { EXIT, type ExitStatus, isConfigurationFailure, usageError } from './exit-status.ts';
import { type InputFormat, readInput } from './input.ts';
import { type OutcomeRecord, JournalWriter, readJournal, type EndRecord } from './journal.ts';
import { lockJournal } from './journal-lock.ts';
import { type CallOutcome, failed, succeeded } from './outcome.ts';
import type { Output } from './output.ts';
import { startProgress } from './progress.ts';
import { type ReportRow, writeReport } from './report.ts';
import { checkResumable, type JournalHistory, replayJournal } from './resume.ts';
import {
  BULK_OPERATIONS,
  type BulkOperation,
  checkRows,
  type Row,
  type RowProblem,
} from './rows.ts';
import { runConcurrently } from './scheduler.ts';
import { type OutcomeCounts, printSummary, type Summary } from './summary.ts';

/** The flags of a bulk run. */
export interface BulkFlags extends ConnectionFlags {
  format?: InputFormat;
  journal?: string;
  resume?: boolean;
  retryFailed?: boolean;
  dryRun?: boolean;
  concurrency: number;
  rate?: number;
  report?: string;
  progressEvery: number;
}

/** A row that this run sends. */
interface PendingRow {
  row: Row & { input: RegisterAccountInput | DeleteAccountInput };
  /** An earlier run's request for it may have reached the server (see `resume.ts`). */
  earlierMayHaveTakenEffect: boolean;
  /** An earlier run started it and ended without its outcome. */
  inFlightBefore: boolean;
}

/**
 * Runs `bulk NAME FILE`; resolves with the exit status.
 *
 * Not handled yet: a run does not stop after many failures in a row. A wrong base URL or an
 * expired certificate makes every row fail, each after its retries; only a refused token (401,
 * or a token request that fails) stops the run at once.
 */
export async function runBulk(
  name: keyof typeof BULK_OPERATIONS,
  file: string,
  flags: BulkFlags,
  output: Output,
): Promise<ExitStatus> {
  const operation: BulkOperation = BULK_OPERATIONS[name];
  if (flags.retryFailed && !flags.resume) {
    throw usageError('--retry-failed goes with --resume: it sends again the rows that failed');
  }
  if (file === '-' && flags.journal === undefined && !flags.dryRun) {
    throw usageError('with - (standard input) give --journal PATH: there is no file to put it by');
  }
  if (flags.report !== undefined) {
    checkFolder(flags.report, 'report');
  }

  // read and check every row before anything else
  const input = await readInput(file, operation.columns, flags.format);
  const rows = checkRows(operation, input.records);

  if (flags.dryRun) {
    return dryRun(operation, input.source, rows, flags, output);
  }

  const journalPath = resolve(flags.journal ?? `${input.source}.journal.ndjson`);
  checkFolder(journalPath, 'journal');
  const unlock = lockJournal(journalPath);
  let connection: Connection | undefined;
  try {
    const contents = readJournal(journalPath);
    if (!flags.resume && contents !== undefined && contents.records.length > 0) {
      throw usageError(
        `the journal ${journalPath} exists already: add --resume to continue its run, or give ` +
          'another --journal to start a new one',
      );
    }
    if (flags.resume && contents === undefined) {
      throw usageError(`there is no journal ${journalPath} to resume from`);
    }
    const history = replayJournal(contents?.records ?? []);
    checkResumable(history, journalPath, operation.id, input.sha256, rows);
    if (contents?.tornLast !== undefined) {
      output.note(
        `note: the journal's last line (${contents.tornLast.line}) was cut short by a crash; ` +
          (contents.tornLast.kept ? 'its record is whole and kept' : 'it is dropped'),
      );
    }

    connection = connect(
      flags,
      { concurrency: flags.concurrency, ratePerSecond: flags.rate },
      output.logger(),
    );
    const journal = new JournalWriter(journalPath, contents);
    try {
      return await send({
        operation,
        input: input.source,
        inputSha256: input.sha256,
        rows,
        history,
        journal,
        connection,
        flags,
        output,
        unlock,
      });
    } finally {
      journal.close();
    }
  } finally {
    await connection?.close();
    unlock();
  }
}

interface SendContext {
  operation: BulkOperation;
  input: string;
  inputSha256: string;
  rows: Row[];
  history: JournalHistory;
  journal: JournalWriter;
  connection: Connection;
  flags: BulkFlags;
  output: Output;
  /** Gives the journal's lock back. */
  unlock(): void;
}

async function send(context: SendContext): Promise<ExitStatus> {
  const { operation, rows, history, journal, connection, flags, output } = context;
  const run = history.runs + 1;
  const started = performance.now();
  journal.append({
    type: 'run',
    v: 1,
    run,
    at: now(),
    operation: operation.id,
    input: context.input,
    inputSha256: context.inputSha256,
    rows: rows.length,
    resumed: history.runs > 0,
  });

  // what earlier runs finished, and what this one has to do
  const finals = new Map<number, OutcomeRecord>();
  const pending: PendingRow[] = [];
  const problems: (Row & { problem: RowProblem })[] = [];
  let skipped = 0;
  for (const row of rows) {
    const earlier = history.rows.get(row.line);
    const retry = flags.retryFailed === true && earlier?.outcome?.outcome === 'failed';
    if (earlier?.outcome !== undefined && !retry) {
      finals.set(row.line, earlier.outcome);
      skipped++;
    } else if (row.problem !== undefined) {
      problems.push(row as Row & { problem: RowProblem });
    } else {
      const inFlightBefore = earlier?.inFlight === true;
      pending.push({
        row: row as PendingRow['row'],
        inFlightBefore,
        earlierMayHaveTakenEffect:
          inFlightBefore || (retry && earlier?.outcome?.mayHaveTakenEffect === true),
      });
    }
  }

  output.note(
    `note: ${operation.id} is deprecated by the provider: check with the Thales integration ` +
      'team before using it',
  );
  output.note(
    `${operation.id} on ${connection.target.label} with ${connection.credentials.description}: ` +
      `${pending.length} of ${rows.length} rows to send` +
      (skipped > 0 ? ` (${skipped} finished by earlier runs)` : '') +
      `, ${flags.concurrency} at a time` +
      (flags.rate === undefined ? '' : `, at most ${flags.rate} a second`) +
      `; journal ${journal.path}`,
  );

  // Ctrl-C: no new rows; the ones in flight finish and are journaled. A second one quits at
  // once: every record written so far is safe, and the rows in flight are sent again on resume.
  let signalled: NodeJS.Signals | undefined;
  let fatal: unknown;
  let inFlight = 0;
  let doneThisRun = 0;
  let failures = [...finals.values()].filter(isFailure).length;
  const finish = (record: OutcomeRecord) => {
    journal.append(record);
    finals.set(record.line, record);
    failures += isFailure(record) ? 1 : 0;
    announce(output, record);
  };
  const progress = startProgress(output, { everySeconds: flags.progressEvery }, () => ({
    total: rows.length,
    done: finals.size,
    failed: failures,
    doneThisRun,
  }));

  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled !== undefined) {
      progress.stop();
      output.note(`${signal} again: quitting now; --resume sends the ${inFlight} in flight again`);
      journal.close();
      context.unlock();
      process.exit(exitStatusOfSignal(signal));
    }
    signalled = signal;
    output.note(
      `${signal}: no new rows are started; waiting for the ${inFlight} in flight ` +
        '(press Ctrl-C again to quit at once)',
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // the rows that are not sent are finished at once
  for (const row of problems) {
    finish(problemRecord(run, row, row.problem));
  }

  const sendRow = async ({ row, earlierMayHaveTakenEffect }: PendingRow) => {
    const correlationId = randomUUID();
    journal.append({
      type: 'start',
      run,
      line: row.line,
      row: row.hash,
      issuerId: row.issuerId!,
      accountId: row.accountId!,
      correlationId,
      at: now(),
    });

    let outcome: CallOutcome;
    inFlight++;
    try {
      const result =
        operation.id === 'registerAccount'
          ? await connection.client.registerAccount(row.input as RegisterAccountInput, {
              correlationId,
            })
          : await connection.client.deleteAccount(row.input as DeleteAccountInput, {
              correlationId,
            });
      outcome = succeeded(result);
    } catch (error) {
      if (isConfigurationFailure(error)) {
        // Nothing this run sends can succeed now. The row has no outcome, so that --resume
        // sends it again once the configuration is fixed; and nothing it sent had an effect.
        journal.append({
          type: 'unsent',
          run,
          line: row.line,
          row: row.hash,
          correlationId,
          at: now(),
        });
        if (fatal === undefined) {
          fatal = error;
          output.note(`${(error as Error).message}; no new rows are started`);
        }
        return;
      }
      outcome = failed(error, operation.id, correlationId, earlierMayHaveTakenEffect);
    } finally {
      inFlight--;
    }

    doneThisRun++;
    finish(outcomeRecord(run, row, outcome));
  };

  try {
    await runConcurrently(pending, sendRow, {
      concurrency: flags.concurrency,
      stopping: () => signalled !== undefined || fatal !== undefined,
    });
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  const ended: EndRecord['ended'] =
    fatal !== undefined ? 'stopped' : signalled !== undefined ? 'interrupted' : 'completed';
  const counts = countOutcomes(rows, finals);
  journal.append({ type: 'end', run, at: now(), ended, counts: { ...counts } });
  journal.sync();

  let exitStatus: ExitStatus =
    fatal !== undefined
      ? EXIT.configuration
      : signalled !== undefined
        ? exitStatusOfSignal(signalled)
        : statusOfCounts(counts);
  if (flags.report !== undefined) {
    exitStatus = report(flags.report, rows, finals, output, exitStatus);
  }

  const sentAgain = pending.filter((item) => item.inFlightBefore && finals.has(item.row.line));
  const summary: Summary = {
    operation: operation.id,
    input: context.input,
    rows: rows.length,
    counts,
    ended,
    exitStatus,
    journal: journal.path,
    report: flags.report === undefined ? undefined : resolve(flags.report),
    thisRun: {
      sent: doneThisRun,
      sentAgain: sentAgain.length,
      skipped,
      seconds: Math.round(performance.now() - started) / 1000,
    },
  };
  printSummary(output, summary);
  return exitStatus;
}

/** `--dry-run`: every row checked and reported, nothing sent, no journal written. */
function dryRun(
  operation: BulkOperation,
  input: string,
  rows: Row[],
  flags: BulkFlags,
  output: Output,
): ExitStatus {
  const finals = new Map<number, OutcomeRecord>();
  for (const row of rows) {
    if (row.problem !== undefined) {
      const record = problemRecord(0, row, row.problem);
      finals.set(row.line, record);
      announce(output, record);
    }
  }
  const counts = countOutcomes(rows, finals);
  let exitStatus = statusOfCounts(counts);
  if (flags.report !== undefined) {
    exitStatus = report(flags.report, rows, finals, output, exitStatus);
  }
  printSummary(output, {
    operation: operation.id,
    input,
    rows: rows.length,
    counts,
    ended: 'dryRun',
    exitStatus,
    report: flags.report === undefined ? undefined : resolve(flags.report),
  });
  return exitStatus;
}

/** The outcome record of a row that is not sent: invalid, or a duplicate. */
function problemRecord(run: number, row: Row, problem: RowProblem): OutcomeRecord {
  return outcomeRecord(run, row, {
    outcome: problem.outcome,
    reason: problem.reason,
    ...(problem.outcome === 'duplicate'
      ? { duplicateOf: problem.duplicateOf, conflict: problem.conflict }
      : {}),
  });
}

function outcomeRecord(
  run: number,
  row: Row,
  outcome: Omit<Partial<CallOutcome>, 'outcome'> &
    Pick<OutcomeRecord, 'outcome' | 'reason' | 'duplicateOf' | 'conflict'>,
): OutcomeRecord {
  return {
    type: 'outcome',
    run,
    line: row.line,
    row: row.hash,
    outcome: outcome.outcome,
    issuerId: row.issuerId,
    accountId: row.accountId,
    status: outcome.status,
    attempts: outcome.attempts,
    correlationId: outcome.correlationId,
    error: outcome.error,
    reason: outcome.reason,
    mayHaveTakenEffect: outcome.mayHaveTakenEffect || undefined,
    duplicateOf: outcome.duplicateOf,
    conflict: outcome.conflict,
    at: now(),
  };
}

/** A row's outcome as it happens: a JSON line with `--json`, a note when it is a problem. */
function announce(output: Output, record: OutcomeRecord): void {
  output.data({ type: 'row', ...reportRowOf(record) });
  if (record.outcome === 'succeeded' || record.outcome === 'alreadyDeleted') {
    return;
  }
  // an invalid row's ids may hold anything, line breaks included: those are not shown
  const printable = (id: string | undefined) => id !== undefined && /^[\x21-\x7e]+$/.test(id);
  const account =
    printable(record.issuerId) && printable(record.accountId)
      ? ` ${record.issuerId}/${record.accountId}`
      : '';
  output.note(`line ${record.line}${account}: ${record.outcome}: ${record.reason ?? ''}`);
}

/** Failures, for the progress display and the exit status. */
function isFailure(record: OutcomeRecord): boolean {
  return (
    record.outcome === 'failed' ||
    record.outcome === 'invalid' ||
    (record.outcome === 'duplicate' && record.conflict === true)
  );
}

function countOutcomes(rows: readonly Row[], finals: Map<number, OutcomeRecord>): OutcomeCounts {
  const counts: OutcomeCounts = {
    succeeded: 0,
    alreadyDeleted: 0,
    failed: 0,
    invalid: 0,
    duplicate: 0,
    conflicting: 0,
    pending: 0,
  };
  for (const row of rows) {
    const record = finals.get(row.line);
    if (record === undefined) {
      counts.pending++;
      continue;
    }
    counts[record.outcome]++;
    if (record.outcome === 'duplicate' && record.conflict === true) {
      counts.conflicting++;
    }
  }
  return counts;
}

function statusOfCounts(counts: OutcomeCounts): ExitStatus {
  return counts.failed + counts.invalid + counts.conflicting > 0 ? EXIT.someFailed : EXIT.ok;
}

function exitStatusOfSignal(signal: NodeJS.Signals): ExitStatus {
  return signal === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

/** Writes the report; a failure to is said, and makes the run count as failed. */
function report(
  path: string,
  rows: readonly Row[],
  finals: Map<number, OutcomeRecord>,
  output: Output,
  exitStatus: ExitStatus,
): ExitStatus {
  try {
    writeReport(
      path,
      rows.map((row) => {
        const record = finals.get(row.line);
        return record === undefined
          ? {
              ...reportRowOf(undefined),
              line: row.line,
              issuerId: row.issuerId,
              accountId: row.accountId,
            }
          : reportRowOf(record);
      }),
    );
    return exitStatus;
  } catch (error) {
    output.note((error as Error).message);
    return exitStatus === EXIT.ok ? EXIT.someFailed : exitStatus;
  }
}

function reportRowOf(record: OutcomeRecord | undefined): ReportRow {
  return {
    line: record?.line ?? 0,
    issuerId: record?.issuerId,
    accountId: record?.accountId,
    outcome: record?.outcome ?? 'pending',
    status: record?.status,
    correlationId: record?.correlationId,
    attempts: record?.attempts,
    error: record?.error,
    reason: record?.reason,
    duplicateOf: record?.duplicateOf,
  };
}

/** A usage error now, rather than after the run, when the folder of `path` is missing. */
function checkFolder(path: string, what: string): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw usageError(`the folder of the ${what} ${path} does not exist`);
  }
}

function now(): string {
  return new Date().toISOString();
}
