/**
 * Reads what a client needs at run time out of an OpenAPI document: the servers by environment
 * and, for each operation, one JSON Schema of everything a caller sends (path parameters, header
 * parameters, body). Used by the generator; nothing here knows the operations by name.
 */

type Json = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A copy of `document` in which every local `$ref` is replaced by what it points to. */
export function resolveRefs(document: Json): Json {
  const seen: string[] = [];

  const lookup = (ref: string): unknown => {
    if (!ref.startsWith('#/')) {
      throw new Error(`only local references are supported, not ${ref}`);
    }
    let node: unknown = document;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
      node = (node as Json | undefined)?.[key];
    }
    if (node === undefined) {
      throw new Error(`unresolved reference ${ref}`);
    }
    return node;
  };

  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(walk);
    }
    if (node === null || typeof node !== 'object') {
      return node;
    }
    const { $ref, ...rest } = node as Json;
    if (typeof $ref === 'string') {
      if (seen.includes($ref)) {
        throw new Error(`recursive reference ${$ref} is not supported`);
      }
      seen.push($ref);
      const target = walk(lookup($ref)) as Json;
      seen.pop();
      // OpenAPI 3.1 lets `description` and `summary` sit beside a `$ref`: they win.
      return { ...target, ...(walk(rest) as Json) };
    }
    return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, walk(value)]));
  };

  return walk(document) as Json;
}

/**
 * The base URL of each server, keyed by its `x-d1-environment` name. A server without that
 * extension is an error, so that adding one to the spec cannot silently drop it from the client.
 */
export function serversByEnvironment(document: Json): Record<string, string> {
  const servers = (document.servers ?? []) as Json[];
  const result: Record<string, string> = {};
  for (const server of servers) {
    const environment = server['x-d1-environment'];
    if (typeof environment !== 'string') {
      throw new Error(`server ${String(server.url)} has no x-d1-environment name`);
    }
    result[environment] = String(server.url);
  }
  return result;
}

/** Each operation id with its HTTP method (upper case) and path template. */
export function operationRoutes(document: Json): Record<string, { method: string; path: string }> {
  const result: Record<string, { method: string; path: string }> = {};
  for (const [path, pathItem] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Json | undefined;
      if (typeof operation?.operationId === 'string') {
        result[operation.operationId] = { method: method.toUpperCase(), path };
      }
    }
  }
  return result;
}

/** The schema of each reusable parameter in `components.parameters`, by its component name. */
export function parameterSchemas(document: Json): Record<string, Json> {
  const components = (document.components ?? {}) as Json;
  const parameters = (components.parameters ?? {}) as Record<string, Json>;
  return Object.fromEntries(
    Object.entries(parameters).map(([name, parameter]) => [name, parameter.schema as Json]),
  );
}

/**
 * For each operation id, one schema of the caller's input, shaped
 * `{ path: { ...path parameters }, header: { ...header parameters }, body }`.
 * Schemas are taken from a document whose references are already resolved.
 */
export function buildOperationInputSchemas(document: Json): Record<string, Json> {
  const result: Record<string, Json> = {};
  const paths = (document.paths ?? {}) as Record<string, Json>;

  for (const pathItem of Object.values(paths)) {
    const shared = (pathItem.parameters ?? []) as Json[];
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Json | undefined;
      if (!operation) {
        continue;
      }
      const operationId = operation.operationId;
      if (typeof operationId !== 'string') {
        throw new Error(`${method.toUpperCase()} operation without an operationId`);
      }
      const parameters = mergeParameters(shared, (operation.parameters ?? []) as Json[]);
      result[operationId] = inputSchema(parameters, operation.requestBody as Json | undefined);
    }
  }
  return result;
}

/** Operation-level parameters replace path-level ones of the same name and location. */
function mergeParameters(shared: Json[], own: Json[]): Json[] {
  const key = (parameter: Json) => `${String(parameter.in)}:${String(parameter.name)}`;
  const merged = new Map(shared.map((parameter) => [key(parameter), parameter]));
  for (const parameter of own) {
    merged.set(key(parameter), parameter);
  }
  return [...merged.values()];
}

function inputSchema(parameters: Json[], requestBody: Json | undefined): Json {
  const properties: Json = {};
  const required: string[] = [];

  for (const location of ['path', 'header', 'query']) {
    const inLocation = parameters.filter((parameter) => parameter.in === location);
    if (inLocation.length === 0) {
      continue;
    }
    properties[location] = {
      type: 'object',
      properties: Object.fromEntries(inLocation.map((p) => [String(p.name), p.schema])),
      required: inLocation.filter((p) => p.required === true).map((p) => String(p.name)),
      // Other headers (tracing, say) may travel beside the documented ones.
      ...(location === 'header' ? {} : { additionalProperties: false }),
    };
    if (location === 'path') {
      required.push('path');
    }
  }

  if (requestBody) {
    const content = (requestBody.content ?? {}) as Record<string, Json>;
    const json = content['application/json'];
    if (!json?.schema) {
      throw new Error('a request body without an application/json schema is not supported');
    }
    properties.body = json.schema;
    if (requestBody.required === true) {
      required.push('body');
    }
  }

  return { type: 'object', properties, required };
}
