import { Navigate } from '@solidjs/router';
import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type JSX,
  lazy,
  Match,
  Suspense,
  Switch,
  useContext,
} from 'solid-js';
import { LoadFailed } from '#components/ui/load-failed.tsx';
import { apiReachability } from '#lib/network/api.ts';
import {
  confirmOnboarding,
  landingFor,
  type MemberRole,
  type MembershipSummary,
  restaurantSelection,
} from '#lib/restaurant/current.ts';
import { useCurrentMembership } from '#lib/restaurant/queries.ts';
import * as m from '#paraglide/messages.js';

// Only a person on the wrong screen sees it: fetched then, not with every staff screen.
const Refusal = lazy(() => import('./refusal.tsx').then((module) => ({ default: module.Refusal })));

const MembershipContext = createContext<Accessor<MembershipSummary>>();

/** The restaurant and role the screen works as; only inside `<RequireMembership>`. */
export function useMembership(): Accessor<MembershipSummary> {
  const membership = useContext(MembershipContext);
  if (!membership) throw new Error('useMembership outside <RequireMembership>');
  return membership;
}

export interface RequireMembershipProps {
  /** Roles the screen is for; any role when left out. */
  roles?: readonly MemberRole[];
  /** What a person with another role sees; a refusal naming their role by default. */
  refusal?: (membership: MembershipSummary) => JSX.Element;
  children: JSX.Element;
}

/**
 * The gate of every staff surface (admin, POS, kitchen): waits for the memberships (read offline
 * from the cache), offers a retry when they cannot be read, sends someone without a restaurant to
 * onboarding (once a re-read online agrees: see `confirmOnboarding`) and someone with several and no choice to the switcher, refuses the wrong role in
 * their language, and otherwise provides the membership to the screen through `useMembership()`.
 */
export function RequireMembership(props: RequireMembershipProps) {
  const { memberships, current } = useCurrentMembership();
  // Remember the only restaurant too, so the next visit skips the lookup.
  createEffect(() => {
    const chosen = current();
    if (chosen && restaurantSelection.currentId() !== chosen.restaurantId)
      restaurantSelection.select(chosen.restaurantId);
  });
  const landing = () => (memberships.data ? landingFor(memberships.data) : undefined);
  // "No restaurant" from the cache is checked again before onboarding; meanwhile the loading line.
  const [noRestaurant, setNoRestaurant] = createSignal(false);
  let rereading = false;
  createEffect(() => {
    if (landing()?.kind !== 'onboarding' || noRestaurant() || rereading) return;
    rereading = true;
    void confirmOnboarding(apiReachability.online(), () => memberships.refetch().then((result) => result.data)).then(
      (confirmed) => {
        rereading = false;
        if (confirmed) setNoRestaurant(true);
      },
    );
  });
  const allowed = (membership: MembershipSummary) => !props.roles || props.roles.includes(membership.role);
  return (
    <Switch fallback={<p class="loading">{m.common_loading()}</p>}>
      <Match when={memberships.isError && !memberships.data}>
        <LoadFailed onRetry={() => void memberships.refetch()} />
      </Match>
      <Match when={landing()?.kind === 'onboarding' && noRestaurant()}>
        <Navigate href="/onboarding" />
      </Match>
      <Match when={current()}>
        {(membership) => (
          <Switch>
            <Match when={!allowed(membership())}>
              <Suspense>{(props.refusal ?? ((refused) => <Refusal membership={refused} />))(membership())}</Suspense>
            </Match>
            <Match when>
              <MembershipContext.Provider value={membership}>{props.children}</MembershipContext.Provider>
            </Match>
          </Switch>
        )}
      </Match>
      <Match when={landing()?.kind === 'choose'}>
        <Navigate href="/restaurants" />
      </Match>
    </Switch>
  );
}
