/** An email ready to send: subject, plain text and HTML in one language. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface RecoveryEmailData {
  /** The one-time link (GoTrue's `{{ .ConfirmationURL }}`). */
  link: string;
  /** The same one-time code to type instead (`{{ .Token }}`). */
  code: string;
  email: string;
  expiresInMinutes: number;
}

interface RecoveryWords {
  subject: string;
  intro: (email: string) => string;
  button: string;
  code: string;
  expiry: (minutes: number) => string;
  ignore: string;
}

/** The app's languages; a person's is the `locale` the app stores in user metadata at sign-up. */
const recoveryWords: Record<'en' | 'fr' | 'es' | 'id', RecoveryWords> = {
  en: {
    subject: 'Reset your Comanda password',
    intro: (email) => `Someone asked to reset the password of the Comanda account ${email}.`,
    button: 'Choose a new password',
    code: 'Or enter this code:',
    expiry: (m) => `This link works once, within ${m} minutes.`,
    ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
  },
  fr: {
    subject: 'Réinitialisez votre mot de passe Comanda',
    intro: (email) => `Quelqu’un a demandé à réinitialiser le mot de passe du compte Comanda ${email}.`,
    button: 'Choisir un nouveau mot de passe',
    code: 'Ou saisissez ce code :',
    expiry: (m) => `Ce lien ne fonctionne qu’une fois, pendant ${m} minutes.`,
    ignore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.',
  },
  es: {
    subject: 'Restablece tu contraseña de Comanda',
    intro: (email) => `Alguien pidió restablecer la contraseña de la cuenta de Comanda ${email}.`,
    button: 'Elegir una contraseña nueva',
    code: 'O escribe este código:',
    expiry: (m) => `Este enlace funciona una sola vez, durante ${m} minutos.`,
    ignore: 'Si no lo pediste, ignora este correo: tu contraseña no cambia.',
  },
  id: {
    subject: 'Atur ulang kata sandi Comanda Anda',
    intro: (email) => `Seseorang meminta untuk mengatur ulang kata sandi akun Comanda ${email}.`,
    button: 'Pilih kata sandi baru',
    code: 'Atau masukkan kode ini:',
    expiry: (m) => `Tautan ini hanya berlaku sekali, selama ${m} menit.`,
    ignore: 'Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tetap sama.',
  },
};

export type EmailLanguage = keyof typeof recoveryWords;

/** The person's language from their metadata (`fr`, `fr-CA`…), else English (the site's default). */
export function emailLanguage(userMetadata: Record<string, unknown> | null): EmailLanguage {
  const locale = typeof userMetadata?.locale === 'string' ? userMetadata.locale.toLowerCase().split(/[-_]/)[0] : '';
  return locale && locale in recoveryWords ? (locale as EmailLanguage) : 'en';
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

export function recoveryEmail(language: EmailLanguage, d: RecoveryEmailData): RenderedEmail {
  const w = recoveryWords[language];
  const text = [
    w.intro(d.email),
    '',
    `${w.button}: ${d.link}`,
    '',
    `${w.code} ${d.code}`,
    '',
    w.expiry(d.expiresInMinutes),
    w.ignore,
  ].join('\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(w.intro(d.email))}</p>
<p><a href="${escapeHtml(d.link)}" style="display:inline-block;padding:.6em 1.2em;background:#b3401a;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(w.button)}</a></p>
<p>${escapeHtml(w.code)} <strong style="font-size:1.3em;letter-spacing:.15em">${escapeHtml(d.code)}</strong></p>
<p>${escapeHtml(w.expiry(d.expiresInMinutes))}</p>
<p style="color:#555">${escapeHtml(w.ignore)}</p>
</body></html>`;
  return { subject: w.subject, text, html };
}
