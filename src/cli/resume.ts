/**
 * `--resume`: what the journal says about each row, and whether the input is still the one it
 * was written for.
 *
 * A row with an outcome is finished and is not sent again (a failed one is, with
 * `--retry-failed`). A row that was started and has no outcome was in flight when the run
 * ended: its request may or may not have reached the server, so it is sent again; both
 * operations reach the same state when repeated, and a delete that then answers 404 is recorded
 * as `alreadyDeleted`.
 */
import { usageError } from './exit-status.ts';
import type { JournalRecord, OutcomeRecord, RunRecord } from './journal.ts';
import type { Row } from './rows.ts';

/** What the journal says about one row. */
export interface RowHistory {
  /** The row's hash when it was journaled. */
  hash: string;
  /** How often it was started. */
  starts: number;
  /**
   * Its last start has neither an outcome nor an `unsent` record: it was in flight when its run
   * ended, and its request may have reached the server.
   */
  inFlight: boolean;
  /** Its last outcome, when it has one. */
  outcome: OutcomeRecord | undefined;
}

/** The journal, folded by row. */
export interface JournalHistory {
  /** The first run's record, when the journal has one. */
  firstRun: RunRecord | undefined;
  /** How many runs it records. */
  runs: number;
  /** By line. */
  rows: Map<number, RowHistory>;
}

/** Folds the records of a journal by row. */
export function replayJournal(records: readonly JournalRecord[]): JournalHistory {
  const rows = new Map<number, RowHistory>();
  let firstRun: RunRecord | undefined;
  let runs = 0;
  for (const record of records) {
    if (record.type === 'run') {
      firstRun ??= record;
      runs = Math.max(runs, record.run);
      continue;
    }
    if (record.type === 'end') {
      continue;
    }
    const history = rows.get(record.line) ?? {
      hash: record.row,
      starts: 0,
      inFlight: false,
      outcome: undefined,
    };
    rows.set(record.line, history);
    if (record.type === 'start') {
      history.starts++;
      history.inFlight = true;
    } else if (record.type === 'unsent') {
      history.inFlight = false;
    } else {
      history.inFlight = false;
      history.outcome = record;
    }
  }
  return { firstRun, runs, rows };
}

/**
 * Refuses to resume from a journal of another operation or another input. The input's hash
 * decides; the rows whose hash differs say where the input changed.
 */
export function checkResumable(
  history: JournalHistory,
  journalPath: string,
  operation: string,
  inputSha256: string,
  rows: readonly Row[],
): void {
  const { firstRun } = history;
  if (firstRun === undefined) {
    return;
  }
  if (firstRun.operation !== operation) {
    throw usageError(
      `the journal ${journalPath} is of a ${firstRun.operation} run, not ${operation}: ` +
        'give another --journal for this one',
    );
  }
  if (firstRun.inputSha256 === inputSha256) {
    return;
  }
  const byLine = new Map(rows.map((row) => [row.line, row]));
  const changed = [...history.rows]
    .filter(([line, row]) => byLine.get(line)?.hash !== row.hash)
    .map(([line]) => line)
    .sort((a, b) => a - b);
  const where =
    changed.length > 0
      ? `the rows journaled at line${changed.length > 1 ? 's' : ''} ` +
        `${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''} differ`
      : `the rows journaled so far are unchanged, but it had ${firstRun.rows} rows and this ` +
        `input has ${rows.length}, or another line changed`;
  throw usageError(
    `the input is not the one the journal ${journalPath} was written for (its SHA-256 ` +
      `differs; ${where}): resuming could skip or repeat the wrong rows. Restore that input, ` +
      'or start a new run with another --journal',
  );
}
