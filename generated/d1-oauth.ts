// Generated from openapi/d1-oauth.yaml by scripts/generate.ts.
// Do not edit: change the spec and run `npm run generate`.
export interface paths {
  '/oauth2/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Get OAuth 2.0 access token
     * @description Exchanges a signed JWT (the assertion) for an access token, by the JWT bearer grant
     *     (RFC 7523).
     *
     *     The assertion is signed with ES256 only. Its header carries `alg: ES256` and `kid`, the
     *     id of the public key provisioned with the provider. Its claims: `iss` and `sub` are both
     *     the issuer id (or aggregator id), `exp` is at most 15 minutes from now (epoch seconds),
     *     and `aud` is optional.
     */
    post: operations['getAccessToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description A JWT bearer grant request (RFC 7523, section 2.1). */
    TokenRequest: {
      /**
       * @description The JWT bearer grant type.
       * @enum {string}
       */
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer';
      /**
       * @description The signed JWT, in compact form. The pattern (three base64url parts) is the JWS
       *     compact serialisation; the provider's page gives none.
       */
      assertion: string;
    };
    /** @description The access token and how long it is valid. */
    TokenResponse: {
      /** @description The bearer token for the banking API. */
      access_token: string;
      /**
       * @description Seconds until the token expires. The provider documents a 15-minute validity; a
       *     client that gets no value assumes 15 minutes.
       */
      expires_in?: number;
      /** @description The scope granted. */
      scope?: string;
      /** @description The kind of token, `Bearer`. */
      token_type?: string;
    };
    /**
     * @description The error body of the token endpoint. The provider documents the 400 status only; this
     *     body follows OAuth 2.0 (RFC 6749, section 5.2).
     */
    TokenError: {
      /** @description The OAuth error code, such as `invalid_grant`. For troubleshooting only. */
      error: string;
      /** @description A human-readable explanation, when the server gives one. */
      error_description?: string;
    };
  };
  responses: never;
  parameters: {
    /**
     * @description Random identifier to correlate the calls of one use-case, for troubleshooting. It is
     *     logged in clear: never derive it from personal data. The token endpoint's pattern is
     *     stricter than the banking API's: no dot and no space.
     * @example 5b1e0c2a-93f4-4d8e-b7a1-2f6c9d0e4a13
     */
    correlationId: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getAccessToken: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Random identifier to correlate the calls of one use-case, for troubleshooting. It is
         *     logged in clear: never derive it from personal data. The token endpoint's pattern is
         *     stricter than the banking API's: no dot and no space.
         * @example 5b1e0c2a-93f4-4d8e-b7a1-2f6c9d0e4a13
         */
        'x-correlation-id'?: components['parameters']['correlationId'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description The grant type and the signed assertion. JSON is accepted as well. */
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['TokenRequest'];
        'application/json': components['schemas']['TokenRequest'];
      };
    };
    responses: {
      /** @description The access token. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "access_token": "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJGUkJBTkswMDQyIn0.c2lnbmF0dXJl",
           *       "expires_in": 900,
           *       "scope": "banking",
           *       "token_type": "Bearer"
           *     }
           */
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description The request or the assertion was refused. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "error": "invalid_grant"
           *     }
           */
          'application/json': components['schemas']['TokenError'];
        };
      };
    };
  };
}
