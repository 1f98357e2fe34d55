import { whoamiHandler } from './handler.ts';

Deno.serve(
  whoamiHandler({
    supabaseUrl: Deno.env.get('SUPABASE_URL') ?? '',
    anonKey: Deno.env.get('SUPABASE_ANON_KEY') ?? '',
  }),
);
