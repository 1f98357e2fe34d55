import { Field } from '#components/ui/field.tsx';
import type { OnboardingDraft } from '#lib/restaurant/draft.ts';
import { slugMaxLength } from '#lib/restaurant/validation.ts';
import * as m from '#paraglide/messages.js';

export interface StepIdentityProps {
  draft: OnboardingDraft;
  onName: (name: string) => void;
  onSlug: (slug: string) => void;
  errors: { name?: string | null | undefined; slug?: string | null | undefined };
}

/** Step 1: the restaurant's name and the address its guests' menu lives at. */
export function StepIdentity(props: StepIdentityProps) {
  return (
    <>
      <Field
        id="onboarding-name"
        label={m.onboarding_name_label()}
        autocomplete="organization"
        maxLength={100}
        value={props.draft.name}
        onInput={(e) => props.onName(e.currentTarget.value)}
        error={props.errors.name}
      />
      <Field
        id="onboarding-slug"
        label={m.onboarding_slug_label()}
        hint={m.onboarding_slug_hint()}
        autocapitalize="none"
        autocomplete="off"
        spellcheck={false}
        maxLength={slugMaxLength}
        value={props.draft.slug}
        onInput={(e) => props.onSlug(e.currentTarget.value)}
        error={props.errors.slug}
      />
    </>
  );
}
