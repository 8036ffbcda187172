/**
 * The end of a bulk run: how many rows ended which way, for a person (standard output) or as
 * the last JSON line with `--json`.
 */
import type { EndRecord } from './journal.ts';
import type { Output } from './output.ts';
import { duration } from './progress.ts';

/** How many rows ended which way, over every run of the journal. */
export interface OutcomeCounts {
  succeeded: number;
  alreadyDeleted: number;
  failed: number;
  invalid: number;
  duplicate: number;
  /** Of the duplicates, those that asked for something else than the row sent instead. */
  conflicting: number;
  /** Rows without an outcome yet: not sent, or in flight when the run ended. */
  pending: number;
}

/** What the summary says. */
export interface Summary {
  operation: string;
  /** The input's absolute path, or `-`. */
  input: string;
  rows: number;
  counts: OutcomeCounts;
  /** How the run ended; a dry run has `dryRun` instead. */
  ended: EndRecord['ended'] | 'dryRun';
  exitStatus: number;
  journal?: string | undefined;
  report?: string | undefined;
  thisRun?: {
    /** Rows sent by this run. */
    sent: number;
    /** Of those, rows sent again because an earlier run ended with them in flight. */
    sentAgain: number;
    /** Rows finished by earlier runs, not sent. */
    skipped: number;
    seconds: number;
  };
}

const ENDINGS: Record<Summary['ended'], string> = {
  completed: 'completed',
  interrupted: 'interrupted: run the same command with --resume to continue',
  stopped: 'stopped: fix the configuration, then run the same command with --resume',
  dryRun: 'dry run, nothing sent',
};

/** Prints the summary. */
export function printSummary(output: Output, summary: Summary): void {
  output.data({ type: 'summary', ...summary });

  const { counts } = summary;
  const lines: [string, number, string?][] =
    summary.ended === 'dryRun'
      ? [
          ['to be sent', counts.pending],
          ['invalid', counts.invalid],
          ['duplicate', counts.duplicate, conflicts(counts)],
        ]
      : [
          ['succeeded', counts.succeeded],
          ['already deleted', counts.alreadyDeleted],
          ['failed', counts.failed],
          ['invalid', counts.invalid],
          ['duplicate', counts.duplicate, conflicts(counts)],
          ['pending', counts.pending],
        ];
  output.text(
    `${summary.operation}, ${summary.rows} rows from ${summary.input}: ${ENDINGS[summary.ended]}`,
  );
  for (const [label, count, note] of lines) {
    output.text(`  ${label.padEnd(16)}${String(count).padStart(8)}${note ?? ''}`);
  }
  if (summary.thisRun !== undefined) {
    const { sent, sentAgain, skipped, seconds } = summary.thisRun;
    const again = sentAgain > 0 ? ` (${sentAgain} again, in flight when a run ended)` : '';
    const earlier = skipped > 0 ? `, ${skipped} finished by earlier runs` : '';
    output.text(`this run: ${sent} sent${again}${earlier}, in ${duration(seconds)}`);
  }
  if (summary.journal !== undefined) {
    output.text(`journal: ${summary.journal}`);
  }
  if (summary.report !== undefined) {
    output.text(`report: ${summary.report}`);
  }
}

function conflicts(counts: OutcomeCounts): string {
  return counts.conflicting > 0 ? `  (${counts.conflicting} with other values: failures)` : '';
}
