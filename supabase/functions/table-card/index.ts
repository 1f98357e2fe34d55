import { tableCardHandler } from './handler.ts';
import { supabaseCardReader } from './reader.ts';

Deno.serve(
  tableCardHandler(
    supabaseCardReader({
      supabaseUrl: Deno.env.get('SUPABASE_URL') ?? '',
      anonKey: Deno.env.get('SUPABASE_ANON_KEY') ?? '',
    }),
  ),
);
