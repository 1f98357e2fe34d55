import { AttentionList } from '../components/attention-list.tsx';
import { session } from '../lib/auth/session.ts';
import * as m from '../paraglide/messages.js';

/** Signed-in landing page; the restaurant switcher and onboarding arrive with the schema. */
export default function Home() {
  return (
    <main id="main">
      <h1>{m.home_title()}</h1>
      <p>{m.home_signed_in_as({ email: session()?.user.email ?? '' })}</p>
      <p>{m.home_setup_pending()}</p>
      <AttentionList />
    </main>
  );
}
