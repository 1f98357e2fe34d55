import { A, Navigate, Route, Router, type RouteSectionProps, useLocation } from '@solidjs/router';
import { QueryClientProvider } from '@tanstack/solid-query';
import { lazy, type ParentProps, Show } from 'solid-js';
import { LanguagePicker } from '#components/shell/language-picker.tsx';
import { SyncStatus } from '#components/shell/sync-status.tsx';
import { ConfirmHost } from '#components/ui/confirm.tsx';
import { session } from '#lib/auth/session.ts';
import { queryClient } from '#lib/query.ts';
import * as m from '#paraglide/messages.js';

// One chunk per screen, so signing in never downloads the admin or the POS.
const SignIn = lazy(() => import('./routes/auth/sign-in.tsx'));
const SignUp = lazy(() => import('./routes/auth/sign-up.tsx'));
const SignOut = lazy(() => import('./routes/auth/sign-out.tsx'));
const ForgotPassword = lazy(() => import('./routes/auth/forgot-password.tsx'));
const ResetPassword = lazy(() => import('./routes/auth/reset-password.tsx'));
const Home = lazy(() => import('./routes/home.tsx'));
const NotFound = lazy(() => import('./routes/not-found.tsx'));
const Onboarding = lazy(() => import('./routes/onboarding/onboarding.tsx'));
const Join = lazy(() => import('./routes/onboarding/join.tsx'));
const Restaurants = lazy(() => import('./routes/onboarding/restaurants.tsx'));
const AdminLayout = lazy(() => import('./routes/admin/layout.tsx'));
const AdminHome = lazy(() => import('./routes/admin/home.tsx'));
const AdminMenu = lazy(() => import('./routes/admin/menu/menu.tsx'));
const AdminTables = lazy(() => import('./routes/admin/tables/tables.tsx'));
const AdminStaff = lazy(() => import('./routes/admin/staff/staff.tsx'));
const AdminPrinters = lazy(() => import('./routes/admin/printers/printers.tsx'));
const AdminSettings = lazy(() => import('./routes/admin/settings/settings.tsx'));
const AdminReports = lazy(() => import('./routes/admin/reports/reports.tsx'));
const Kitchen = lazy(() => import('./routes/kitchen/kitchen.tsx'));
const Board = lazy(() => import('./routes/board/board.tsx'));
const PosLayout = lazy(() => import('./routes/pos/layout.tsx'));
const PosOrderEntry = lazy(() => import('./routes/pos/order-entry.tsx'));
const PosOpenOrders = lazy(() => import('./routes/pos/open-orders.tsx'));
const PosOrderDetail = lazy(() => import('./routes/pos/order-detail.tsx'));
const PosCheckout = lazy(() => import('./routes/pos/checkout.tsx'));
const PosTableBill = lazy(() => import('./routes/pos/table-bill.tsx'));
const PosDrawer = lazy(() => import('./routes/pos/drawer.tsx'));
const PosGuestInbox = lazy(() => import('./routes/pos/guest-inbox.tsx'));
const Kiosk = lazy(() => import('./routes/kiosk/kiosk.tsx'));
// Kobalte's toast region arrives after the first paint; toasts shown before it wait in its store.
const Toaster = lazy(() => import('#components/ui/toast.tsx').then((module) => ({ default: module.Toaster })));

function Layout(props: RouteSectionProps) {
  const location = useLocation();
  return (
    // The kiosk is full-screen for customers: no staff header, language picker or sync bar.
    <Show when={!location.pathname.startsWith('/kiosk')} fallback={props.children}>
      <a class="skip-link" href="#main">
        {m.skip_to_content()}
      </a>
      <header class="app-header">
        <A href="/" class="brand">
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span class="brand-name">{m.app_name()}</span>
        </A>
        <div class="header-tools">
          <LanguagePicker />
          <Show when={session()}>
            <A href="/sign-out" class="button secondary">
              {m.sign_out()}
            </A>
          </Show>
        </div>
      </header>
      <SyncStatus />
      {props.children}
      <ConfirmHost />
      <Toaster />
    </Show>
  );
}

/** Staff screens: wait for the stored session (read offline), else send the visitor to sign in. */
function RequireSession(props: ParentProps) {
  return (
    <Show when={session() !== undefined} fallback={<p class="loading">{m.common_loading()}</p>}>
      <Show when={session()} fallback={<Navigate href="/sign-in" />}>
        {props.children}
      </Show>
    </Show>
  );
}

/** Sign-in and sign-up make no sense when already signed in. */
function GuestOnly(props: ParentProps) {
  return (
    <Show when={session() !== undefined} fallback={<p class="loading">{m.common_loading()}</p>}>
      <Show when={!session()} fallback={<Navigate href="/" />}>
        {props.children}
      </Show>
    </Show>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Router root={Layout}>
        <Route component={GuestOnly}>
          <Route path="/sign-in" component={SignIn} />
          <Route path="/sign-up" component={SignUp} />
          <Route path="/forgot-password" component={ForgotPassword} />
        </Route>
        <Route component={RequireSession}>
          <Route path="/" component={Home} />
          {/* Owners, managers and cooks; the screen's guard refuses other roles. */}
          <Route path="/kitchen" component={Kitchen} />
          <Route path="/onboarding" component={Onboarding} />
          <Route path="/join" component={Join} />
          <Route path="/restaurants" component={Restaurants} />
          {/* Owners and managers; the layout picks the restaurant and refuses other roles. */}
          <Route path="/admin" component={AdminLayout}>
            <Route path="/" component={AdminHome} />
            <Route path="/menu" component={AdminMenu} />
            <Route path="/tables" component={AdminTables} />
            <Route path="/staff" component={AdminStaff} />
            <Route path="/printers" component={AdminPrinters} />
            <Route path="/settings" component={AdminSettings} />
            <Route path="/reports" component={AdminReports} />
          </Route>
          {/* Owners, managers, cashiers and waiters; the layout refuses other roles. */}
          <Route path="/pos" component={PosLayout}>
            <Route path="/" component={PosOrderEntry} />
            <Route path="/orders" component={PosOpenOrders} />
            <Route path="/orders/:id" component={PosOrderDetail} />
            <Route path="/orders/:id/add" component={PosOrderEntry} />
            <Route path="/orders/:id/pay" component={PosCheckout} />
            <Route path="/tables/:tableId/bill" component={PosTableBill} />
            <Route path="/drawer" component={PosDrawer} />
            <Route path="/guests" component={PosGuestInbox} />
          </Route>
        </Route>
        {/* The self-order kiosk: paired with a one-time code, its own anonymous session, no staff login. */}
        <Route path="/kiosk" component={Kiosk} />
        {/* The customers' TV: no sign-in, numbers only, authorised by the board token in the link. */}
        <Route path="/board/:token" component={Board} />
        {/* Reachable signed out too, so a stale tab can still see why it cannot sign out. */}
        <Route path="/sign-out" component={SignOut} />
        {/* The emailed link signs the person in on arrival: neither guests-only nor session-only. */}
        <Route path="/reset-password" component={ResetPassword} />
        <Route path="*404" component={NotFound} />
      </Router>
    </QueryClientProvider>
  );
}
