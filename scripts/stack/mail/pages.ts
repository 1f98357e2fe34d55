import type { CaughtMail } from './catcher.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
iframe{border:1px solid #ccc;width:100%;height:28rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:.75rem}`;

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>`;

/** The list of caught emails, newest first. */
export function inboxPage(messages: CaughtMail[]): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(new Date(m.receivedAt).toLocaleString('en-GB'))}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return page(
    'Local inbox',
    `<h1>Local inbox</h1><p>Every email the local stack sends lands here; none leaves this machine.
Newest first; reload for new mail. JSON: <a href="/api/messages">/api/messages</a>.</p>` +
      (messages.length === 0
        ? '<p>No email yet.</p>'
        : `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`),
  );
}

/**
 * One email. Its HTML is shown in a sandboxed frame (no scripts, no access to this page); its links
 * open in a new tab, as they would from a mail client.
 */
export function messagePage(m: CaughtMail): string {
  const html = m.html ? `<base target="_blank">${m.html}` : '';
  return page(
    m.subject,
    `<p><a href="/">← Inbox</a></p><h1>${escapeHtml(m.subject || '(no subject)')}</h1>
<p>From ${escapeHtml(m.from)} to ${escapeHtml(m.to.join(', '))}, ${escapeHtml(m.receivedAt)}</p>` +
      (html
        ? `<iframe title="Message" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(html)}"></iframe>`
        : '') +
      `<h2>Text</h2><pre>${escapeHtml(m.text)}</pre>`,
  );
}
