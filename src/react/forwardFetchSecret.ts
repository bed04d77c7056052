import type { FetchSecret, SessionKind } from '../core/types.js';

/**
 * The `fetchSecret` to hand a long-lived source. A function is wrapped so every request calls the
 * newest one the component rendered with (an inline arrow that closes over an auth token stays
 * fresh); a URL or request description is passed as is so errors keep naming the endpoint.
 */
export function forwardFetchSecret<K extends SessionKind>(latest: () => FetchSecret<K>): FetchSecret<K> {
  const initial = latest();
  if (typeof initial !== 'function') return initial;
  return (context) => {
    const current = latest();
    return typeof current === 'function' ? current(context) : initial(context);
  };
}
