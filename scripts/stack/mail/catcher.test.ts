import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMailCatcher, startMailCatcher } from './catcher.ts';

describe('the local mail catcher', () => {
  let catcher: RunningMailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  });
  afterAll(async () => {
    await catcher.close();
  });

  it('keeps what arrives over SMTP and serves it as JSON, as an inbox page and as a message page', async () => {
    const transport = nodemailer.createTransport({ host: catcher.smtpHost, port: catcher.smtpPort, ignoreTLS: true });
    await transport.sendMail({
      from: 'Comanda <no-reply@comanda.local>',
      to: 'Ada@Example.com',
      subject: 'Hello <there>',
      text: 'plain words',
      html: '<p onclick="x()">rich <b>words</b></p>',
    });
    transport.close();

    const all = (await (await fetch(`${catcher.inboxUrl}/api/messages`)).json()) as Array<Record<string, unknown>>;
    const mine = (await (await fetch(`${catcher.inboxUrl}/api/messages?to=ada@example.com`)).json()) as typeof all;
    expect(mine).toEqual(all);
    expect(mine[0]).toMatchObject({ to: ['ada@example.com'], subject: 'Hello <there>', text: 'plain words' });
    const none = (await (await fetch(`${catcher.inboxUrl}/api/messages?to=bob@example.com`)).json()) as unknown[];
    expect(none).toEqual([]);

    const inbox = await (await fetch(catcher.inboxUrl)).text();
    expect(inbox).toContain('Hello &lt;there&gt;');
    const page = await (await fetch(`${catcher.inboxUrl}/messages/${mine[0]?.id}`)).text();
    // The mail's HTML only ever runs inside a sandboxed frame without scripts.
    expect(page).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(page).not.toContain('<p onclick');

    expect((await fetch(`${catcher.inboxUrl}/api/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(catcher.messages()).toEqual([]);
  });
});
