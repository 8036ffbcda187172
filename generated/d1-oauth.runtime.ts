// Generated from openapi/d1-oauth.yaml by scripts/generate.ts.
// Do not edit: change the spec and run `npm run generate`.
/** Base URLs of the API by environment, from the `servers` of the spec. */
export const servers = {
  production: 'https://api.d1.thalescloud.io/authz/v1',
  staging: 'https://api.d1-stg.thalescloud.io/authz/v1',
} as const;

/** HTTP method and path template of each operation, by operation id. */
export const operations = { getAccessToken: { method: 'POST', path: '/oauth2/token' } } as const;
