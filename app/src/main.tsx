import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { applyDocumentLocale } from '#lib/i18n/locale.ts';
import { persistQueries } from '#lib/query.ts';
import { startSync } from '#lib/sync.ts';
import { App } from './app.tsx';
import '#components/ui/tokens.css';
import '#components/ui/ui.css';
import './styles.css';

// The service worker's registration and its "update ready" prompt wait until the screen is up:
// nothing on a first paint needs them.
const UpdatePrompt = lazy(() =>
  import('#components/shell/update-prompt.tsx').then((module) => ({ default: module.UpdatePrompt })),
);

applyDocumentLocale();
persistQueries(import.meta.env.VITE_APP_BUILD ?? 'dev');
startSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

render(
  () => (
    <>
      <App />
      <UpdatePrompt />
    </>
  ),
  root,
);
