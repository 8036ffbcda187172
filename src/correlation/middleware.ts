import type { Middleware } from 'openapi-fetch';

import { parameterValidators } from '../../generated/d1-accounts.validators.ts';
import { D1ValidationError, type Violation } from '../errors/D1ValidationError.ts';
import { operationIdOf } from '../internal/operations.ts';
import { findViolations } from '../internal/validation.ts';
import { CALL_CONTEXT, type CallContext } from '../transport/transport.ts';

/** The header that carries the correlation id. */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * A fresh correlation id: a random UUID, which the spec's pattern accepts. It comes from a
 * cryptographically random source and never from request data, because the provider logs it in
 * clear and it must not reveal anything about the end user.
 */
export function newCorrelationId(): string {
  return crypto.randomUUID();
}

/**
 * What is wrong with a caller's correlation id: the spec's rules, and one of HTTP's own. A
 * header value loses its leading and trailing spaces on the way, so an id that has them would
 * reach the provider changed; it is refused instead.
 */
export function correlationIdViolations(value: unknown): Violation[] {
  const violations = findViolations(parameterValidators.correlationId, value).map((violation) => ({
    ...violation,
    field: 'correlationId',
  }));
  if (violations.length === 0 && typeof value === 'string' && value.trim() !== value) {
    violations.push({
      field: 'correlationId',
      rule: 'pattern',
      limit: 'no leading or trailing space',
      value,
      message: 'must not start or end with a space (HTTP would strip it)',
    });
  }
  return violations;
}

/**
 * openapi-fetch middleware for the `x-correlation-id` header. A request that already has one
 * keeps it, once it is checked against the spec's pattern (a bad one throws a
 * {@link D1ValidationError} and nothing is sent); a request without one gets a fresh random id.
 * The client's own calls carry the id it has checked before the call, which is not checked again.
 */
export function correlationMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const given = request.headers.get(CORRELATION_HEADER);
      if (given === null) {
        request.headers.set(CORRELATION_HEADER, newCorrelationId());
        return undefined;
      }
      // a call of the client's own carries the id it has already checked, or made
      const context = (request as { [CALL_CONTEXT]?: CallContext })[CALL_CONTEXT];
      if (context?.correlationId === given) {
        return undefined;
      }
      const violations = correlationIdViolations(given);
      if (violations.length > 0) {
        throw new D1ValidationError(operationIdOf(request.method, schemaPath), violations);
      }
      return undefined;
    },
  };
}
