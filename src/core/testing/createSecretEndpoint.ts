import type { Clock, FetchSecretContext, SessionKind } from '../types.js';

const PREFIX: Record<SessionKind, string> = {
  account_session: 'accs_secret_',
  customer_session: 'cuss_secret_',
  financial_connections_session: 'fcsess_test_secret_',
};

export interface SecretEndpointOptions<K extends SessionKind> {
  kind: K;
  clock: Clock;
  /** Lifetime of each issued secret. Default 1800 (30 min). */
  lifetimeSeconds?: number;
}

/** A stand-in for an app's secret endpoint, as a `fetchSecret` function, for tests. */
export interface SecretEndpoint<K extends SessionKind> {
  /** Answers `expires_at` for every kind, as a server may: a Financial Connections session ignores it. */
  fetchSecret: (context: FetchSecretContext<K>) => Promise<{ client_secret: string; expires_at: number }>;
  /** What each call received. */
  calls: FetchSecretContext<K>[];
  /** Every secret issued, in order; each is unique and recognisable (`…_secret_TEST<n>`). */
  issued: string[];
  /** The next `count` calls reject with `error`. */
  failNext(error: unknown, count?: number): void;
  /** The next call waits until the returned function is called (or its signal aborts). */
  holdNext(): () => void;
}

/** Answers like a real endpoint: a fresh secret per call, expiring `lifetimeSeconds` after the clock's now. */
export function createSecretEndpoint<K extends SessionKind>({ kind, clock, lifetimeSeconds = 1800 }: SecretEndpointOptions<K>): SecretEndpoint<K> {
  const calls: FetchSecretContext<K>[] = [];
  const issued: string[] = [];
  const failures: unknown[] = [];
  const holds: Promise<void>[] = [];

  return {
    calls,
    issued,
    failNext(error, count = 1) {
      for (let i = 0; i < count; i++) failures.push(error);
    },
    holdNext() {
      let release!: () => void;
      holds.push(new Promise<void>((resolve) => (release = resolve)));
      return release;
    },
    async fetchSecret(context) {
      calls.push(context);
      const hold = holds.shift();
      if (hold) {
        await new Promise<void>((resolve, reject) => {
          context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true });
          void hold.then(resolve);
        });
      }
      if (failures.length > 0) throw failures.shift();
      const secret = `${PREFIX[kind]}TEST${issued.length + 1}`;
      issued.push(secret);
      return { client_secret: secret, expires_at: Math.floor(clock.now() / 1000) + lifetimeSeconds };
    },
  };
}
