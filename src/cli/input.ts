/**
 * The input of a bulk run: a CSV file with a header row, an NDJSON file (one JSON object a
 * line), or standard input (`-`), read whole, into records that know their line numbers.
 *
 * It is read whole because every row is checked before the first is sent, and because
 * `--resume` must know that the input is the one the journal was written for (its SHA-256).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';

import { type CsvError, parse } from 'csv-parse/sync';

import { usageError } from './exit-status.ts';

/** The formats read. */
export type InputFormat = 'csv' | 'ndjson';

/** One record of the input, parsed or not. */
export interface InputRecord {
  /** The line it starts on, 1 for the first line of the input. */
  line: number;
  /** Its text (lines joined by `\n`), which its hash is taken from. */
  content: string;
  /** Its fields, by column or property name; empty CSV cells are left out. */
  fields?: Record<string, unknown>;
  /** Why it could not be read as a record, when it could not. */
  malformed?: string;
}

/** The input as read. */
export interface Input {
  /** The file's path, made absolute, or `-` for standard input. */
  source: string;
  format: InputFormat;
  /** SHA-256 of the bytes read, in hex. */
  sha256: string;
  records: InputRecord[];
}

/** What the columns of a CSV header may be. */
export interface Columns {
  /** Every column name the operation knows. */
  known: readonly string[];
  /** The columns that must be there. */
  required: readonly string[];
}

/**
 * Reads `file` (or standard input for `-`). The format is `format` when given, else the file's
 * extension (`.csv`; `.ndjson`, `.jsonl`), else a guess from the first character (`{` is
 * NDJSON). Throws a usage error for an input that cannot be read as a whole: a missing file, a
 * CSV without a usable header row, or a quote that is never closed.
 */
export async function readInput(
  file: string,
  columns: Columns,
  format?: InputFormat,
): Promise<Input> {
  const source = file === '-' ? '-' : resolve(file);
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw usageError(`cannot read ${file} (${code})`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  // one line ending throughout, so that line numbers and contents do not depend on it
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replaceAll('\r\n', '\n');
  const chosen = format ?? formatOf(file, text);
  const records = chosen === 'csv' ? readCsv(text, columns, file) : readNdjson(text);
  return { source, format: chosen, sha256, records };
}

function formatOf(file: string, text: string): InputFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') {
    return 'csv';
  }
  if (extension === '.ndjson' || extension === '.jsonl') {
    return 'ndjson';
  }
  return text.trimStart().startsWith('{') ? 'ndjson' : 'csv';
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function readNdjson(text: string): InputRecord[] {
  const records: InputRecord[] = [];
  text.split('\n').forEach((content, index) => {
    if (content.trim() === '') {
      return;
    }
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      // the parser's message quotes the text, which may be personal data: it is not kept
      records.push({ line, content, malformed: 'not valid JSON' });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      records.push({ line, content, malformed: 'not a JSON object' });
      return;
    }
    records.push({ line, content, fields: value as Record<string, unknown> });
  });
  return records;
}

function readCsv(text: string, columns: Columns, file: string): InputRecord[] {
  const lines = text.split('\n');
  const headerLine = lines.findIndex((line) => line.trim() !== '') + 1;
  if (headerLine === 0) {
    throw usageError(`${file} is empty: a CSV input needs a header row naming its columns`);
  }

  // Records and skipped records arrive in the order of the input, each with the line it ends
  // on; the line it starts on is the first non-empty one after the previous record.
  const events: { endLine: number; fields?: Record<string, unknown>; error?: CsvError }[] = [];
  let quoteNotClosed: CsvError | undefined;
  parse(text, {
    columns: (header: string[]) => checkHeader(header, columns, file, headerLine),
    bom: false,
    record_delimiter: '\n',
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: Record<string, string>, context) => {
      events.push({ endLine: context.lines, fields: withoutEmptyCells(record) });
      return null;
    },
    on_skip: (error) => {
      if (error === undefined) {
        return undefined;
      }
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        quoteNotClosed = error;
      } else if (events.at(-1)?.endLine !== linesOf(error)) {
        // one record may be skipped for several errors; the first says enough
        events.push({ endLine: linesOf(error), error });
      }
      return undefined;
    },
  });
  if (quoteNotClosed !== undefined) {
    // Everything after an unbalanced quote is read as one field: no row after it can be
    // trusted. A misplaced quote earlier is the usual cause, and its line says where to look.
    const cause = events.findLast((event) => event.error?.code.includes('QUOTE'));
    const where =
      cause === undefined
        ? `a quote opened before line ${linesOf(quoteNotClosed)} is never closed`
        : `line ${cause.endLine} has ${describeCsvError(cause.error!)}`;
    throw usageError(`${file}: ${where}, so the rest of the input cannot be read as rows`);
  }

  const records: InputRecord[] = [];
  let previousEnd = headerLine;
  for (const event of events) {
    let line = previousEnd + 1;
    while (line < event.endLine && lines[line - 1]!.trim() === '') {
      line++;
    }
    const content = lines.slice(line - 1, event.endLine).join('\n');
    previousEnd = event.endLine;
    records.push(
      event.error === undefined
        ? { line, content, fields: event.fields! }
        : { line, content, malformed: describeCsvError(event.error) },
    );
  }
  return records;
}

function checkHeader(header: string[], columns: Columns, file: string, line: number): string[] {
  const names = header.map((name) => name.trim());
  const unknown = names.filter((name) => !columns.known.includes(name));
  if (unknown.length > 0) {
    throw usageError(
      `${file} line ${line}: unknown column ${unknown.map((name) => `"${name}"`).join(', ')}` +
        `; the columns are ${columns.known.join(', ')} (names as the client's inputs)`,
    );
  }
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) {
    throw usageError(`${file} line ${line}: column ${repeated[0]} appears more than once`);
  }
  const missing = columns.required.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw usageError(`${file} line ${line}: the header has no ${missing.join(', ')} column`);
  }
  return names;
}

function withoutEmptyCells(record: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
}

/** The line a CSV error was found on: where the record ends. */
function linesOf(error: CsvError): number {
  return Number(error.lines);
}

/** Why a CSV record was skipped, in words that quote none of its values. */
function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const fields = Array.isArray(error.record) ? error.record.length : undefined;
      const expected = Array.isArray(error.columns) ? error.columns.length : undefined;
      return fields === undefined || expected === undefined
        ? 'not as many fields as the header has columns'
        : `${fields} fields where the header has ${expected} columns`;
    }
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a field that does not start with one';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field followed by something other than a comma or the end of the line';
    default:
      return `not a readable CSV record (${error.code})`;
  }
}
