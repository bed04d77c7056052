interface ImportMetaEnv {
  /** `pk_test_…`: any test key works on the sandbox. */
  readonly VITE_STRIPE_PUBLISHABLE_KEY: string;
}
