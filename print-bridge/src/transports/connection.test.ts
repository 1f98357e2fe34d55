import { describe, expect, it } from 'vitest';
import { ConnectionError, parseConnection } from './connection.ts';

describe('parseConnection', () => {
  it('accepts the three shapes, with 9100 as the default port', () => {
    expect(parseConnection({ type: 'tcp', host: '192.168.1.50', port: 9100 })).toEqual({
      type: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parseConnection({ type: 'tcp', host: 'kitchen-printer.local' })).toEqual({
      type: 'tcp',
      host: 'kitchen-printer.local',
      port: 9100,
    });
    expect(parseConnection({ type: 'tcp', host: '::1', port: 1 })).toMatchObject({ host: '::1', port: 1 });
    expect(parseConnection({ type: 'usb', path: '/dev/usb/lp0' })).toEqual({ type: 'device', path: '/dev/usb/lp0' });
    expect(parseConnection({ type: 'device', path: '/dev/ttyUSB0' })).toEqual({ type: 'device', path: '/dev/ttyUSB0' });
    expect(parseConnection({ type: 'file', path: 'kitchen' })).toEqual({ type: 'file', path: 'kitchen' });
  });

  it.each([
    [{ type: 'tcp', host: '; rm -rf /' }, /hostname or an IP/],
    [{ type: 'tcp', host: 'printer; reboot' }, /hostname or an IP/],
    [{ type: 'tcp', host: '$(id)' }, /hostname or an IP/],
    [{ type: 'tcp', host: 'a b' }, /hostname or an IP/],
    [{ type: 'tcp', host: '' }, /hostname or an IP/],
    [{ type: 'tcp', host: 'http://x' }, /hostname or an IP/],
    [{ type: 'tcp', host: '-x' }, /hostname or an IP/],
    [{ type: 'tcp', host: '192.168.1.500' }, /hostname or an IP/],
    [{ type: 'tcp', host: '1.2.3' }, /hostname or an IP/],
    [{ type: 'tcp', host: 42 }, /hostname or an IP/],
    [{ type: 'tcp', host: 'p', port: 0 }, /1 to 65535/],
    [{ type: 'tcp', host: 'p', port: 65536 }, /1 to 65535/],
    [{ type: 'tcp', host: 'p', port: 91.5 }, /1 to 65535/],
    [{ type: 'tcp', host: 'p', port: '9100' }, /1 to 65535/],
    [{ type: 'tcp', host: 'p', port: 9100, extra: 1 }, /unknown connection field/],
    [{ type: 'file', path: '../etc' }, /one folder name/],
    [{ type: 'file', path: '..' }, /one folder name/],
    [{ type: 'file', path: 'a/b' }, /one folder name/],
    [{ type: 'file', path: '/tmp/x' }, /one folder name/],
    [{ type: 'file', path: '.hidden' }, /one folder name/],
    [{ type: 'file', path: 'a..b' }, /one folder name/],
    [{ type: 'file' }, /one folder name/],
    [{ type: 'device', path: '/etc/passwd' }, /printer device/],
    [{ type: 'device', path: '/dev/usb/lp0/../../sda' }, /printer device/],
    [{ type: 'bluetooth', address: 'x' }, /unknown connection type "bluetooth"/],
    [{}, /unknown connection type/],
    [null, /must be an object/],
    [[], /must be an object/],
    ['tcp://p:9100', /must be an object/],
  ])('refuses %j', (input, reason) => {
    expect(() => parseConnection(input)).toThrow(ConnectionError);
    expect(() => parseConnection(input)).toThrow(reason);
  });
});
