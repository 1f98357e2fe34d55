import type { Session } from '@supabase/supabase-js';
import { createRoot, createSignal } from 'solid-js';
import { supabase } from '#lib/supabase.ts';

/**
 * The signed-in session as a signal. `undefined` until supabase-js has read its stored session
 * (which works offline), then a Session or null.
 */
const [session, setSession] = createRoot(() => createSignal<Session | null | undefined>(undefined));

void supabase.auth.getSession().then(({ data }) => setSession(data.session));
supabase.auth.onAuthStateChange((_event, next) => setSession(next));

export { session };
