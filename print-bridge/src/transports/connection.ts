/**
 * A printer's `connection` (printers.connection, jsonb) parsed strictly: owners and managers type it
 * in the admin, and the bridge opens sockets and files from it, so anything that is not exactly one
 * of the three shapes is refused with a reason the log and the job's last_error can show.
 */
export type Connection =
  | { type: 'tcp'; host: string; port: number }
  | { type: 'device'; path: string }
  | { type: 'file'; path: string };

export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

// A DNS name (labels of letters, digits and inner hyphens) or an IPv4/IPv6 literal: no spaces, no
// shell or URL characters can get through.
const HOSTNAME =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
// The virtual printer's folder: one plain name inside the prints folder.
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// Character devices a receipt printer shows up as (USB printer class, serial, USB serial, parallel).
const DEVICE = /^\/dev\/(usb\/lp\d{1,3}|lp\d{1,3}|tty(S|USB|ACM)\d{1,3})$/;

const describe = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);

export function parseConnection(value: unknown): Connection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConnectionError(`connection must be an object, got ${describe(value)}`);
  }
  const c = value as Record<string, unknown>;
  const allowed = (keys: string[]) => {
    const extra = Object.keys(c).filter((k) => !keys.includes(k));
    if (extra.length) throw new ConnectionError(`unknown connection field(s) for ${c.type}: ${extra.join(', ')}`);
  };
  switch (c.type) {
    case 'tcp': {
      allowed(['type', 'host', 'port']);
      const host = c.host;
      // A last label of digits only ("1.2.3", "192.168.1.500") is a mistyped address, not a name.
      const name = typeof host === 'string' && HOSTNAME.test(host) && !/(^|\.)\d+$/.test(host);
      if (typeof host !== 'string' || !(IPV4.test(host) || name || (host.includes(':') && IPV6.test(host)))) {
        throw new ConnectionError(`tcp host must be a hostname or an IP address, got ${describe(host)}`);
      }
      const port = c.port ?? 9100;
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
        throw new ConnectionError(`tcp port must be an integer from 1 to 65535, got ${describe(port)}`);
      }
      return { type: 'tcp', host, port };
    }
    case 'usb':
    case 'device': {
      allowed(['type', 'path']);
      if (typeof c.path !== 'string' || !DEVICE.test(c.path)) {
        throw new ConnectionError(
          `device path must be a printer device such as /dev/usb/lp0 or /dev/ttyUSB0, got ${describe(c.path)}`,
        );
      }
      return { type: 'device', path: c.path };
    }
    case 'file': {
      allowed(['type', 'path']);
      const path = c.path;
      if (typeof path !== 'string' || !SEGMENT.test(path) || path === '.' || path === '..' || path.includes('..')) {
        throw new ConnectionError(
          `file path must be one folder name (letters, digits, . _ -) inside the prints folder, got ${describe(path)}`,
        );
      }
      return { type: 'file', path };
    }
    default:
      throw new ConnectionError(`unknown connection type ${describe(c.type)} (expected tcp, device or file)`);
  }
}
