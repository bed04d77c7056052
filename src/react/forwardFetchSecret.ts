import type { FetchSecret } from '../core/types';

/**
 * The `fetchSecret` to hand a long-lived source. A function is wrapped so every request calls the
 * newest one the component rendered with (an inline arrow that closes over an auth token stays
 * fresh); a URL or request description is passed as is so errors keep naming the endpoint.
 */
export function forwardFetchSecret(latest: { readonly current: FetchSecret }): FetchSecret {
  const initial = latest.current;
  if (typeof initial !== 'function') return initial;
  return (context) => {
    const current = latest.current;
    return typeof current === 'function' ? current(context) : initial(context);
  };
}
