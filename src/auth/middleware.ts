import type { Middleware } from 'openapi-fetch';

import { D1AuthError } from '../errors/D1AuthError.ts';
import { D1ConfigurationError } from '../errors/D1ConfigurationError.ts';
import { D1Error } from '../errors/D1Error.ts';
import { operationIdOf } from '../internal/operations.ts';
import { CALL_CONTEXT, type CallContext } from '../transport/transport.ts';
import { CORRELATION_HEADER } from '../correlation/middleware.ts';

/** An object that hands out bearer tokens, such as a caching OAuth provider. */
export interface TokenProvider {
  /** Resolves with a token that is valid now. Called once per request. */
  getToken(): Promise<string>;
  /**
   * Forgets `token`, which the API has just refused with 401. When a provider has this method,
   * the client calls it and retries the call once with a new token.
   */
  invalidate?(token: string): void;
}

/**
 * Where the bearer token of each request comes from: a token, a function returning one (sync or
 * async, called once per request), or a {@link TokenProvider}.
 */
export type AuthOption = string | (() => string | Promise<string>) | TokenProvider;

// A token is sent as it is in a header: anything outside visible ASCII would be refused by
// fetch with an error that may quote the header, token included.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * openapi-fetch middleware that sets `Authorization: Bearer <token>` on every request.
 *
 * An `auth` of the wrong kind, or an empty static token, throws a {@link D1ConfigurationError}
 * at once. A token that turns out empty or unusable at request time throws a
 * {@link D1AuthError} and nothing is sent. The token is never part of an error message.
 */
export function authMiddleware(auth: AuthOption): Middleware {
  const getToken = tokenGetter(auth);
  return {
    async onRequest({ request, schemaPath }) {
      // what an error says of the call, worked out only when there is one
      const refuse = (reason: string, cause?: unknown) => {
        const operation = operationIdOf(request.method, schemaPath);
        return new D1AuthError(`${operation}: ${reason}; nothing was sent`, {
          operation,
          correlationId: request.headers.get(CORRELATION_HEADER) ?? undefined,
          cause,
        });
      };
      let token: unknown;
      try {
        token = await getToken();
      } catch (error) {
        if (error instanceof D1Error) {
          throw error;
        }
        throw refuse('the auth option failed to give a token', error);
      }
      if (typeof token !== 'string' || token === '') {
        throw refuse(`the auth option gave no token (${describe(token)})`);
      }
      if (!HEADER_SAFE.test(token)) {
        throw refuse('the token holds spaces or characters a header cannot carry');
      }
      request.headers.set('Authorization', `Bearer ${token}`);
      // kept for the client, which hands it back to the provider if the API refuses it
      const context = (request as { [CALL_CONTEXT]?: CallContext })[CALL_CONTEXT];
      if (context !== undefined) {
        context.bearerToken = token;
      }
      return undefined;
    },
  };
}

function tokenGetter(auth: AuthOption): () => unknown {
  if (typeof auth === 'string') {
    if (auth === '') {
      throw new D1ConfigurationError('auth: the token is an empty string');
    }
    return () => auth;
  }
  if (typeof auth === 'function') {
    return auth;
  }
  if (auth !== null && typeof auth === 'object' && typeof auth.getToken === 'function') {
    return () => auth.getToken();
  }
  throw new D1ConfigurationError(
    `auth: expected a token, a function returning one, or an object with getToken(), ` +
      `got ${describe(auth)}`,
  );
}

/** The kind of a value, for messages: never the value itself, which may be a secret. */
function describe(value: unknown): string {
  if (value === '') {
    return 'an empty string';
  }
  return value === null ? 'null' : typeof value;
}
