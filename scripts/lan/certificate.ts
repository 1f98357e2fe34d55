import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';

/**
 * HTTPS for the app on the restaurant's Wi-Fi. Service workers and `crypto.randomUUID` need a
 * secure context, which a LAN address only gets over HTTPS. A local certificate authority is made
 * once per machine and kept under `<local dir>/lan/`, so a tablet that trusted it (README, "On
 * phones and tablets") keeps trusting every server certificate signed by it, whatever the laptop's
 * address becomes; the server certificate names this start's addresses and is reused while they
 * stay the same, so a browser that only accepted the warning is not asked again at each start.
 */
export interface LanCertificate {
  /** The server's certificate (PEM) followed by the CA's, and its private key. */
  cert: string;
  key: string;
  /** The CA certificate a device installs to trust the server (PEM). */
  caCert: string;
  caPath: string;
}

const day = 24 * 60 * 60 * 1000;
/** Browsers refuse server certificates valid for more than 398 days. */
const serverValidityDays = 397;
/** Renewed this long before it expires, so no tablet meets an expired certificate mid-service. */
const renewBeforeDays = 30;

export async function lanCertificate(localDir: string, hosts: readonly string[]): Promise<LanCertificate> {
  const dir = path.join(localDir, 'lan');
  await mkdir(dir, { recursive: true });
  const ca = await localAuthority(dir);
  const names = [...new Set(['localhost', '127.0.0.1', ...hosts])];
  const serverPath = path.join(dir, 'server.json');
  const cached = await readJson<{ names: string[]; cert: string; key: string }>(serverPath);
  if (
    cached &&
    sameNames(cached.names, names) &&
    validFor(cached.cert, renewBeforeDays) &&
    signedBy(cached.cert, ca.cert)
  ) {
    return { cert: chain(cached.cert, ca.cert), key: cached.key, caCert: ca.cert, caPath: ca.path };
  }
  const now = new Date();
  const server = await generate([{ name: 'commonName', value: names.at(-1) ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - day),
    notAfterDate: new Date(now.getTime() + serverValidityDays * day),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })),
      },
    ],
  });
  await writeFile(serverPath, JSON.stringify({ names, cert: server.cert, key: server.private }), { mode: 0o600 });
  return { cert: chain(server.cert, ca.cert), key: server.private, caCert: ca.cert, caPath: ca.path };
}

async function localAuthority(dir: string): Promise<{ cert: string; key: string; path: string }> {
  const certPath = path.join(dir, 'comanda-local-ca.crt');
  const keyPath = path.join(dir, 'comanda-local-ca.key');
  const [cert, key] = await Promise.all([readText(certPath), readText(keyPath)]);
  if (cert && key && validFor(cert, renewBeforeDays)) return { cert, key, path: certPath };
  const now = new Date();
  const ca = await generate(
    [
      { name: 'commonName', value: 'Comanda local CA' },
      { name: 'organizationName', value: 'Comanda (this computer only)' },
    ],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - day),
      notAfterDate: new Date(now.getTime() + 10 * 365 * day),
      extensions: [
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    },
  );
  // The key signs certificates every device that trusted the CA believes: only its owner reads it.
  await writeFile(keyPath, ca.private, { mode: 0o600 });
  await writeFile(certPath, ca.cert);
  return { cert: ca.cert, key: ca.private, path: certPath };
}

function validFor(pem: string, days: number): boolean {
  try {
    return new Date(new X509Certificate(pem).validTo).getTime() > Date.now() + days * day;
  } catch {
    return false;
  }
}

function signedBy(pem: string, caPem: string): boolean {
  try {
    return new X509Certificate(pem).checkIssued(new X509Certificate(caPem));
  } catch {
    return false;
  }
}

/** The server's certificate then its issuer's, so a client that has the CA can build the chain. */
const chain = (...pems: string[]) => pems.map((pem) => `${pem.trim()}\n`).join('');

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

async function readText(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null);
}

async function readJson<T>(file: string): Promise<T | null> {
  const text = await readText(file);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
