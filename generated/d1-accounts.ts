// Generated from openapi/d1-accounts.yaml by scripts/generate.ts.
// Do not edit: change the spec and run `npm run generate`.
export interface paths {
  '/issuers/{issuerId}/accounts/{accountId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id of the issuer. Exactly 10 characters; the provider documents no pattern for it.
         * @example FRBANK0042
         */
        issuerId: components['parameters']['issuerId'];
        /**
         * @description Unique identifier of the account. The provider's page gives the pattern unanchored; it is
         *     anchored here because it is meant for the whole value.
         * @example acct-7f3d2c9e
         */
        accountId: components['parameters']['accountId'];
      };
      cookie?: never;
    };
    get?: never;
    /**
     * Register account
     * @deprecated
     * @description Used by the issuer backend to register an account for an end user (consumer).
     *
     *     Please check with the Thales integration team before using this operation.
     */
    put: operations['registerAccount'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/issuers/{issuerId}/accounts/{accountId}/operations:delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The id of the issuer. Exactly 10 characters; the provider documents no pattern for it.
         * @example FRBANK0042
         */
        issuerId: components['parameters']['issuerId'];
        /**
         * @description Unique identifier of the account. The provider's page gives the pattern unanchored; it is
         *     anchored here because it is meant for the whole value.
         * @example acct-7f3d2c9e
         */
        accountId: components['parameters']['accountId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete account
     * @deprecated
     * @description Used by the core banking system to delete an account. The body is optional, and so is
     *     each of its fields; without a reason code the provider records `ISSUER_DECISION`.
     *
     *     The colon in `operations:delete` is part of the path and must be sent as it is, not
     *     percent-encoded.
     *
     *     Please check with the Thales integration team before using this operation.
     */
    post: operations['deleteAccount'];
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
    /** @description The account to register. */
    Account: {
      /**
       * @description Unique identifier of the end user. Anchored form of the provider's pattern.
       * @example consumer-48213
       */
      consumerId: string;
      /**
       * @description RFU (reserved for future use): unique identifier of the type of account. Anchored form
       *     of the provider's pattern.
       * @example CURRENT_EUR
       */
      accountProductId?: string;
      state: components['schemas']['AccountState'];
    };
    /**
     * @description The state of the account. The provider's account page lists no values; these follow the
     *     D1 version 1 card model (and the version 2 card model), whose state is `ACTIVE` or
     *     `INACTIVE`.
     * @enum {string}
     */
    AccountState: 'ACTIVE' | 'INACTIVE';
    /** @description Why the account is deleted. Every field is optional. */
    DeleteReason: {
      /**
       * @description The reason why the action is performed: free text for details, returned in the
       *     operations list.
       * @example customer was contacted on June 28
       */
      reason?: string;
      reasonCode?: components['schemas']['ReasonCode'];
    };
    /**
     * @description The reason code why the action is performed. If not provided, the provider records
     *     `ISSUER_DECISION`. The account page lists no values; these are the ones of the D1
     *     version 1 consumer operations, which have the same default and wording.
     * @default ISSUER_DECISION
     * @enum {string}
     */
    ReasonCode: 'USER_DECISION' | 'ISSUER_DECISION';
    /** @description The generic error body of every error response. */
    Error: {
      /**
       * @description Troubleshooting text. It may change at any time: do not parse it, and do not show it
       *     to end users.
       * @example Account not found
       */
      error: string;
    };
  };
  responses: {
    /** @description Bad Request: invalid request URI or header, or an unsupported non-standard parameter. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "error": "Invalid request"
         *     }
         */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The provided Authorization header is missing or invalid. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "error": "Invalid or missing authorization token"
         *     }
         */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Forbidden action; check the state of the linked end user (consumer). */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "error": "Forbidden action for this consumer"
         *     }
         */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Account not found. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "error": "Account not found"
         *     }
         */
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Internal Server Error. */
    InternalServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "error": "Internal server error"
         *     }
         */
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /**
     * @description The id of the issuer. Exactly 10 characters; the provider documents no pattern for it.
     * @example FRBANK0042
     */
    issuerId: string;
    /**
     * @description Unique identifier of the account. The provider's page gives the pattern unanchored; it is
     *     anchored here because it is meant for the whole value.
     * @example acct-7f3d2c9e
     */
    accountId: string;
    /**
     * @description Random identifier which can be used to correlate the different API calls done as part of
     *     a single use-case. This identifier will be the one primarily used for troubleshooting.
     *
     *     Warning: it must not be derived from sensitive personal data, as its value is logged in
     *     clear. Its uniqueness is not guaranteed, so use it only for logging and troubleshooting.
     *     The provider's page gives the pattern unanchored; it is anchored here. A space is allowed.
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
  registerAccount: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Random identifier which can be used to correlate the different API calls done as part of
         *     a single use-case. This identifier will be the one primarily used for troubleshooting.
         *
         *     Warning: it must not be derived from sensitive personal data, as its value is logged in
         *     clear. Its uniqueness is not guaranteed, so use it only for logging and troubleshooting.
         *     The provider's page gives the pattern unanchored; it is anchored here. A space is allowed.
         * @example 5b1e0c2a-93f4-4d8e-b7a1-2f6c9d0e4a13
         */
        'x-correlation-id'?: components['parameters']['correlationId'];
      };
      path: {
        /**
         * @description The id of the issuer. Exactly 10 characters; the provider documents no pattern for it.
         * @example FRBANK0042
         */
        issuerId: components['parameters']['issuerId'];
        /**
         * @description Unique identifier of the account. The provider's page gives the pattern unanchored; it is
         *     anchored here because it is meant for the whole value.
         * @example acct-7f3d2c9e
         */
        accountId: components['parameters']['accountId'];
      };
      cookie?: never;
    };
    /** @description The account to register. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Account'];
      };
    };
    responses: {
      /** @description Successful account registration (no content). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalServerError'];
    };
  };
  deleteAccount: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Random identifier which can be used to correlate the different API calls done as part of
         *     a single use-case. This identifier will be the one primarily used for troubleshooting.
         *
         *     Warning: it must not be derived from sensitive personal data, as its value is logged in
         *     clear. Its uniqueness is not guaranteed, so use it only for logging and troubleshooting.
         *     The provider's page gives the pattern unanchored; it is anchored here. A space is allowed.
         * @example 5b1e0c2a-93f4-4d8e-b7a1-2f6c9d0e4a13
         */
        'x-correlation-id'?: components['parameters']['correlationId'];
      };
      path: {
        /**
         * @description The id of the issuer. Exactly 10 characters; the provider documents no pattern for it.
         * @example FRBANK0042
         */
        issuerId: components['parameters']['issuerId'];
        /**
         * @description Unique identifier of the account. The provider's page gives the pattern unanchored; it is
         *     anchored here because it is meant for the whole value.
         * @example acct-7f3d2c9e
         */
        accountId: components['parameters']['accountId'];
      };
      cookie?: never;
    };
    /** @description Why the account is deleted. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['DeleteReason'];
      };
    };
    responses: {
      /** @description The account was deleted (no content). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      500: components['responses']['InternalServerError'];
    };
  };
}
