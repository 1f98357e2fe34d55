import * as m from '../../paraglide/messages.js';

// Placeholder until the menu screen lands (another helper replaces this file).
export default function AdminMenu() {
  return (
    <main id="main">
      <h1>{m.admin_nav_menu()}</h1>
      <p>{m.admin_coming()}</p>
    </main>
  );
}
