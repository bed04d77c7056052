/** Anything that looks like a client secret or an API key, wherever it sits in a token. */
const SECRET_LIKE = /\S*_secret_\S*|\b[sr]k_(?:test|live)_\S*/g;

/** `text` with every secret-like token replaced by `[redacted]`, for text that leaves embedkit's hands (messages, logs). */
export function withoutSecrets(text: string): string {
  return text.replace(SECRET_LIKE, '[redacted]');
}
