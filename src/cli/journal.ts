/**
 * The journal of a bulk run: an append-only NDJSON file, one record a line, that says which
 * rows were started and how each one ended, so that `--resume` sends again only what has no
 * known outcome.
 *
 * Records, in the order they are written:
 *
 * - `run`: a run (the first, or a resumed one) begins: the operation, the input's SHA-256, the
 *   number of rows. Written before any row of the run is started.
 * - `start`: a row is about to be sent, with the correlation id it is sent with. Written, and
 *   handed to the kernel, before the request leaves.
 * - `outcome`: a row's final outcome (`succeeded`, `alreadyDeleted`, `failed`, `invalid`,
 *   `duplicate`), with its status, attempts and correlation id.
 * - `unsent`: a started row whose call had no effect because the credentials were refused
 *   (no token, or a 401); it has no outcome and is sent again on resume.
 * - `end`: the run ended: completed, interrupted (Ctrl-C) or stopped (credentials refused).
 *
 * Each record is one `write` of a whole line. A process killed at any moment (SIGKILL
 * included) loses nothing that was written: the kernel has it. What a crash of the machine
 * can lose is bounded by a sync to disk every second and at the end; a record lost that way, or
 * a line cut short by it, only makes `--resume` send a row again, which both operations
 * tolerate. Rows are named by their line and a hash of their text; no record holds a token, a
 * key, or any value of a row besides its issuer and account ids.
 */
import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';

import { configurationError, usageError } from './exit-status.ts';

/** The version of the record format, in each `run` record. */
export const JOURNAL_VERSION = 1;

/** How a row ended. */
export type RowOutcome = 'succeeded' | 'alreadyDeleted' | 'failed' | 'invalid' | 'duplicate';

/** A run begins. */
export interface RunRecord {
  type: 'run';
  v: typeof JOURNAL_VERSION;
  /** 1 for the first run of the journal, then one more for each `--resume`. */
  run: number;
  at: string;
  operation: string;
  /** The input file's absolute path, or `-` for standard input. */
  input: string;
  inputSha256: string;
  rows: number;
  resumed: boolean;
}

/** A row is about to be sent. */
export interface StartRecord {
  type: 'start';
  run: number;
  line: number;
  /** The row's hash (see `rows.ts`). */
  row: string;
  issuerId: string;
  accountId: string;
  correlationId: string;
  at: string;
}

/**
 * A started row that ended without an outcome and without effect: its credentials were refused
 * before or by the server. Unlike a row left in flight, nothing it sent can have acted.
 */
export interface UnsentRecord {
  type: 'unsent';
  run: number;
  line: number;
  row: string;
  correlationId: string;
  at: string;
}

/** A row's final outcome. */
export interface OutcomeRecord {
  type: 'outcome';
  run: number;
  line: number;
  row: string;
  outcome: RowOutcome;
  issuerId?: string | undefined;
  accountId?: string | undefined;
  /** The HTTP status of the last answer, when there was one. */
  status?: number | undefined;
  attempts?: number | undefined;
  correlationId?: string | undefined;
  /** The error's class, for a failure (`D1ForbiddenError`, `D1TimeoutError`...). */
  error?: string | undefined;
  /** What went wrong, in words: the error's message, or what is wrong with the row. */
  reason?: string | undefined;
  /**
   * A failure after which it is unknown whether the server acted (a timeout, a lost
   * connection, a 502 or 504): a later delete of the row that answers 404 found it deleted.
   */
  mayHaveTakenEffect?: boolean | undefined;
  /** For a duplicate: the line of the row that was sent instead. */
  duplicateOf?: number | undefined;
  /** For a duplicate: whether it asked for something else than that row. */
  conflict?: boolean | undefined;
  at: string;
}

/** A run ended. */
export interface EndRecord {
  type: 'end';
  run: number;
  at: string;
  ended: 'completed' | 'interrupted' | 'stopped';
  /** The outcomes of every row of the input so far, earlier runs included. */
  counts: Record<string, number>;
}

/** Any record. */
export type JournalRecord = RunRecord | StartRecord | UnsentRecord | OutcomeRecord | EndRecord;

