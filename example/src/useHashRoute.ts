import { useSyncExternalStore } from 'react';
import { routeFromHash, type RoutePath } from './routes';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current page, from `location.hash`. Hash routing keeps the example free of a router dependency. */
export function useHashRoute(): RoutePath {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}
