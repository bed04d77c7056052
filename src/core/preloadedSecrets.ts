import type { FirstSecret } from './AccountSessionSource.js';
import { parseSecretAnswer } from './parseSecretAnswer.js';
import { requestAnswer } from './requestSecret.js';
import { ACCOUNT_SESSION } from './sessionKinds.js';
import type { FetchSecret } from './types.js';

/**
 * How long a preloaded secret waits for its `<ConnectProvider>`. Long enough for a preload on a
 * link's hover or in a route loader; short enough that an AccountSession nobody used is not held
 * (and so kept in memory) for most of its life.
 */
const UNADOPTED_MS = 60_000;

interface Preloaded extends FirstSecret {
  timer: ReturnType<typeof setTimeout>;
}

/** Browser only (never on a server, where a module-level secret would outlive its request). */
const preloaded = new Map<string, Preloaded>();

const keyOf = (scope: string, account: string | null) => JSON.stringify([scope, account]);

/**
 * Starts fetching the first AccountSession secret for `(scope, account)` now, unless one is on its
 * way already. The source created for that pair takes it ({@link takePreloadedSecret}); if none
 * does within a minute, the request is aborted and the secret dropped.
 */
export function preloadSecret(scope: string, account: string | null, fetchSecret: FetchSecret<'account_session'>): void {
  const key = keyOf(scope, account);
  if (preloaded.has(key)) return;
  const controller = new AbortController();
  const promise = requestAnswer(fetchSecret, ACCOUNT_SESSION, { signal: controller.signal, params: account === null ? {} : { account } }, parseSecretAnswer);
  // Its failure belongs to the provider that takes it (state and onError); untaken, to nobody.
  promise.catch(() => {});
  // Untaken within the minute: taken here, and its request aborted.
  const timer = setTimeout(() => takePreloadedSecret(scope, account)?.abort(), UNADOPTED_MS);
  preloaded.set(key, { promise, abort: () => controller.abort(), timer });
}

/** The preloaded first secret for `(scope, account)`, handed out once. */
export function takePreloadedSecret(scope: string, account: string | null): FirstSecret | null {
  const key = keyOf(scope, account);
  const entry = preloaded.get(key) ?? null;
  preloaded.delete(key);
  clearTimeout(entry?.timer);
  return entry;
}
