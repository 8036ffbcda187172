import {
  type CompiledValidator,
  operationValidators,
} from '../../generated/d1-accounts.validators.ts';
import type { Violation } from '../errors/D1ValidationError.ts';
import type { OperationId } from './operations.ts';

/** An operation's input as the spec's validators see it. */
export interface OperationInput {
  path: Readonly<Record<string, unknown>>;
  body: unknown;
}

/** Every violation of an operation's input: the spec's rules, then the URL's (see below). */
export function inputViolations(operation: OperationId, input: OperationInput): Violation[] {
  const violations = findViolations(operationValidators[operation], input);
  violations.push(...pathViolations(input.path));
  return violations;
}

type AjvError = NonNullable<CompiledValidator['errors']>[number];

/**
 * Runs `validator` on `input` and returns every violation, empty when the input is valid.
 * `fieldNames` renames fields for the caller, for example the header `header.x-correlation-id`
 * to the option `correlationId`; path parameters are named bare (`issuerId`).
 */
export function findViolations(
  validator: CompiledValidator,
  input: unknown,
  fieldNames: Readonly<Record<string, string>> = {},
): Violation[] {
  if (validator(input)) {
    return [];
  }
  return (validator.errors ?? []).map((error) => toViolation(error, input, fieldNames));
}

function toViolation(
  error: AjvError,
  input: unknown,
  fieldNames: Readonly<Record<string, string>>,
): Violation {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const { params } = error;

  // required and unknown properties are reported by Ajv on the parent object
  if (error.keyword === 'required') {
    segments.push(String(params.missingProperty));
  } else if (error.keyword === 'additionalProperties') {
    segments.push(String(params.additionalProperty));
  }

  const path = segments.join('.');
  const field = fieldNames[path] ?? (segments[0] === 'path' ? segments.slice(1).join('.') : path);
  const value = valueAt(input, segments);
  const violation = describe(error.keyword, params);
  return error.keyword === 'required' ? { field, ...violation } : { field, ...violation, value };
}

function describe(keyword: string, params: Record<string, unknown>): Omit<Violation, 'field'> {
  switch (keyword) {
    case 'required':
      return { rule: 'required', message: 'is required' };
    case 'additionalProperties':
      return { rule: 'unknownProperty', message: 'is not a property of the spec' };
    case 'type':
      return {
        rule: 'type',
        limit: String(params.type),
        message: `must be of type ${params.type}`,
      };
    case 'minLength':
      return {
        rule: 'minLength',
        limit: Number(params.limit),
        message: `must be at least ${params.limit} characters long`,
      };
    case 'maxLength':
      return {
        rule: 'maxLength',
        limit: Number(params.limit),
        message: `must be at most ${params.limit} characters long`,
      };
    case 'pattern':
      return {
        rule: 'pattern',
        limit: String(params.pattern),
        message: `must match ${params.pattern}`,
      };
    case 'enum': {
      const allowed = params.allowedValues as readonly unknown[];
      return { rule: 'enum', limit: allowed, message: `must be one of ${allowed.join(', ')}` };
    }
    default:
      return { rule: keyword, message: `breaks the spec's ${keyword} rule` };
  }
}

function valueAt(input: unknown, segments: readonly string[]): unknown {
  let node = input;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

// In a Unicode-aware pattern, a surrogate code unit matches only when it is unpaired.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * What the spec's schemas cannot say about path values: each must be well-formed Unicode, or no
 * URL can carry it (percent-encoding throws on a lone surrogate). The issuer id, which has no
 * pattern, is the value this can reach.
 */
export function pathViolations(path: Readonly<Record<string, unknown>>): Violation[] {
  const violations: Violation[] = [];
  for (const [field, value] of Object.entries(path)) {
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      violations.push({
        field,
        rule: 'wellFormed',
        value,
        message: 'must be well-formed Unicode (it holds a lone surrogate, which no URL can carry)',
      });
    }
  }
  return violations;
}
