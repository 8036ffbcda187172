/**
 * fast-check arbitraries of the two account operations' inputs, valid and nearly valid, for the
 * differential property of `test/fuzz/property.ts`.
 *
 * Every value is built around a limit of the spec: lengths 0, 1, 9, 10, 11, 63, 64 and 65;
 * characters just inside and just outside each pattern (`/`, `:`, `%`, `.`, space, tab, newline,
 * non-ASCII letters, a letter outside the Basic Multilingual Plane); enum values in the wrong
 * case; required fields left out and unknown fields added. Each field is valid more often than
 * not, so that a case as a whole is accepted often enough for both verdicts to be well tested.
 *
 * Path values and the correlation id are always strings: they travel as text, and the client's
 * types allow nothing else. Body fields also get values of the wrong JSON type.
 */
import fc from 'fast-check';

/** The operation ids of the spec that the differential property covers. */
export type OperationId = 'registerAccount' | 'deleteAccount';

/** One generated call: an operation, its input as the caller would pass it, and a call option. */
export interface AccountCase {
  operation: OperationId;
  /** The input object: path values and body fields, possibly with fields missing or unknown. */
  input: Record<string, unknown>;
  /** The per-call `correlationId`, or `undefined` to let the client make one. */
  correlationId: string | undefined;
}

/** The lengths at and next to the limits of the spec (1, 10 and 64), and the empty string. */
export const BOUNDARY_LENGTHS = [0, 1, 9, 10, 11, 63, 64, 65] as const;

const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const LOWER = [...'abcdefghijklmnopqrstuvwxyz'];
const DIGITS = [...'0123456789'];
const ALPHANUMERIC = [...UPPER, ...LOWER, ...DIGITS];

/**
 * Characters that at least one pattern of the spec refuses, and that a URL, a header or a JSON
 * string treats specially: separators of a path (`/`, `?`, `#`), the colon of
 * `operations:delete`, the percent sign of an escape, dot segments, white space of every kind,
 * quotes, Latin-1 (`é`, which a header can carry), other scripts (`ж`, `Ω`, which no header
 * can carry), a fullwidth look-alike (`ａ`), a letter whose lower case is longer (`İ`), and `𝒜`,
 * one code point but two UTF-16 units: JSON Schema counts the first.
 */
export const TRICKY_CHARACTERS = [
  '/',
  ':',
  '%',
  '.',
  ' ',
  '\t',
  '\n',
  '\r',
  '?',
  '#',
  '+',
  '"',
  '\\',
  '_',
  '-',
  'é',
  'ß',
  'Ω',
  'ж',
  'ａ',
  'İ',
  '𝒜',
] as const;

// A failing case shrinks towards the first choice of a oneof, the valid one, so that the
// counterexample keeps only what it needs to fail.
const CROSS_SHRINK = { withCrossShrink: true };

/** Percent escapes written into a value: each must arrive as the three characters it is. */
const PERCENT_TRIPLETS = ['%2F', '%41', '%25', '%3A', '%20'] as const;

/** The characters of `^[A-Za-z0-9_-]{1,64}$`: accountId, consumerId, accountProductId. */
const ID_CHARACTERS = weightedCharacters(ALPHANUMERIC, ['_', '-']);
/** The characters of `^[a-zA-Z0-9 ]{1,64}$`: reason. */
const REASON_CHARACTERS = weightedCharacters(ALPHANUMERIC, [' ']);
/** The characters of `^[a-zA-Z0-9_\-\. ]{1,64}$`: x-correlation-id. */
const CORRELATION_CHARACTERS = weightedCharacters(ALPHANUMERIC, ['_', '-', '.', ' ']);
/** issuerId has no pattern: any character is valid, only the length (exactly 10) counts. */
const ISSUER_CHARACTERS = weightedCharacters(ALPHANUMERIC, TRICKY_CHARACTERS);

/** Letters and digits most of the time, the few other characters of a pattern often enough. */
function weightedCharacters(
  common: readonly string[],
  special: readonly string[],
): fc.Arbitrary<string> {
  return fc.oneof(
    CROSS_SHRINK,
    { weight: 4, arbitrary: fc.constantFrom(...common) },
    { weight: 1, arbitrary: fc.constantFrom(...special) },
  );
}

/** The tricky characters that `allowed` does not contain. */
function outsideOf(allowed: readonly string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...TRICKY_CHARACTERS.filter((c) => !allowed.includes(c)));
}

/** A string of exactly `length` characters (code points) drawn from `characters`. */
function stringOf(characters: fc.Arbitrary<string>, length: fc.Arbitrary<number>) {
  return length.chain((n) =>
    fc.array(characters, { minLength: n, maxLength: n }).map((chars) => chars.join('')),
  );
}

