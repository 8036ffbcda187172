import { D1Error } from './D1Error.ts';

/**
 * The client or a provider was created with options that cannot work (no `baseUrl`, no `auth`,
 * a header the client owns). Thrown when it is created, before any call.
 */
export class D1ConfigurationError extends D1Error {
  override name = 'D1ConfigurationError';
}
