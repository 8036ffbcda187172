import type { JsonWebKey, KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

import { D1ConfigurationError } from '../errors/D1ConfigurationError.ts';

/** A private key as the token provider takes it: PKCS#8 PEM text, a JWK, or a `KeyObject`. */
export type PrivateKeyInput = string | JsonWebKey | KeyObject;

const NEEDED =
  'an EC private key on the P-256 curve (ES256), as PKCS#8 PEM text, a JWK or a KeyObject';

/**
 * The key as a `KeyObject`, once it is known to be a P-256 EC private key: the only kind the
 * provider accepts for ES256 assertions. Anything else is refused with a message that says
 * what is needed. No message quotes the key, and the parser's own error (which might) is not
 * kept as the cause.
 */
export function loadSigningKey(input: PrivateKeyInput): KeyObject {
  // node:crypto is loaded here, when a provider is made, not with the package
  const { createPrivateKey, KeyObject } = createRequire(import.meta.url)(
    'node:crypto',
  ) as typeof import('node:crypto');
  let key: KeyObject;
  if (input instanceof KeyObject) {
    key = input;
  } else if (typeof input === 'string') {
    if (!input.includes('-----BEGIN')) {
      throw new D1ConfigurationError(`privateKey: not PEM text; expected ${NEEDED}`);
    }
    try {
      key = createPrivateKey({ key: input, format: 'pem' });
    } catch {
      throw new D1ConfigurationError(
        `privateKey: the PEM text is not a readable private key (is it encrypted, or a public ` +
          `key or certificate?); expected ${NEEDED}`,
      );
    }
  } else if (input !== null && typeof input === 'object') {
    if (typeof input.d !== 'string') {
      throw new D1ConfigurationError(
        `privateKey: the JWK has no private part (d); expected ${NEEDED}`,
      );
    }
    try {
      key = createPrivateKey({ key: input, format: 'jwk' });
    } catch {
      throw new D1ConfigurationError(
        `privateKey: the JWK is not a readable key; expected ${NEEDED}`,
      );
    }
  } else {
    throw new D1ConfigurationError(`privateKey: missing; expected ${NEEDED}`);
  }

  if (key.type !== 'private') {
    throw new D1ConfigurationError(`privateKey: this is a ${key.type} key; expected ${NEEDED}`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || curve !== 'prime256v1') {
    const kind =
      key.asymmetricKeyType === 'ec' ? `an EC key on ${curve}` : `a ${key.asymmetricKeyType} key`;
    throw new D1ConfigurationError(`privateKey: this is ${kind}; expected ${NEEDED}`);
  }
  return key;
}