/** A boundary length in `[min, max]` most of the time, any length in it otherwise. */
function lengthWithin(min: number, max: number): fc.Arbitrary<number> {
  const boundaries = BOUNDARY_LENGTHS.filter((n) => n >= min && n <= max);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...boundaries) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
}

/** `value` with its code point at `index` (modulo its length) replaced by `char`. */
function replaceAt(value: string, index: number, char: string): string {
  const chars = [...value];
  chars[index % chars.length] = char;
  return chars.join('');
}

/** Valid and nearly valid values of a string constrained to a pattern of 1 to 64 characters. */
interface PatternedString {
  valid: fc.Arbitrary<string>;
  nearlyValid: fc.Arbitrary<string>;
}

/**
 * Strings for a pattern `^[set]{1,64}$`. Valid: 1 to 64 characters of the set. Nearly valid: 0
 * or 65 characters of the set, one character outside it, or characters mixed from both.
 */
function patternedString(
  setCharacters: readonly string[],
  characters: fc.Arbitrary<string>,
): PatternedString {
  const valid = stringOf(characters, lengthWithin(1, 64));
  const outside = outsideOf(setCharacters);
  const mixed = fc.oneof({ weight: 3, arbitrary: characters }, { weight: 1, arbitrary: outside });
  const nearlyValid = fc.oneof(
    stringOf(characters, fc.constantFrom(0, 65)),
    fc.tuple(valid, outside, fc.nat()).map(([value, char, index]) => replaceAt(value, index, char)),
    stringOf(mixed, lengthWithin(0, 65)),
  );
  return { valid, nearlyValid };
}

const ID_SET = [...ALPHANUMERIC, '_', '-'];
const REASON_SET = [...ALPHANUMERIC, ' '];
const CORRELATION_SET = [...ALPHANUMERIC, '_', '-', '.', ' '];

const idString = patternedString(ID_SET, ID_CHARACTERS);
const reasonString = patternedString(REASON_SET, REASON_CHARACTERS);
const correlationString = patternedString(CORRELATION_SET, CORRELATION_CHARACTERS);

/** Valid issuer ids: exactly 10 code points of anything, percent escapes included. */
const validIssuerId = fc.oneof(
  { weight: 3, arbitrary: stringOf(ISSUER_CHARACTERS, fc.constant(10)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(stringOf(ISSUER_CHARACTERS, fc.constant(10)), fc.constantFrom(...PERCENT_TRIPLETS))
      // by code points: slicing UTF-16 units could cut 𝒜 in half
      .map(([value, triplet]) => [...value].slice(0, 7).join('') + triplet),
  },
);

/**
 * Nearly valid issuer ids: any other boundary length, and `𝒜` placed so that the UTF-16 length
 * and the code point length fall on different sides of 10: 9 code points in 10 units (invalid)
 * and 10 code points in 11 units (valid, as JSON Schema counts).
 */
const nearlyValidIssuerId = fc.oneof(
  stringOf(ISSUER_CHARACTERS, fc.constantFrom(0, 1, 9, 11, 63, 64, 65)),
  fc
    .tuple(stringOf(ISSUER_CHARACTERS, fc.constantFrom(9, 10)), fc.nat())
    .map(([value, index]) => replaceAt(value, index, '𝒜')),
);

/** Wrong-case and near-miss spellings of an enum's values, none of them a value. */
function nearlyEnum(values: readonly string[], unrelated: readonly string[]): fc.Arbitrary<string> {
  const misses = values.flatMap((value) => [
    value.toLowerCase(),
    value[0] + value.slice(1).toLowerCase(),
    value[0]!.toLowerCase() + value.slice(1),
    ` ${value}`,
    `${value} `,
    `${value}\n`,
    `${value}\t`,
    value.replace('I', 'İ'),
    value.replace(/^./, (first) => String.fromCodePoint(first.codePointAt(0)! + 0xfee0)),
    value.replace('_', '-'),
    value.slice(0, -1),
    `${value}S`,
  ]);
  const spellings = [...new Set([...misses, ...unrelated, ''])].filter((s) => !values.includes(s));
  return fc.constantFrom(...spellings);
}

/** Values of the wrong JSON type for a string field. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, 12345, -1, 1.5, true, false, null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.constantFrom('ACTIVE', 'USER_DECISION', 'a'), { minLength: 1, maxLength: 2 }),
);

// Marks a field that the case leaves out; removed before the input is handed on.
const ABSENT = Symbol('absent');

/** A field: valid, nearly valid, of the wrong type, or absent, with these weights. */
function field(
  weights: { valid: number; nearlyValid: number; wrongType?: number; absent?: number },
  valid: fc.Arbitrary<unknown>,
  nearlyValid: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const choices: fc.WeightedArbitrary<unknown>[] = [
    { weight: weights.valid, arbitrary: valid },
    { weight: weights.nearlyValid, arbitrary: nearlyValid },
  ];
  if (weights.wrongType) {
    choices.push({ weight: weights.wrongType, arbitrary: wrongType });
  }
  if (weights.absent) {
    choices.push({ weight: weights.absent, arbitrary: fc.constant(ABSENT) });
  }
  return fc.oneof(CROSS_SHRINK, ...choices);
}

/** One or two fields the spec does not have, with any JSON value; absent most of the time. */
function unknownFields(names: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.constantFrom(null, true, false),
  );
  return fc.oneof(
    { weight: 11, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(fc.constantFrom(...names), value, { minKeys: 1, maxKeys: 2 }),
    },
  );
}

