import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { inboxPage, messagePage } from './pages.ts';

/** One email the stack sent, as the inbox page and its JSON API show it. */
export interface CaughtMail {
  id: number;
  from: string;
  /** Envelope recipients, lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

export interface RunningMailCatcher {
  smtpHost: string;
  smtpPort: number;
  /** The inbox page; its JSON API is `<inboxUrl>/api/messages`. */
  inboxUrl: string;
  messages(): CaughtMail[];
  close(): Promise<void>;
}

/** A developer's inbox keeps the newest mails; an endless test loop must not fill the memory. */
const KEEP_MESSAGES = 1000;
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * The local stand-in for the Supabase CLI's mail catcher (Inbucket, now Mailpit): an SMTP server
 * that accepts every message and delivers none, and a small web inbox to read them. Nothing leaves
 * the machine, so a password reset can be tried with any made-up address.
 */
export async function startMailCatcher(opts: {
  smtpPort: number;
  httpPort: number;
  hostname?: string;
  log?: (line: string) => void;
}): Promise<RunningMailCatcher> {
  const hostname = opts.hostname ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const stored: CaughtMail[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Comanda local mail catcher',
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      simpleParser(stream).then(
        (parsed) => {
          stored.push({
            id: nextId++,
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            receivedAt: new Date().toISOString(),
          });
          if (stored.length > KEEP_MESSAGES) stored.splice(0, stored.length - KEEP_MESSAGES);
          log(`mail: caught "${parsed.subject ?? ''}" for ${to.join(', ')}`);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  smtp.on('error', (e) => log(`mail: SMTP error ${e.message}`));

  const newestFirst = () => [...stored].reverse();
  const app = new Hono();
  app.get('/', (c) => c.html(inboxPage(newestFirst())));
  app.get('/messages/:id', (c) => {
    const mail = stored.find((m) => m.id === Number(c.req.param('id')));
    return mail ? c.html(messagePage(mail)) : c.text('No such message', 404);
  });
  // The JSON API tests read: newest first, `?to=` keeps one recipient's mails.
  app.get('/api/messages', (c) => {
    const to = c.req.query('to')?.toLowerCase();
    return c.json(newestFirst().filter((m) => !to || m.to.includes(to)));
  });
  app.delete('/api/messages', (c) => {
    stored.length = 0;
    return c.body(null, 204);
  });

  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(opts.smtpPort, hostname, () => {
      smtp.server.off('error', reject);
      resolve();
    });
  });
  let http: Server;
  try {
    http = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: opts.httpPort, hostname }, () => resolve(s as Server)) as Server;
      s.once('error', reject);
    });
  } catch (e) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw e;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpHost: hostname,
    smtpPort,
    inboxUrl: `http://${hostname}:${httpPort}`,
    messages: newestFirst,
    close: async () => {
      http.closeAllConnections?.();
      await Promise.all([
        new Promise<void>((resolve) => http.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}
