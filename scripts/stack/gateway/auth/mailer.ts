import nodemailer from 'nodemailer';
import type { AuthEmailSettings } from './email-settings.ts';
import type { RenderedEmail } from './templates.ts';

export interface Mailer {
  send(to: string, email: RenderedEmail): Promise<void>;
  close(): void;
}

/**
 * Auth emails over SMTP (locally, the stack's mail catcher, which needs no TLS or login). Without
 * an SMTP server the mail is only logged, so a gateway started without one says why nothing came.
 */
export function createMailer(settings: AuthEmailSettings, log: (line: string) => void): Mailer {
  const { smtp } = settings;
  if (!smtp) {
    return {
      send: async (to, email) => log(`auth: no SMTP server configured; not sent to ${to}: "${email.subject}"`),
      close: () => {},
    };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
  });
  return {
    send: async (to, email) => {
      await transport.sendMail({ from: settings.from, to, subject: email.subject, text: email.text, html: email.html });
    },
    close: () => transport.close(),
  };
}
