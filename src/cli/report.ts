/**
 * `--report PATH`: every row's outcome in a file, CSV (the default) or JSON (for a path that
 * ends in `.json`), for the operator to file or to feed into the next step.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';

import { stringify } from 'csv-stringify/sync';

import { usageError } from './exit-status.ts';
import type { RowOutcome } from './journal.ts';

/** One row of the report. */
export interface ReportRow {
  line: number;
  issuerId: string | undefined;
  accountId: string | undefined;
  /** The row's outcome, or `pending` when it has none yet (interrupted, or a dry run). */
  outcome: RowOutcome | 'pending';
  /** The HTTP status of the last answer. */
  status: number | undefined;
  /** The correlation id of the call that gave the outcome: quote it to the provider. */
  correlationId: string | undefined;
  attempts: number | undefined;
  /** The error's class, for a failure. */
  error: string | undefined;
  /** What went wrong, or why the row was not sent. */
  reason: string | undefined;
  /** For a duplicate: the line of the row sent instead. */
  duplicateOf: number | undefined;
}

/** The report's columns, in order. */
export const REPORT_COLUMNS = [
  'line',
  'issuerId',
  'accountId',
  'outcome',
  'status',
  'correlationId',
  'attempts',
  'error',
  'reason',
  'duplicateOf',
] as const satisfies readonly (keyof ReportRow)[];

/**
 * Writes the report to `path`, whole or not at all: it is written next to it first and then
 * renamed over it, so that a report is never left half-written.
 */
export function writeReport(path: string, rows: readonly ReportRow[]): void {
  const text =
    extname(path).toLowerCase() === '.json'
      ? `${JSON.stringify(
          // every column in every row, null where it has no value, as in the CSV's empty cells
          rows.map((row) =>
            Object.fromEntries(REPORT_COLUMNS.map((column) => [column, row[column] ?? null])),
          ),
          null,
          2,
        )}\n`
      : stringify(
          rows.map((row) => REPORT_COLUMNS.map((column) => row[column] ?? '')),
          { header: true, columns: [...REPORT_COLUMNS] },
        );
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    throw usageError(
      `cannot write the report ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