/** What was read from a journal. */
export interface JournalContents {
  records: JournalRecord[];
  /**
   * The last line, when it was cut short by a crash in the middle of a write: `kept` when it
   * still held a whole record and only its line ending was missing, otherwise it is dropped.
   */
  tornLast?: { line: number; kept: boolean } | undefined;
}

// How often the journal is forced to disk: the window a machine crash could lose.
const SYNC_INTERVAL_MS = 1_000;

const TYPES = new Set(['run', 'start', 'unsent', 'outcome', 'end']);

/**
 * Reads the journal at `path`; `undefined` when there is none. A line that is not a record is
 * refused (the journal was edited, or is not one), except a last line cut short by a crash.
 */
export function readJournal(path: string): JournalContents | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw usageError(
      `cannot read the journal ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }

  const lines = text.split('\n');
  const complete = text.endsWith('\n') || text === '';
  // after the last line ending there is nothing, or a record whose writing was cut short
  const last = lines.pop() ?? '';
  const records: JournalRecord[] = [];
  lines.forEach((line, index) => {
    const record = parseRecord(line);
    if (record === undefined) {
      throw usageError(
        `the journal ${path} line ${index + 1} is not a record of d1-accounts: was it edited?`,
      );
    }
    records.push(record);
  });
  if (complete) {
    return { records };
  }
  const record = parseRecord(last);
  if (record !== undefined) {
    records.push(record);
  }
  return { records, tornLast: { line: lines.length + 1, kept: record !== undefined } };
}

function parseRecord(line: string): JournalRecord | undefined {
  try {
    const value = JSON.parse(line) as { type?: unknown; run?: unknown };
    if (TYPES.has(value.type as string) && typeof value.run === 'number') {
      return value as JournalRecord;
    }
  } catch {
    // not JSON: refused or dropped by the caller
  }
  return undefined;
}

/** A journal open for appending. */
export class JournalWriter {
  readonly path: string;
  #fd: number | undefined;
  readonly #timer: NodeJS.Timeout;
  #dirty = false;

  /**
   * Opens `path` for appending, creating it when there is none. A last line cut short by a
   * crash (`contents.tornLast`) is first completed, when it held a whole record, or cut off.
   */
  constructor(path: string, contents?: JournalContents) {
    this.path = path;
    try {
      this.#fd = openSync(path, 'a');
    } catch (error) {
      throw usageError(
        `cannot open the journal ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (contents?.tornLast !== undefined) {
      if (contents.tornLast.kept) {
        writeSync(this.#fd, '\n');
      } else {
        // a torn record says nothing; a row it was about is sent again
        const text = readFileSync(path, 'utf8');
        ftruncateSync(this.#fd, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
      }
    }
    this.#timer = setInterval(() => this.sync(), SYNC_INTERVAL_MS);
    this.#timer.unref();
  }

  /**
   * Appends one record as one line, in one `write`: when this returns, the record survives the
   * process being killed.
   */
  append(record: JournalRecord): void {
    if (this.#fd === undefined) {
      throw new Error(`the journal ${this.path} is closed`);
    }
    try {
      writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    } catch (error) {
      // without the journal nothing more may be sent: a row sent unrecorded could be repeated
      throw configurationError(
        `cannot write the journal ${this.path} ` +
          `(${(error as NodeJS.ErrnoException).code ?? 'error'}): the run stops; --resume ` +
          'continues it once the journal can be written',
      );
    }
    this.#dirty = true;
  }

  /**
   * Forces what was appended to disk. A failure is not reported: what was written is with the
   * kernel already, and survives this process; a write that fails is, at once.
   */
  sync(): void {
    if (this.#fd !== undefined && this.#dirty) {
      this.#dirty = false;
      try {
        fdatasyncSync(this.#fd);
      } catch {
        this.#dirty = true;
      }
    }
  }

  /** Syncs and closes the file. */
  close(): void {
    clearInterval(this.#timer);
    if (this.#fd !== undefined) {
      this.sync();
      closeSync(this.#fd);
      this.#fd = undefined;
    }
  }
}
