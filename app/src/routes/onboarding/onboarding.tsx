import { A, useNavigate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { StepIdentity } from '#components/onboarding/step-identity.tsx';
import { StepRegion } from '#components/onboarding/step-region.tsx';
import { StepRules } from '#components/onboarding/step-rules.tsx';
import { currentLocale } from '#lib/i18n/locale.ts';
import { applySettingsAfterCreate, createRestaurant } from '#lib/restaurant/commands.ts';
import { guessCountry } from '#lib/restaurant/countries.ts';
import { restaurantSelection } from '#lib/restaurant/current.ts';
import {
  applyCountry,
  type DraftField,
  emptyDraft,
  firstInvalidStep,
  type OnboardingDraft,
  type OnboardingStep,
  onboardingSteps,
  settingsAfterCreate,
  validateStep,
} from '#lib/restaurant/draft.ts';
import { describeRestaurantError } from '#lib/restaurant/errors.ts';
import { refreshMemberships } from '#lib/restaurant/queries.ts';
import { formatTaxRate, suggestSlug } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

type FieldErrors = Partial<Record<DraftField, string>>;

const stepTitles: Record<OnboardingStep, () => string> = {
  identity: m.onboarding_step_identity,
  region: m.onboarding_step_region,
  rules: m.onboarding_step_rules,
};

// Where a database refusal sends the person back to, and next to which field it is shown.
const failureTargets = {
  name: { step: 'identity', field: 'name' },
  slug: { step: 'identity', field: 'slug' },
  timezone: { step: 'region', field: 'timezone' },
  currency: { step: 'region', field: 'currency' },
  tax_rate: { step: 'rules', field: 'taxRate' },
} as const satisfies Record<string, { step: OnboardingStep; field: DraftField }>;

function failureTargetOf(field: string | null | undefined) {
  return field && Object.hasOwn(failureTargets, field) ? failureTargets[field as keyof typeof failureTargets] : null;
}

/** The wizard after sign-up: three short steps, then `create_restaurant`, then the admin. */
export default function Onboarding() {
  const navigate = useNavigate();
  const formatRate = (bp: number) => formatTaxRate(bp, currentLocale());
  const guessed = typeof navigator === 'undefined' ? undefined : guessCountry(navigator.languages);
  const [draft, setDraft] = createSignal<OnboardingDraft>(
    guessed ? applyCountry(emptyDraft(), guessed, formatRate) : emptyDraft(),
  );
  const [step, setStep] = createSignal<OnboardingStep>('identity');
  const [slugEdited, setSlugEdited] = createSignal(false);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // Set once create_restaurant succeeded, so a retry after a failed follow-up update never creates twice.
  const [createdId, setCreatedId] = createSignal<string | null>(null);
  let heading: HTMLHeadingElement | undefined;
  let form: HTMLFormElement | undefined;

  const update = (patch: Partial<OnboardingDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const index = () => onboardingSteps.indexOf(step());

  const goTo = (next: OnboardingStep) => {
    setStep(next);
    queueMicrotask(() => heading?.focus());
  };

  const showStepErrors = (target: OnboardingStep): boolean => {
    const found = validateStep(target, draft());
    const messages: FieldErrors = {};
    for (const [field, error] of Object.entries(found)) messages[field as DraftField] = describeRestaurantError(error);
    setErrors(messages);
    if (Object.keys(messages).length === 0) return false;
    if (target !== step()) goTo(target);
    queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    return true;
  };

  const create = async () => {
    const invalid = firstInvalidStep(draft());
    if (invalid && showStepErrors(invalid)) return;
    setBusy(true);
    setFormError(null);
    try {
      let id = createdId();
      if (!id) {
        const created = await createRestaurant(draft());
        if (!created.ok) {
          const message = describeRestaurantError(created.failure);
          const target = failureTargetOf(created.failure.field);
          if (!target) return setFormError(message);
          const { step: where, field } = target;
          setErrors({ [field]: message });
          goTo(where);
          queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
          return;
        }
        id = created.data.id;
        setCreatedId(id);
      }
      const extra = settingsAfterCreate(draft());
      if (extra) {
        const saved = await applySettingsAfterCreate(id, extra);
        if (!saved.ok)
          return setFormError(m.onboarding_extra_failed({ reason: describeRestaurantError(saved.failure) }));
      }
      await refreshMemberships().catch(() => undefined);
      restaurantSelection.select(id);
      navigate('/admin', { replace: true });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (showStepErrors(step())) return;
    const next = onboardingSteps[index() + 1];
    if (next) goTo(next);
    else void create();
  };

  return (
    <main id="main" class="narrow">
      <h1>{m.onboarding_title()}</h1>
      <p>
        {m.onboarding_have_code()} <A href="/join">{m.onboarding_to_join()}</A>
      </p>
      <form ref={form} class="stack" onSubmit={submit} noValidate aria-busy={busy()}>
        <h2 ref={heading} tabindex="-1">
          {m.onboarding_step_of({ step: index() + 1, total: onboardingSteps.length, title: stepTitles[step()]() })}
        </h2>
        <Show when={formError()}>
          <p class="notice error" role="alert">
            {formError()}
          </p>
        </Show>
        <Switch>
          <Match when={step() === 'identity'}>
            <StepIdentity
              draft={draft()}
              onName={(name) => update(slugEdited() ? { name } : { name, slug: suggestSlug(name) })}
              onSlug={(slug) => {
                setSlugEdited(slug !== '');
                update({ slug: slug.trim().toLowerCase() });
              }}
              errors={errors()}
            />
          </Match>
          <Match when={step() === 'region'}>
            <StepRegion
              draft={draft()}
              onCountry={(country) => {
                setDraft((d) => applyCountry(d, country, formatRate));
                setErrors({});
              }}
              onChange={update}
              errors={errors()}
            />
          </Match>
          <Match when={step() === 'rules'}>
            <StepRules draft={draft()} onChange={update} errors={errors()} />
          </Match>
        </Switch>
        <div class="actions">
          <Show when={index() > 0}>
            <button type="button" class="secondary" onClick={() => goTo(onboardingSteps[index() - 1] ?? 'identity')}>
              {m.onboarding_back()}
            </button>
          </Show>
          <button type="submit" disabled={busy()}>
            {busy()
              ? m.common_submitting()
              : index() === onboardingSteps.length - 1
                ? m.onboarding_create()
                : m.onboarding_next()}
          </button>
        </div>
      </form>
    </main>
  );
}
