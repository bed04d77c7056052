import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimit } from 'embedkit/server';

/** embedkit's `rateLimit` hook, backed by any rate-limiter-flexible limiter (Redis, Postgres, Memcached…). */
export function rateLimitWith(limiter: RateLimiterAbstract): RateLimit {
  return async (_request, { clientAddress }) => {
    try {
      // One key per client address; requests without one (a caller that passed none) share a key.
      await limiter.consume(clientAddress ?? 'unknown-client');
      return null;
    } catch (rejection) {
      // The limit: refuse with 429 and Retry-After. Anything else (the store failed) is thrown on:
      // the handler answers 500 and onError gets it, unless the limiter has an insuranceLimiter.
      if (rejection instanceof RateLimiterRes) return { retryAfterSeconds: rejection.msBeforeNext / 1000 };
      throw rejection;
    }
  };
}
