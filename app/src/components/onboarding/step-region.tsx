import { RegionFields, type RegionValue } from '#components/restaurant/region-fields.tsx';
import type { OnboardingDraft } from '#lib/restaurant/draft.ts';

export interface StepRegionProps {
  draft: OnboardingDraft;
  onCountry: (country: string) => void;
  onChange: (patch: Partial<RegionValue>) => void;
  errors: Partial<Record<keyof RegionValue, string | null>>;
}

/** Step 2: the country, which suggests the currency, time zone, receipt language and tax below. */
export function StepRegion(props: StepRegionProps) {
  return (
    <RegionFields
      idPrefix="onboarding"
      value={props.draft}
      onCountry={props.onCountry}
      onChange={props.onChange}
      errors={props.errors}
    />
  );
}
