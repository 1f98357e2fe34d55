import { RulesFields, type RulesValue } from '#components/restaurant/rules-fields.tsx';
import type { OnboardingDraft } from '#lib/restaurant/draft.ts';

export interface StepRulesProps {
  draft: OnboardingDraft;
  onChange: (patch: Partial<RulesValue>) => void;
  errors: { taxRate?: string | null | undefined; cutoffHour?: string | null | undefined };
}

/** Step 3: how tax is shown, when the business day ends, and whether guests may order. */
export function StepRules(props: StepRulesProps) {
  return (
    <RulesFields
      idPrefix="onboarding"
      value={props.draft}
      onChange={props.onChange}
      taxRateError={props.errors.taxRate}
      cutoffError={props.errors.cutoffHour}
    />
  );
}
