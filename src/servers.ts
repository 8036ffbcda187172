import { servers as specServers } from '../generated/d1-accounts.runtime.ts';

/**
 * The base URLs of the banking API by environment, read from the spec's `servers` when the
 * package was built. Production needs mutual TLS; staging is for integration.
 */
export const servers: typeof specServers = specServers;
