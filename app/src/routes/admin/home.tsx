import { A } from '@solidjs/router';
import { useQuery } from '@tanstack/solid-query';
import { For, Show } from 'solid-js';
import { AttentionList } from '#components/shell/attention-list.tsx';
import { DevicesOnline } from '#components/shell/devices-online.tsx';
import { formatMoney } from '#lib/format/money.ts';
import { currentLocale } from '#lib/i18n/locale.ts';
import { todayReportQueryOptions } from '#lib/reports/queries.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { countryName } from '#lib/restaurant/countries.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useRestaurant } from '#lib/restaurant/queries.ts';
import { type SetupStep, setupQueryOptions, setupSteps } from '#lib/restaurant/setup.ts';
import { zoneCity, zoneOffset } from '#lib/restaurant/time-zones.ts';
import { formatTaxRate } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';
import './home.css';

const stepLinks: Record<SetupStep, { href: string; label: () => string }> = {
  menu: { href: '/admin/menu', label: m.admin_home_setup_menu },
  tables: { href: '/admin/tables', label: m.admin_home_setup_tables },
  staff: { href: '/admin/staff', label: m.admin_home_setup_staff },
  printer: { href: '/admin/printers', label: m.admin_home_setup_printer },
  receipt: { href: '/admin/settings', label: m.admin_home_setup_receipt },
};

/**
 * The admin's landing: today's orders and sales (`day_report`, the database's figures), the
 * devices open now, what is left to set up (known from the rows that exist), the restaurant at a
 * glance, and anything waiting to be sent or fixed.
 */
export default function AdminHome() {
  const membership = useAdminRestaurant();
  const restaurantId = () => membership().restaurantId;
  const restaurant = useRestaurant(restaurantId);
  const today = useQuery(() => todayReportQueryOptions(restaurantId()));
  const setup = useQuery(() => setupQueryOptions(restaurantId()));
  const steps = () => {
    const counts = setup.data;
    const row = restaurant.data;
    return counts && row ? setupSteps(counts, row.receipt_header) : null;
  };
  const money = (minor: number) => {
    const report = today.data;
    if (!report) return '';
    return formatMoney(
      minor,
      { code: report.currency, exponent: report.currency_exponent, region: restaurant.data?.country ?? '' },
      currentLocale(),
    );
  };
  return (
    <main id="main" class="admin-home">
      <h1>{membership().name}</h1>
      <p>{m.admin_home_role({ role: roleLabel(membership().role) })}</p>

      <section class="home-card" aria-labelledby="home-today-title">
        <h2 id="home-today-title">{m.admin_home_today_title()}</h2>
        <Show
          when={today.data}
          fallback={
            <p class="notice subtle">{today.isError ? m.admin_home_today_unavailable() : m.common_loading()}</p>
          }
        >
          {(report) => (
            <dl class="home-figures">
              <div>
                <dt>{m.admin_home_orders_today()}</dt>
                <dd data-testid="today-orders">{report().sales.orders}</dd>
              </div>
              <div>
                <dt>{m.admin_home_sales_today()}</dt>
                <dd data-testid="today-sales">{money(report().sales.total)}</dd>
              </div>
            </dl>
          )}
        </Show>
        <A href="/admin/reports">{m.admin_home_report_link()}</A>
      </section>

      <div class="home-card">
        <DevicesOnline restaurantId={restaurantId()} />
      </div>

      <section class="home-card" aria-labelledby="home-setup-title">
        <h2 id="home-setup-title">{m.admin_home_setup_title()}</h2>
        <Show when={steps()} fallback={<p class="loading">{m.common_loading()}</p>}>
          {(list) => (
            <>
              <Show when={list().every((s) => s.done)}>
                <p>{m.admin_home_setup_complete()}</p>
              </Show>
              <ul class="setup-list">
                <For each={list()}>
                  {(item) => (
                    <li data-done={item.done ? 'true' : 'false'}>
                      <span class="setup-mark" aria-hidden="true">
                        {item.done ? '✓' : '○'}
                      </span>
                      <A href={stepLinks[item.step].href}>{stepLinks[item.step].label()}</A>
                      <span class="setup-state">
                        {item.done ? m.admin_home_setup_done() : m.admin_home_setup_todo()}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </section>

      <Show when={restaurant.data}>
        {(r) => (
          <dl class="summary home-card">
            <dt>{m.tenancy_country_label()}</dt>
            <dd>{countryName(r().country, currentLocale())}</dd>
            <dt>{m.tenancy_currency_label()}</dt>
            <dd>{r().currency}</dd>
            <dt>{m.tenancy_timezone_label()}</dt>
            <dd title={r().timezone}>
              {zoneCity(r().timezone)} ({zoneOffset(r().timezone, currentLocale(), new Date())})
            </dd>
            <dt>{m.tenancy_tax_rate_label()}</dt>
            <dd>
              {formatTaxRate(r().tax_rate_bp, currentLocale())} %{' '}
              {r().tax_mode === 'inclusive' ? m.tenancy_tax_mode_inclusive() : m.tenancy_tax_mode_exclusive()}
            </dd>
          </dl>
        )}
      </Show>
      <AttentionList />
    </main>
  );
}
