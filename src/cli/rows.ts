/**
 * The rows of a bulk run: each input record checked as the client would check it before
 * sending, and compared with the rows before it for the same account.
 */
import { createHash } from 'node:crypto';

import type { Violation } from '../errors/D1ValidationError.ts';
import type { OperationId } from '../internal/operations.ts';
import { validateDeleteAccount, validateRegisterAccount } from '../internal/validate-input.ts';
import type { DeleteAccountInput, RegisterAccountInput } from '../types.ts';
import type { Columns, InputRecord } from './input.ts';

/** What a bulk run does with each row, and the columns its rows have. */
export interface BulkOperation {
  /** The operation id: `registerAccount` or `deleteAccount`. */
  id: OperationId;
  /** The column (or NDJSON property) names, those of the client's input. */
  columns: Columns;
  /** Every violation of an input; empty when the client would send it. */
  validate(input: unknown): Violation[];
}

/** The two operations, by the name the command line gives them. */
export const BULK_OPERATIONS = {
  register: {
    id: 'registerAccount',
    columns: {
      known: ['issuerId', 'accountId', 'consumerId', 'state', 'accountProductId'],
      required: ['issuerId', 'accountId', 'consumerId', 'state'],
    },
    validate: validateRegisterAccount,
  },
  delete: {
    id: 'deleteAccount',
    columns: {
      known: ['issuerId', 'accountId', 'reason', 'reasonCode'],
      required: ['issuerId', 'accountId'],
    },
    validate: validateDeleteAccount,
  },
} as const satisfies Record<string, BulkOperation>;

/** Why a row is not sent. */
export type RowProblem =
  | {
      outcome: 'invalid';
      /** What is wrong, naming columns and rules, never values. */
      reason: string;
    }
  | {
      outcome: 'duplicate';
      /** The line of the first row for the same account, which is sent instead. */
      duplicateOf: number;
      /** Whether this row asks for something else than that first one. */
      conflict: boolean;
      reason: string;
    };

/** One row of the input. */
export interface Row {
  /** The line the row starts on. */
  line: number;
  /** A hash of the row's text: with the line, it names the row in the journal. */
  hash: string;
  /** The account, when the row names one with strings. */
  issuerId: string | undefined;
  accountId: string | undefined;
  /** The client's input, for a row that is sent. */
  input?: RegisterAccountInput | DeleteAccountInput;
  /** Why the row is not sent, for one that is not. */
  problem?: RowProblem;
}

/**
 * The rows of `records`: checked, and compared by account. The first row for an account is
 * sent; a later one is reported as a duplicate and not sent, since rows run concurrently and
 * two calls for the same account could reach the server in either order. A later row that asks
 * for something else (another state, say) is a conflict, which counts as a failure.
 */
export function checkRows(operation: BulkOperation, records: readonly InputRecord[]): Row[] {
  const firstByAccount = new Map<string, { line: number; canonical: string }>();
  return records.map((record) => {
    const hash = rowHash(record.content);
    const fields = record.fields ?? {};
    const issuerId = typeof fields.issuerId === 'string' ? fields.issuerId : undefined;
    const accountId = typeof fields.accountId === 'string' ? fields.accountId : undefined;
    const row = { line: record.line, hash, issuerId, accountId };

    if (record.malformed !== undefined) {
      return { ...row, problem: { outcome: 'invalid', reason: `malformed: ${record.malformed}` } };
    }
    const violations = operation.validate(fields);
    if (violations.length > 0) {
      return { ...row, problem: { outcome: 'invalid', reason: describeViolations(violations) } };
    }

    const key = `${issuerId}/${accountId}`;
    const canonical = canonicalJson(fields);
    const first = firstByAccount.get(key);
    if (first !== undefined) {
      const conflict = first.canonical !== canonical;
      const reason = conflict
        ? `same account as line ${first.line} with other values: not sent`
        : `same as line ${first.line}: not sent again`;
      return {
        ...row,
        problem: { outcome: 'duplicate', duplicateOf: first.line, conflict, reason },
      };
    }
    firstByAccount.set(key, { line: record.line, canonical });
    return { ...row, input: fields as unknown as RegisterAccountInput | DeleteAccountInput };
  });
}

/** `state must be one of ACTIVE, INACTIVE; issuerId is required`, with column names. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => `${violation.field.replace(/^body\./, '')} ${violation.message}`)
    .join('; ');
}

/** The first 16 hex digits of the SHA-256 of a row's text: enough to tell a changed row. */
function rowHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

/** JSON with the keys sorted, so that two rows asking for the same thing compare equal. */
function canonicalJson(fields: Record<string, unknown>): string {
  const keys = Object.keys(fields).sort();
  return JSON.stringify(keys.map((key) => [key, fields[key]]));
}
