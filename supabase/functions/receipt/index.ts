import { receiptHandler } from './handler.ts';
import { supabaseReceiptReader } from './reader.ts';

Deno.serve(
  receiptHandler(
    supabaseReceiptReader({
      supabaseUrl: Deno.env.get('SUPABASE_URL') ?? '',
      anonKey: Deno.env.get('SUPABASE_ANON_KEY') ?? '',
    }),
  ),
);
