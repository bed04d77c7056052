import { createAccountSessionHandler, type AccountSessionHandlerOptions } from 'embedkit/server';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { rateLimitWith } from './rateLimitWith';

// One Redis for every instance of the app, so the limit holds however many run.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableOfflineQueue: false });

export const sessionRateLimit = rateLimitWith(
  new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: 'embedkit-session',
    points: 10, // sessions per client address…
    duration: 60, // …per minute
    // While Redis is unreachable, each instance limits on its own instead of failing every request.
    insuranceLimiter: new RateLimiterMemory({ points: 10, duration: 60 }),
  }),
);

export function accountSessionEndpoint(options: Omit<AccountSessionHandlerOptions, 'rateLimit'>) {
  return createAccountSessionHandler({ ...options, rateLimit: sessionRateLimit });
}
