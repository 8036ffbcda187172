import { D1Error } from './D1Error.ts';

/** The rule of the spec that an input broke. */
export type ValidationRule =
  | 'required'
  | 'type'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'enum'
  | 'unknownProperty'
  // a path value that is not well-formed Unicode, which no URL can carry
  | 'wellFormed'
  // A keyword the spec may use in a later version, named as JSON Schema names it.
  | (string & {});

/** One thing wrong with a call's input. */
export interface Violation {
  /** Where: `issuerId`, `accountId`, `correlationId`, `body`, `body.state`, ... */
  field: string;
  /** Which rule of the spec was broken. */
  rule: ValidationRule;
  /** The limit, pattern or allowed values of the rule, when it has one. */
  limit?: number | string | readonly unknown[];
  /** The value the caller gave, absent for a missing field. Never written into a message. */
  value?: unknown;
  /** A short description of the rule, such as `must be at most 64 characters`. */
  message: string;
}

/**
 * The input of a call breaks the spec; nothing was sent. {@link D1ValidationError.violations}
 * lists every violation, not only the first.
 *
 * The message names the operation, the fields and the rules, never the values: a value may be
 * personal data, and messages end up in logs. The values are on the violations.
 */
export class D1ValidationError extends D1Error {
  override name = 'D1ValidationError';
  declare readonly operation: string;
  /** Every violation found, in the order the spec's schema was checked. */
  readonly violations: readonly Violation[];

  constructor(operation: string, violations: readonly Violation[]) {
    const list = violations.map((violation) => `${violation.field} ${violation.message}`);
    super(`${operation}: invalid input, nothing was sent: ${list.join('; ')}`, { operation });
    this.violations = violations;
  }

  /** Safe to log: the violations without the values the caller gave. */
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      violations: this.violations.map(({ value: _value, ...violation }) => violation),
    };
  }
}
