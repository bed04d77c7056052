/** The dashboard's pages, in navigation order. The hash (`#/payments`) selects one. */
export const routes = [
  { path: 'onboarding', label: 'Onboarding', connect: true },
  { path: 'payments', label: 'Payments', connect: true },
  { path: 'payouts', label: 'Payouts & balances', connect: true },
  { path: 'account', label: 'Account management', connect: true },
  { path: 'bank', label: 'Link a bank account', connect: false },
  { path: 'checkout', label: 'Checkout', connect: false },
  { path: 'pricing', label: 'Pricing', connect: false },
] as const;

export type RoutePath = (typeof routes)[number]['path'];

export const defaultRoute: RoutePath = 'payments';

export function routeFromHash(hash: string): RoutePath {
  const path = hash.replace(/^#\/?/, '');
  return routes.find((route) => route.path === path)?.path ?? defaultRoute;
}

/** Whether the page shows Connect embedded components (and so needs the AccountSession). */
export function isConnectRoute(path: RoutePath): boolean {
  return routes.some((route) => route.path === path && route.connect);
}
