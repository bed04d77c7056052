import { useEffect, useState } from 'react';
import type { ActivitySnapshot } from '../../server/Activity';
import { endpoints } from '../config';

/** How often an open dashboard asks the backend what its webhooks brought in. */
const POLL_MS = 2000;

/**
 * What the backend knows from Stripe (`/api/activity`), read on mount, every couple of seconds
 * while the tab is visible, and when the window regains focus. Webhooks reach the server, not the
 * browser: polling is the simplest honest way for a page to hear of them. `null` until the first answer.
 */
export function useActivity(): ActivitySnapshot | null {
  const [activity, setActivity] = useState<ActivitySnapshot | null>(null);
  useEffect(() => {
    let controller: AbortController | undefined;
    const load = () => {
      controller?.abort();
      const current = (controller = new AbortController());
      fetch(endpoints.activity, { signal: current.signal, credentials: 'same-origin', cache: 'no-store' })
        .then((response) => (response.ok ? (response.json() as Promise<ActivitySnapshot>) : null))
        .then((snapshot) => snapshot && setActivity(snapshot))
        // A missed poll is retried by the next one; the last known state stays on screen.
        .catch(() => undefined);
    };
    load();
    const timer = setInterval(() => document.visibilityState === 'visible' && load(), POLL_MS);
    window.addEventListener('focus', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', load);
      controller?.abort();
    };
  }, []);
  return activity;
}
