import { A } from '@solidjs/router';
import * as m from '#paraglide/messages.js';

export default function NotFound() {
  return (
    <main id="main" class="narrow">
      <h1>{m.not_found_title()}</h1>
      <A href="/">{m.not_found_back()}</A>
    </main>
  );
}
