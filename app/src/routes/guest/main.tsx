import { render } from 'solid-js/web';
import { applyDocumentLocale } from '#lib/i18n/locale.ts';
import { GuestApp } from './guest-app.tsx';
import '#components/ui/tokens.css';
import './guest.css';

// The guests' page (/t/<qr token>): its own entry, so a phone downloads the menu and the order
// tracker only — no staff router, outbox, query cache or admin (scripts/bench/bundle.ts, "guest").
applyDocumentLocale();
const root = document.getElementById('root');
if (!root) throw new Error('guest.html has no #root element');
render(() => <GuestApp />, root);
