/**
 * Public, non-secret prefixes of Stripe client secrets. A redacted form keeps only the prefix so a
 * reader can tell which session it was, and nothing that could be used to claim it.
 */
const KNOWN_PREFIXES = ['accs_secret_', 'cuss_secret_'] as const;

/** The form embedkit prints instead of a client secret, e.g. `accs_secret_…[redacted]`. */
export function redactSecret(value: string): string {
  const prefix = KNOWN_PREFIXES.find((known) => value.startsWith(known));
  if (prefix) return `${prefix}…[redacted]`;
  // `fcsess_<id>_secret_<random>`: the session id is not secret, but it identifies a bank-linking
  // session, so it is dropped too.
  if (value.startsWith('fcsess_')) return 'fcsess_…_secret_…[redacted]';
  return '…[redacted]';
}
