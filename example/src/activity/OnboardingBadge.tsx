import type { ActivitySnapshot } from '../../server/Activity';

/** Whether Stripe still needs anything from the selected account, as the backend last heard. */
export function OnboardingBadge({ activity, account }: { activity: ActivitySnapshot | null; account: string }) {
  const state = activity?.onboarding[account];
  const text = state === 'complete' ? 'Onboarding complete' : state === 'pending' ? 'Onboarding pending' : 'Onboarding…';
  return (
    <span className="badge" data-state={state ?? 'unknown'} data-testid="onboarding-badge" aria-live="polite">
      {text}
    </span>
  );
}
