import { operations } from '../../generated/d1-accounts.runtime.ts';

/** An operation id of the accounts spec. */
export type OperationId = keyof typeof operations;

const byRoute = new Map<string, OperationId>(
  Object.entries(operations).map(([id, route]) => [
    `${route.method} ${route.path}`,
    id as OperationId,
  ]),
);

/**
 * The operation id of a request seen by middleware, from its method and the spec's path
 * template, or the route itself (`GET /x`) for a path the spec does not have.
 */
export function operationIdOf(method: string, schemaPath: string): string {
  return byRoute.get(`${method} ${schemaPath}`) ?? `${method} ${schemaPath}`;
}
