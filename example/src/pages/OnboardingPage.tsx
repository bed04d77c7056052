import { useState } from 'react';
import { ConnectAccountOnboarding } from 'embedkit';
import { Page } from '../layout/Page';

export function OnboardingPage() {
  const [exited, setExited] = useState(false);
  return (
    <Page title="Onboarding" intro="Stripe collects what it needs to know about this seller, in your dashboard.">
      {exited ? <p role="status">Onboarding closed. What was entered is kept; the badge above turns complete when Stripe reports, by webhook, that nothing more is due.</p> : null}
      <ConnectAccountOnboarding onExit={() => setExited(true)} />
    </Page>
  );
}
