import * as m from '../../paraglide/messages.js';

// Placeholder until the printers screen lands (another helper replaces this file).
export default function AdminPrinters() {
  return (
    <main id="main">
      <h1>{m.admin_nav_printers()}</h1>
      <p>{m.admin_coming()}</p>
    </main>
  );
}
