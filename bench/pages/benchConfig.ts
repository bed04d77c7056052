/** The publishable key both pages use; the sandbox accepts any `pk_test_…`. */
export const PUBLISHABLE_KEY = 'pk_test_embedkitbench';
/** The secret endpoint served by bench/startBenchWorld.ts, the same for both pages. */
export const SECRET_ENDPOINT = '/account_session';
