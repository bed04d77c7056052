/**
 * Public, non-secret prefixes of Stripe client secrets. A redacted form keeps only the prefix so a
 * reader can tell which session it was, and nothing that could be used to claim it.
 * `fcsess_<id>_secret_<random>`: the session id is not secret, but it identifies a bank-linking
 * session, so it is dropped too.
 */
const KNOWN_PREFIX = /^(?:accs_secret_|cuss_secret_|fcsess_)/;

/** The form embedkit prints instead of a client secret, e.g. `accs_secret_…[redacted]`. */
export function redactSecret(value: string): string {
  const prefix = KNOWN_PREFIX.exec(value)?.[0] ?? '';
  return `${prefix === 'fcsess_' ? 'fcsess_…_secret_' : prefix}…[redacted]`;
}
