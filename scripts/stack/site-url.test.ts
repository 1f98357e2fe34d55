import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { supabaseDir as projectDir } from './paths.ts';
import { siteUrlFor } from './site-url.ts';

describe('siteUrlFor', () => {
  let dir: string;
  const saved = process.env.COMANDA_SITE_URL;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'comanda-site-url-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.COMANDA_SITE_URL;
    else process.env.COMANDA_SITE_URL = saved;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is the project's [auth] site_url, as an origin", () => {
    delete process.env.COMANDA_SITE_URL;
    expect(siteUrlFor(projectDir)).toBe('http://127.0.0.1:5173');
  });

  it('is the LAN address with --lan, and COMANDA_SITE_URL wins over both', () => {
    delete process.env.COMANDA_SITE_URL;
    expect(siteUrlFor(projectDir, 'https://192.168.1.20:5173')).toBe('https://192.168.1.20:5173');
    process.env.COMANDA_SITE_URL = 'https://comanda.local:5173/';
    expect(siteUrlFor(projectDir, 'https://192.168.1.20:5173')).toBe('https://comanda.local:5173');
  });

  it("is the CLI's default for a project folder that sets none", async () => {
    delete process.env.COMANDA_SITE_URL;
    expect(siteUrlFor(dir)).toBe('http://127.0.0.1:3000');
    await writeFile(path.join(dir, 'config.toml'), '[auth]\nenabled = true\n');
    expect(siteUrlFor(dir)).toBe('http://127.0.0.1:3000');
  });

  it('refuses what is not a URL, saying where it came from', () => {
    process.env.COMANDA_SITE_URL = '192.168.1.20:5173';
    expect(() => siteUrlFor(projectDir)).toThrow(/COMANDA_SITE_URL/);
  });
});
