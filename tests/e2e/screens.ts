import path from 'node:path';
import type { BrowserUser } from './browser.ts';

const viewports = {
  phone: { width: 360, height: 740 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1280, height: 800 },
} as const;

export type ViewportName = keyof typeof viewports;

/**
 * Full-page screenshots of what the person sees, at each size, to $E2E_SHOTS as `<name>-<size>.png`
 * when it is set (a person looks at them; nothing compares them). The page's own size is restored.
 */
export async function shoot(
  user: BrowserUser,
  name: string,
  sizes: readonly ViewportName[] = ['phone', 'tablet'],
): Promise<void> {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  const viewport = user.page.viewportSize();
  for (const size of sizes) {
    await user.page.setViewportSize(viewports[size]);
    await user.page.screenshot({ path: path.join(dir, `${name}-${size}.png`), fullPage: true });
  }
  if (viewport) await user.page.setViewportSize(viewport);
}

/** The digits of a formatted XOF amount, signed: "-F CFA 500" → -500 (XOF has no decimals); NaN without digits. */
export function amountOf(formatted: string | null | undefined): number {
  if (formatted === null || formatted === undefined) return Number.NaN;
  const digits = formatted.replace(/\D/g, '');
  if (digits === '') return Number.NaN;
  return (/[-−]/.test(formatted) ? -1 : 1) * Number(digits);
}
