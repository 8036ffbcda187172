/**
 * The client's own path serializer gives what openapi-fetch's default gives, for every value:
 * it only does the same work in one pass.
 */
import fc from 'fast-check';
import { defaultPathSerializer } from 'openapi-fetch';
import { expect, test } from 'vitest';

import { serializePath } from '../src/transport/url.ts';

const TEMPLATES = [
  '/issuers/{issuerId}/accounts/{accountId}',
  '/issuers/{issuerId}/accounts/{accountId}/operations:delete',
  '/things/{.label}/{;matrix}/{list*}',
];

test('matches openapi-fetch for strings, numbers, missing values and other styles', () => {
  const value = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('/', ':', '%', '{', '}', ' ', 'a', 'é', '𝒜') }),
    fc.integer(),
    fc.constant(undefined),
    fc.array(fc.string(), { maxLength: 3 }),
  );
  const params = fc.record(
    { issuerId: value, accountId: value, label: value, matrix: value, list: value },
    { requiredKeys: [] },
  );

  fc.assert(
    fc.property(fc.constantFrom(...TEMPLATES), params, (template, values) => {
      let expected: string | Error;
      try {
        expected = defaultPathSerializer(template, values);
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) {
        expect(() => serializePath(template, values)).toThrow(expected.constructor as never);
      } else {
        expect(serializePath(template, values)).toBe(expected);
      }
    }),
    { numRuns: 5_000 },
  );
});
