/**
 * The layouts the bridge prints with: the same module the `receipt` edge function and the PWA's
 * preview use (dependency-free TypeScript in supabase/functions/_shared/), so a ticket looks the
 * same everywhere.
 */
import { PRINT_ENCODING, renderPrintJob } from '../../supabase/functions/_shared/print-layouts.ts';
import type { Encoding, Layout } from './render.ts';

export const layout: Layout = (payload) => renderPrintJob(payload as Parameters<typeof renderPrintJob>[0]);
export const printEncoding: Encoding = PRINT_ENCODING;
