/**
 * The credentials of the command line, from environment variables or from files named by
 * flags (a flag wins over its variable):
 *
 * - a bearer token: `--token-file PATH` or `D1_TOKEN`;
 * - or the token flow: `D1_ISSUER_ID`, `D1_KEY_ID`, the private key from `--private-key-file`
 *   or `D1_PRIVATE_KEY_FILE`, and the token endpoint from `D1_TOKEN_URL` or `--env`;
 * - mutual TLS, for both: `--tls-cert`/`D1_TLS_CERT_FILE`, `--tls-key`/`D1_TLS_KEY_FILE`,
 *   optionally `--tls-ca`/`D1_TLS_CA_FILE` and `D1_TLS_PASSPHRASE`.
 *
 * No token, key or passphrase is ever printed: messages name the variable or the file only.
 */
import { readFileSync } from 'node:fs';

import { type AuthOption } from '../auth/middleware.ts';
import { jwtBearerAuth } from '../auth/jwt-bearer.ts';
import { D1Error } from '../errors/D1Error.ts';
import type { TlsOptions } from '../transport/tls.ts';
import { configurationError } from './exit-status.ts';
import type { Target } from './target.ts';

/** The flags that name credential files. */
export interface CredentialFlags {
  tokenFile?: string;
  privateKeyFile?: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsCa?: string;
}

/** What the client is given, and how to describe it without revealing anything. */
export interface Credentials {
  auth: AuthOption;
  tls: TlsOptions | undefined;
  /** For the operator: `a token from D1_TOKEN`, `the token flow as FRBANK0042 (key id k1)`. */
  description: string;
  /** Releases the token provider's connections, if it has any. */
  close(): Promise<void>;
}

/** The credentials, or a configuration error (exit status 3) that says what is missing. */
export function loadCredentials(
  flags: CredentialFlags,
  target: Target,
  env: NodeJS.ProcessEnv = process.env,
): Credentials {
  const tls = loadTls(flags, env);
  const tlsNote = tls === undefined ? '' : ', with a client certificate';

  const tokenFile = flags.tokenFile ?? env.D1_TOKEN_FILE;
  const envToken = env.D1_TOKEN;
  const privateKeyFile = flags.privateKeyFile ?? env.D1_PRIVATE_KEY_FILE;
  const hasToken = tokenFile !== undefined || (envToken !== undefined && envToken !== '');

  if (hasToken && privateKeyFile !== undefined) {
    throw configurationError(
      'give either a token (--token-file, D1_TOKEN) or the token flow ' +
        '(--private-key-file, D1_PRIVATE_KEY_FILE), not both',
    );
  }

  if (hasToken) {
    const token =
      tokenFile === undefined ? (envToken as string).trim() : readSecret(tokenFile, 'token file');
    if (token === '') {
      throw configurationError(
        tokenFile === undefined ? 'D1_TOKEN is empty' : `the token file ${tokenFile} is empty`,
      );
    }
    const from = tokenFile === undefined ? 'D1_TOKEN' : tokenFile;
    return { auth: token, tls, description: `a token from ${from}${tlsNote}`, close: noop };
  }

  if (privateKeyFile !== undefined) {
    const issuerId = env.D1_ISSUER_ID;
    const keyId = env.D1_KEY_ID;
    if (!issuerId || !keyId) {
      throw configurationError(
        'the token flow needs D1_ISSUER_ID and D1_KEY_ID as well as the private key file',
      );
    }
    const tokenUrl = env.D1_TOKEN_URL || undefined;
    if (tokenUrl === undefined && target.environment === undefined) {
      throw configurationError(
        'the token flow needs D1_TOKEN_URL with --base-url (with --env the token endpoint ' +
          "comes from the spec's servers)",
      );
    }
    const privateKey = readSecret(privateKeyFile, 'private key file');
    try {
      const provider = jwtBearerAuth({
        issuerId,
        keyId,
        privateKey,
        ...(tokenUrl === undefined ? { environment: target.environment } : { tokenUrl }),
        tls,
      });
      return {
        auth: provider,
        tls,
        description: `the token flow as ${issuerId} (key id ${keyId})${tlsNote}`,
        close: () => provider.close(),
      };
    } catch (error) {
      // the provider's messages never hold the key; anything else is not shown
      throw configurationError(
        error instanceof D1Error ? error.message : 'the token flow could not be set up',
      );
    }
  }

  throw configurationError(
    'no credentials: set D1_TOKEN (or --token-file), or D1_ISSUER_ID, D1_KEY_ID and ' +
      'D1_PRIVATE_KEY_FILE (or --private-key-file) for the token flow',
  );
}

function loadTls(flags: CredentialFlags, env: NodeJS.ProcessEnv): TlsOptions | undefined {
  const cert = flags.tlsCert ?? (env.D1_TLS_CERT_FILE || undefined);
  const key = flags.tlsKey ?? (env.D1_TLS_KEY_FILE || undefined);
  const ca = flags.tlsCa ?? (env.D1_TLS_CA_FILE || undefined);
  if (cert === undefined && key === undefined) {
    if (ca !== undefined) {
      throw configurationError('--tls-ca needs --tls-cert and --tls-key (mutual TLS)');
    }
    return undefined;
  }
  if (cert === undefined || key === undefined) {
    throw configurationError(
      'mutual TLS needs both the client certificate (--tls-cert, D1_TLS_CERT_FILE) and its key ' +
        '(--tls-key, D1_TLS_KEY_FILE)',
    );
  }
  const passphrase = env.D1_TLS_PASSPHRASE || undefined;
  return {
    cert: readSecret(cert, 'client certificate file'),
    key: readSecret(key, 'client key file'),
    ...(ca === undefined ? {} : { ca: readSecret(ca, 'CA file') }),
    ...(passphrase === undefined ? {} : { passphrase }),
  };
}

/** A file's text; a failure names the file and the system's reason, never any content. */
function readSecret(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw configurationError(`cannot read the ${what} ${path} (${code})`);
  }
}

async function noop(): Promise<void> {}
