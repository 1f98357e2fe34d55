import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The unit file's promises: starts at boot, restarts on failure (not when unpaired), its own user and state. */
describe('systemd unit', () => {
  it('restarts on failure, starts at boot, runs main.ts as its own user with COMANDA_BRIDGE_HOME', async () => {
    const unit = await readFile(
      path.join(import.meta.dirname, '..', 'systemd', 'comanda-print-bridge.service'),
      'utf8',
    );
    const settings = new Map<string, string[]>();
    for (const line of unit.split('\n')) {
      const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
      if (match) settings.set(match[1] as string, [...(settings.get(match[1] as string) ?? []), match[2] as string]);
    }
    const one = (key: string) => settings.get(key)?.[0];
    expect(one('Restart')).toBe('on-failure');
    expect(one('WantedBy')).toBe('multi-user.target');
    expect(one('User')).toBe('comanda-bridge');
    expect(one('RestartPreventExitStatus')).toBe('78');
    expect(settings.get('Environment')).toContain('COMANDA_BRIDGE_HOME=/var/lib/comanda-print-bridge');
    expect(one('StateDirectory')).toBe('comanda-print-bridge');
    // The same entry point as `npm start`.
    const pkg = JSON.parse(await readFile(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(one('ExecStart')).toBe(`/usr/bin/${pkg.scripts.start}`);
  });
});
