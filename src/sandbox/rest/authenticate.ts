import { SandboxApiError } from '../engine/SandboxApiError.js';

const unauthorized = (message: string) => new SandboxApiError(401, { type: 'invalid_request_error', message });

/** Stripe's own redaction: the mode prefix and the last four characters only. */
const redactKey = (key: string) => `${key.slice(0, key.indexOf('_', 3) + 1)}****${key.slice(-4)}`;

/** Who made the request: a server with a secret (or restricted) key, or Stripe.js with the publishable key. */
export interface Caller {
  key: string;
  publishable: boolean;
}

/**
 * Checks the key the way Stripe does: `Authorization: Bearer <key>` (the SDK) or HTTP Basic with
 * the key as user (curl's `-u sk_test_…:`); without that header, a publishable key in the `key`
 * parameter, as Stripe.js sends it (in the form body, so the browser needs no CORS preflight).
 * The sandbox is test mode only, so live keys are refused too. Failures are Stripe's 401.
 */
export function authenticate(header: string | null, keyParam?: unknown): Caller {
  if (!header && typeof keyParam === 'string' && keyParam.startsWith('pk_')) {
    checkPublishableKey(keyParam);
    return { key: keyParam, publishable: true };
  }
  if (!header) {
    throw unauthorized(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer sk_test_…').",
    );
  }
  let key = '';
  const [scheme = '', credentials = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) key = credentials;
  else if (/^basic$/i.test(scheme)) {
    key = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '';
  }
  if (!key) {
    throw unauthorized("Invalid Authorization header. Use 'Authorization: Bearer sk_test_…' or HTTP Basic with the key as the user name.");
  }
  if (/^(sk|rk)_live_/.test(key)) {
    throw unauthorized(`The embedkit sandbox accepts test-mode keys only; received a live key ${redactKey(key)}. Use any sk_test_… key.`);
  }
  if (!/^(sk|rk)_test_[A-Za-z0-9]+$/.test(key)) {
    throw unauthorized(`Invalid API Key provided: ${key.length > 12 ? redactKey(key) : '****'}. Use a secret test key such as sk_test_123.`);
  }
  return { key, publishable: false };
}

/** Stripe's answer to a publishable key on an endpoint that needs the secret key. */
export const secretKeyRequired = () =>
  new SandboxApiError(403, {
    type: 'invalid_request_error',
    message:
      'This API call cannot be made with a publishable API key. Please use a secret API key (any sk_test_… key on the sandbox), from your server.',
  });

/**
 * Stripe refuses a key of the other mode with its 401; the sandbox is test mode only, so a live (or
 * malformed) publishable key is refused wherever the browser shows one: in Stripe.js's API calls
 * and in the stand-ins' claim of a client secret.
 */
export function checkPublishableKey(key: string): void {
  if (!/^pk_test_[A-Za-z0-9]+$/.test(key)) {
    throw unauthorized(
      `Invalid API Key provided: ${key.length > 12 ? redactKey(key) : '****'}. The sandbox is test mode: use a pk_test_ publishable key with it (any, e.g. pk_test_sandbox), and your live key only with real Stripe.`,
    );
  }
}