/** The fields of a record, without those marked absent, followed by the unknown ones. */
function withoutAbsent(
  fields: Record<string, unknown>,
  unknown: Record<string, unknown>,
): Record<string, unknown> {
  const present = Object.entries(fields).filter(([, value]) => value !== ABSENT);
  return { ...Object.fromEntries(present), ...unknown };
}

const issuerId = field({ valid: 9, nearlyValid: 1 }, validIssuerId, nearlyValidIssuerId);
const accountId = field({ valid: 9, nearlyValid: 1 }, idString.valid, idString.nearlyValid);

/**
 * Correlation ids. Besides valid and nearly valid ones: ids that the pattern accepts but that
 * start or end with a space, and ids with a tab or a newline at an end or inside. HTTP strips
 * white space at the ends of a header value, and a newline inside one cannot be sent: see the
 * property for how each is judged.
 */
const correlationId: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  // ids with a space at an end have their own choice below
  { weight: 10, arbitrary: correlationString.valid.filter((id) => id.trim() === id) },
  { weight: 1, arbitrary: correlationString.nearlyValid },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        stringOf(CORRELATION_CHARACTERS, lengthWithin(0, 63)),
        fc.constantFrom(' ', '  ', '\t', '\n', '\r\n'),
        fc.constantFrom('start', 'end', 'inside'),
      )
      .map(([value, space, where]) => {
        if (where === 'start') return space + value;
        if (where === 'end') return value + space;
        const middle = Math.floor(value.length / 2);
        return value.slice(0, middle) + space + value.slice(middle);
      }),
  },
);

const ACCOUNT_STATES = ['ACTIVE', 'INACTIVE'] as const;
const REASON_CODES = ['USER_DECISION', 'ISSUER_DECISION'] as const;

/** Cases of registerAccount: the account's path, its body fields, and a correlation id. */
export const registerCase: fc.Arbitrary<AccountCase> = fc
  .record({
    fields: fc.record({
      issuerId,
      accountId,
      consumerId: field(
        { valid: 20, nearlyValid: 2, wrongType: 1, absent: 1 },
        idString.valid,
        idString.nearlyValid,
      ),
      accountProductId: field(
        { valid: 6, nearlyValid: 1, wrongType: 1, absent: 6 },
        idString.valid,
        idString.nearlyValid,
      ),
      state: field(
        { valid: 20, nearlyValid: 2, wrongType: 1, absent: 1 },
        fc.constantFrom(...ACCOUNT_STATES),
        nearlyEnum(ACCOUNT_STATES, ['SUSPENDED', 'DELETED', 'ACTIVATED']),
      ),
    }),
    unknown: unknownFields([
      'extra',
      'consumerID',
      'ConsumerId',
      'accountproductid',
      'State',
      'state ',
      'reason',
      'id',
      '',
    ]),
    correlationId,
  })
  .map(({ fields, unknown, correlationId }): AccountCase => ({
    operation: 'registerAccount',
    input: withoutAbsent(fields, unknown),
    correlationId,
  }));

/**
 * Cases of deleteAccount: the account's path, the optional reason and reason code (both absent
 * in about one case in ten, which sends no body at all), and a correlation id.
 */
export const deleteCase: fc.Arbitrary<AccountCase> = fc
  .record({
    fields: fc.record({
      issuerId,
      accountId,
      reason: field(
        { valid: 8, nearlyValid: 2, wrongType: 1, absent: 5 },
        reasonString.valid,
        reasonString.nearlyValid,
      ),
      reasonCode: field(
        { valid: 8, nearlyValid: 2, wrongType: 1, absent: 5 },
        fc.constantFrom(...REASON_CODES),
        nearlyEnum(REASON_CODES, ['FRAUD', 'USER', 'DECISION']),
      ),
    }),
    unknown: unknownFields([
      'extra',
      'Reason',
      'reasonText',
      'reason_code',
      'reasoncode',
      'consumerId',
      'state',
      '',
    ]),
    correlationId,
  })
  .map(({ fields, unknown, correlationId }): AccountCase => ({
    operation: 'deleteAccount',
    input: withoutAbsent(fields, unknown),
    correlationId,
  }));

/** The arbitrary of an operation's cases. */
export function caseOf(operation: OperationId): fc.Arbitrary<AccountCase> {
  return operation === 'registerAccount' ? registerCase : deleteCase;
}
