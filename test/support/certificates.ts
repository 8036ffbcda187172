/**
 * A certificate authority, a server certificate for `localhost` and a client certificate, made
 * with `openssl` in a temporary folder when a test starts: nothing secret is committed, and
 * every run has keys of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate signed by another authority, which the server must refuse. */
  strangerCert: string;
  strangerKey: string;
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'd1-accounts-tls-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  try {
    // a new P-256 key written to NAME.key, in the arguments of `openssl req`
    const newKey = (name: string) =>
      `-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ${name}.key`.split(' ');
    const authority = (name: string) =>
      openssl(
        'req',
        '-x509',
        ...newKey(name),
        ...`-out ${name}.pem -days 1 -subj /CN=${name}`.split(' '),
      );
    const signed = (name: string, ca: string, subject: string, extensions: string) => {
      writeFileSync(join(dir, `${name}.ext`), extensions);
      openssl('req', ...newKey(name), '-out', `${name}.csr`, '-subj', subject);
      openssl(
        ...`x509 -req -in ${name}.csr -CA ${ca}.pem -CAkey ${ca}.key -CAcreateserial`.split(' '),
        ...`-out ${name}.pem -days 1 -extfile ${name}.ext`.split(' '),
      );
    };

    authority('test-ca');
    authority('stranger-ca');
    signed(
      'server',
      'test-ca',
      '/CN=localhost',
      'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
    );
    signed('client', 'test-ca', '/CN=FRBANK0042', 'extendedKeyUsage=clientAuth\n');
    signed('stranger', 'stranger-ca', '/CN=stranger', 'extendedKeyUsage=clientAuth\n');

    return {
      ca: read('test-ca.pem'),
      serverCert: read('server.pem'),
      serverKey: read('server.key'),
      clientCert: read('client.pem'),
      clientKey: read('client.key'),
      strangerCert: read('stranger.pem'),
      strangerKey: read('stranger.key'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
