import * as m from '../../paraglide/messages.js';

// Placeholder until the tables screen lands (another helper replaces this file).
export default function AdminTables() {
  return (
    <main id="main">
      <h1>{m.admin_nav_tables()}</h1>
      <p>{m.admin_coming()}</p>
    </main>
  );
}
