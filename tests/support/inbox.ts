import type { CaughtMail } from '../../scripts/stack/mail/catcher.ts';

/** The mails the stack's local inbox holds for one address, newest first (its JSON API). */
export async function mailsTo(inboxUrl: string, to: string): Promise<CaughtMail[]> {
  const response = await fetch(`${inboxUrl}/api/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`inbox answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}

/**
 * Waits for the `count`-th mail to an address: the gateway sends after answering, so a mail
 * arrives a moment after the request that caused it.
 */
export async function waitForMail(inboxUrl: string, to: string, count = 1, timeoutMs = 10_000): Promise<CaughtMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(inboxUrl, to);
    if (mails.length >= count) return mails[0] as CaughtMail;
    if (Date.now() > deadline)
      throw new Error(`no mail #${count} to ${to} within ${timeoutMs} ms (${mails.length} seen)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The reset link in a recovery mail's text (`…: <url>` on its own line). */
export function linkIn(mail: CaughtMail): string {
  const match = mail.text.match(/https?:\/\/\S+\/auth\/v1\/verify\?\S+/);
  if (!match) throw new Error(`no verify link in: ${mail.text}`);
  return match[0];
}

/** The one-time code in a recovery mail's text. */
export function codeIn(mail: CaughtMail): string {
  const match = mail.text.match(/[:：]\s*(\d{6})\s*$/m);
  if (!match) throw new Error(`no code in: ${mail.text}`);
  return match[1] as string;
}
