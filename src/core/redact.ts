/**
 * The form embedkit prints instead of a client secret, e.g. `accs_secret_…[redacted]`. It keeps
 * only a public, non-secret prefix of Stripe's client secrets, so a reader can tell which session
 * it was and nothing that could be used to claim it. `fcsess_<id>_secret_<random>`: the session
 * id is not secret, but it identifies a bank-linking session, so it is dropped too.
 */
export function redactSecret(value: string): string {
  return `${/^(accs|cuss)_secret_/.exec(value)?.[0] ?? (value.startsWith('fcsess_') ? 'fcsess_…_secret_' : '')}…[redacted]`;
}
