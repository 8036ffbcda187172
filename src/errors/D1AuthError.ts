import { D1Error } from './D1Error.ts';

/**
 * No usable bearer token could be had for a call: the `auth` option gave none, an empty one, or
 * failed. Nothing was sent to the API. The token itself never appears in the message.
 */
export class D1AuthError extends D1Error {
  override name = 'D1AuthError';
}
