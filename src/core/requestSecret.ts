import { backoffDelay, resolveRetryOptions } from './backoffDelay.js';
import { checkOptions, fetchSecretRule } from './checkOptions.js';
import { hint } from './development.js';
import type { ClientSecret } from './ClientSecret.js';
import { EmbedkitError, type EmbedkitErrorDetails } from './EmbedkitError.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { parseSecretAnswer } from './parseSecretAnswer.js';
import { realClock } from './realClock.js';
import { SESSION_KINDS } from './sessionKinds.js';
import { readServerReason, SERVER_CODE_HINTS } from './serverReason.js';
import { sleep } from './sleep.js';
import type { Clock, FetchSecret, RetryOptions, SecretRequest, SessionKind } from './types.js';

/** Options of {@link requestSecret}. All optional. */
export interface RequestSecretOptions {
  /** Aborting it stops the request and any backoff wait with an `aborted` error. */
  signal?: AbortSignal;
  /** Fields proposed to the server (e.g. `{ account }`), merged into the JSON body or handed to the function. */
  params?: Record<string, unknown>;
  /** Retries for network errors, 5xx and 429; defaults are on {@link RetryOptions}. */
  retry?: RetryOptions;
  /** Drives the backoff waits. Default: the real clock (`Date.now` and the global timers). */
  clock?: Clock;
}

/**
 * Fetches one client secret of `kind` and validates it. Network errors, 5xx and 429 are retried
 * with capped, jittered backoff on `clock`; anything else fails at once with an
 * {@link EmbedkitError} naming the endpoint and the fix.
 */
export async function requestSecret<K extends SessionKind>(fetchSecret: FetchSecret<K>, kind: K, options: RequestSecretOptions = {}): Promise<ClientSecret> {
  const { signal = new AbortController().signal, params = {}, clock = realClock } = options;
  const retry = resolveRetryOptions(options.retry);
  const label = SESSION_KINDS[kind].label;
  // Checked when the source is created too; here for those who call requestSecret directly.
  checkOptions(label, { fetchSecret }, { fetchSecret: fetchSecretRule }, kind);
  const request: SecretRequest | Exclude<FetchSecret<K>, string | SecretRequest> = typeof fetchSecret === 'string' ? { url: fetchSecret } : fetchSecret;
  const method = typeof request === 'function' ? '' : (request.method ?? 'POST').toUpperCase();
  // Query strings and fragments may carry tokens: messages name only the path.
  const endpoint = typeof request === 'function' ? 'fetchSecret function' : `${method} ${request.url.split(/[?#]/)[0]}`;
  const failure = (message: string, fix: () => string | false, details: Omit<EmbedkitErrorDetails, 'kind' | 'endpoint'>) =>
    new EmbedkitError(`${message}${hint(fix)}`, { kind, endpoint, ...details });

  const fetchJson = async (request: SecretRequest): Promise<unknown> => {
    const hasBody = method !== 'GET' && method !== 'HEAD';
    let response: Response;
    try {
      response = await fetch(request.url, {
        method,
        headers: { accept: 'application/json', ...(hasBody ? { 'content-type': 'application/json' } : {}), ...request.headers },
        credentials: request.credentials ?? 'same-origin',
        // The kit's params (e.g. the `account` of <ConnectProvider>) describe this very session, so
        // they win over static fields of the request description.
        body: hasBody ? JSON.stringify({ ...request.body, ...params }) : null,
        signal,
      });
    } catch (cause) {
      if (signal.aborted) throw cause;
      throw failure(
        `Could not reach the ${label} endpoint ${endpoint} (network error).`,
        () => process.env.NODE_ENV !== 'production' && 'Check the URL, that the server is running, and that it allows this origin (CORS).',
        { code: 'network', retryable: true, cause },
      );
    }
    if (!response.ok) {
      // Only the checked code and embedkit's own capped message are read from the body: it could
      // echo anything, secrets included.
      const reason = await readServerReason(response);
      const { status } = response;
      const retryable = status >= 500 || status === 429;
      // The server's own words first (embedkit/server's name the fix), then where to look from here.
      const said = reason ? ` ${reason.code}${reason.message ? `: ${reason.message.replace(/\.?$/, '.')}` : '.'}` : '.';
      throw failure(
        `The ${label} endpoint ${endpoint} answered HTTP ${status}${said}`,
        () =>
          process.env.NODE_ENV !== 'production' &&
          ((reason && SERVER_CODE_HINTS[reason.code]) ??
            (retryable
              ? 'The server failed or is rate limited; embedkit retried with backoff. Check the server logs.'
              : 'Check the endpoint URL, method, and that the user is signed in and allowed to create this session.')),
        {
          code: 'http',
          status,
          ...(reason && { serverCode: reason.code }),
          retryable,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now()),
        },
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const problem = /^\s*</.test(text)
        ? `answered an HTML page instead of JSON${hint(() => process.env.NODE_ENV !== 'production' && '(often a dev server serving index.html for an unknown route, or a proxy error page)')}`
        : 'answered something that is not JSON';
      throw failure(
        `The ${label} endpoint ${endpoint} ${problem}.`,
        () => process.env.NODE_ENV !== 'production' && 'Point fetchSecret at the route that creates the session and responds with JSON.',
        { code: 'invalid_response', field: 'body' },
      );
    }
  };

  const run = (): Promise<unknown> =>
    typeof request === 'function'
      ? untilAborted(
          Promise.resolve()
            .then(() => request({ signal, kind, params }))
            .catch((cause: unknown) => {
              if (cause instanceof EmbedkitError) throw cause;
              // A throwing function usually means its own fetch failed: worth retrying. The
              // message stays generic because the function's error text is out of our hands.
              throw failure(`The ${label} fetchSecret function threw (see cause).`, () => process.env.NODE_ENV !== 'production' && 'Check the request it makes and its server.', {
                code: 'network',
                retryable: true,
                cause,
              });
            }),
          signal,
        )
      : fetchJson(request);

  const aborted = (cause?: unknown) =>
    failure(
      `The ${label} request to ${endpoint} was aborted.`,
      () => process.env.NODE_ENV !== 'production' && 'Nothing is subscribed to this session any more, or the request was cancelled.',
      { code: 'aborted', cause },
    );

  for (let number = 1; ; number++) {
    if (signal.aborted) throw aborted();
    try {
      return parseSecretAnswer(await run(), kind, { endpoint, nowMs: clock.now() });
    } catch (error) {
      if (signal.aborted) throw aborted(error);
      if (!(error instanceof EmbedkitError) || !error.retryable || number >= retry.attempts) throw error;
      // A server asking for a longer pause than our budget is better answered later than hammered now.
      if ((error.retryAfterMs ?? 0) > retry.maxDelayMs) throw error;
      await sleep(clock, Math.max(backoffDelay(number, retry), error.retryAfterMs ?? 0), signal);
    }
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts even if the promise ignores it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
