import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { AttentionList } from '#components/shell/attention-list.tsx';
import { DevicesOnline } from '#components/shell/devices-online.tsx';
import { currentLocale } from '#lib/i18n/locale.ts';
import { useAdminRestaurant } from '#lib/restaurant/admin-context.ts';
import { countryName } from '#lib/restaurant/countries.ts';
import { roleLabel } from '#lib/restaurant/labels.ts';
import { useRestaurant } from '#lib/restaurant/queries.ts';
import { formatTaxRate } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

/** The admin's landing: the restaurant at a glance, and anything waiting to be sent or fixed. */
export default function AdminHome() {
  const membership = useAdminRestaurant();
  const restaurant = useRestaurant(() => membership().restaurantId);
  return (
    <main id="main">
      <h1>{membership().name}</h1>
      <p>{m.admin_home_role({ role: roleLabel(membership().role) })}</p>
      <Show when={restaurant.data}>
        {(r) => (
          <dl class="summary">
            <dt>{m.tenancy_country_label()}</dt>
            <dd>{countryName(r().country, currentLocale())}</dd>
            <dt>{m.tenancy_currency_label()}</dt>
            <dd>{r().currency}</dd>
            <dt>{m.tenancy_timezone_label()}</dt>
            <dd>{r().timezone}</dd>
            <dt>{m.tenancy_tax_rate_label()}</dt>
            <dd>
              {formatTaxRate(r().tax_rate_bp, currentLocale())} %{' '}
              {r().tax_mode === 'inclusive' ? m.tenancy_tax_mode_inclusive() : m.tenancy_tax_mode_exclusive()}
            </dd>
          </dl>
        )}
      </Show>
      <p class="actions">
        <A href="/admin/menu" class="button">
          {m.admin_home_build_menu()}
        </A>
        <A href="/admin/staff" class="button secondary">
          {m.admin_home_invite_staff()}
        </A>
      </p>
      <DevicesOnline restaurantId={membership().restaurantId} />
      <AttentionList />
    </main>
  );
}
