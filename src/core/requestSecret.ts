import { backoffDelay, resolveRetryOptions } from './backoffDelay.js';
import { checkOptions, fetchSecretRule } from './checkOptions.js';
import { development } from './development.js';
import type { ClientSecret } from './ClientSecret.js';
import { EmbedkitError, type EmbedkitErrorDetails } from './EmbedkitError.js';
import { parseRetryAfter } from './parseRetryAfter.js';
import { parseSecretAnswer, type ParseContext } from './parseSecretAnswer.js';
import { realClock } from './realClock.js';
import { SESSION_KINDS, type SessionKindInfo } from './sessionKinds.js';
import { readServerReason, SERVER_CODE_HINTS } from './serverReason.js';
import { sleep, untilAborted } from './sleep.js';
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
  const info = SESSION_KINDS[kind];
  // Checked when the source is created too; here for those who call requestSecret directly.
  checkOptions(info.label, { fetchSecret }, { fetchSecret: fetchSecretRule }, kind);
  return requestAnswer(fetchSecret, info, options, parseSecretAnswer);
}

/**
 * {@link requestSecret}'s requests, retries and errors, with `parse` checking each answer (its
 * errors end the request, they are not retried). The Financial Connections flow passes
 * `readSecret`, so its bundle carries neither `expires_at` checks nor {@link ClientSecret}.
 */
export async function requestAnswer<K extends SessionKind, T>(
  fetchSecret: FetchSecret<K>,
  info: SessionKindInfo<K>,
  options: RequestSecretOptions,
  parse: (answer: unknown, info: SessionKindInfo<K>, context: ParseContext) => T,
): Promise<T> {
  const { kind, label } = info;
  const { signal = new AbortController().signal, params = {}, clock = realClock } = options;
  const retry = resolveRetryOptions(options.retry);
  const request: SecretRequest | Exclude<FetchSecret<K>, string | SecretRequest> = typeof fetchSecret === 'string' ? { url: fetchSecret } : fetchSecret;
  const isFunction = typeof request === 'function';
  const method = isFunction ? '' : (request.method ?? 'POST').toUpperCase();
  const hasBody = !/^(GET|HEAD)$/.test(method);
  // Query strings and fragments may carry tokens: messages name only the path.
  const endpoint = isFunction ? 'fetchSecret function' : `${method} ${request.url.split(/[?#]/)[0]}`;
  const where = `The ${label} endpoint ${endpoint}`;
  const failure = (message: string, details: Omit<EmbedkitErrorDetails, 'kind' | 'endpoint'>) => new EmbedkitError(message, { kind, endpoint, ...details });
  const refuse: ParseContext['refuse'] = (field, problem, fix, code = 'invalid_response') => failure(`${where} answered ${problem}.${fix}`, { code, field });

  const answer = async (): Promise<unknown> => {
    // The function's promise is raced with the signal: it may ignore it.
    if (isFunction) return untilAborted(() => request({ signal, kind, params }), signal);
    // A failure to connect (or mid-body) rejects here and becomes a `network` error below.
    const response = await fetch(request.url, {
      method,
      headers: { accept: 'application/json', ...(hasBody && { 'content-type': 'application/json' }), ...request.headers },
      // Unset, fetch's own default: same-origin.
      credentials: request.credentials,
      // The kit's params (e.g. the `account` of <ConnectProvider>) describe this very session, so
      // they win over static fields of the request description.
      body: hasBody ? JSON.stringify({ ...request.body, ...params }) : null,
      signal,
    });
    if (!response.ok) {
      // Only the checked code and embedkit's own capped message are read from the body: it could
      // echo anything, secrets included.
      const reason = await readServerReason(response);
      const { status } = response;
      const retryable = status >= 500 || status === 429;
      // In development, the server's own words first (embedkit/server's name the fix), then where to look from here.
      throw failure(
        `${where} answered HTTP ${status}${reason ? ` ${reason.code}` : ''}.${
          development() && process.env.NODE_ENV !== 'production'
            ? ` ${reason?.message ? `${reason.message.replace(/\.?$/, '.')} ` : ''}${
                (reason && SERVER_CODE_HINTS[reason.code]) ??
                (retryable
                  ? 'The server failed or is rate limited; embedkit retried with backoff. Check the server logs.'
                  : 'Check the endpoint URL, method, and that the user is signed in and allowed to create this session.')
              }`
            : ''
        }`,
        {
          code: 'http',
          status,
          serverCode: reason?.code,
          retryable,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now()),
        },
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw refuse(
        'body',
        'something that is not JSON',
        development() && process.env.NODE_ENV !== 'production'
          ? ` Point fetchSecret at the route that creates the session and responds with JSON.${/^\s*</.test(text) ? ' It answered an HTML page instead (often a dev server serving index.html for an unknown route, or a proxy error page).' : ''}`
          : '',
      );
    }
  };

  for (let number = 1; ; number++) {
    try {
      // An aborted signal rejects at once: fetch's own, or untilAborted's for a function.
      return parse(await answer(), info, { refuse, nowMs: clock.now() });
    } catch (caught) {
      // Anything else than embedkit's own errors is a failed connection, or a function whose own
      // fetch failed (its message is out of our hands): both worth retrying.
      const error = signal.aborted
        ? failure(`${where}: the request was aborted.${development() && process.env.NODE_ENV !== 'production' ? ' Nothing is subscribed to this session any more, or the request was cancelled.' : ''}`, {
            code: 'aborted',
            cause: caught,
          })
        : caught instanceof EmbedkitError
          ? caught
          : failure(
              isFunction
                ? `The ${label} fetchSecret function threw (see cause).${development() && process.env.NODE_ENV !== 'production' ? ' Check the request it makes and its server.' : ''}`
                : `Could not reach the ${label} endpoint ${endpoint} (network error).${
                    development() && process.env.NODE_ENV !== 'production' ? ' Check the URL, that the server is running, and that it allows this origin (CORS).' : ''
                  }`,
              { code: 'network', retryable: true, cause: caught },
            );
      // A server asking for a longer pause than our budget is better answered later than hammered now
      // (none asked: `undefined > …` is false).
      if (!error.retryable || number >= retry.attempts || error.retryAfterMs! > retry.maxDelayMs) throw error;
      await sleep(clock, Math.max(backoffDelay(number, retry), error.retryAfterMs ?? 0), signal);
    }
  }
}
