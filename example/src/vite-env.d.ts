/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `pk_test_…`; with the sandbox, example/vite.config.ts supplies the sandbox's own key. */
  readonly VITE_STRIPE_PUBLISHABLE_KEY?: string;
  /** `prctbl_…` from the Stripe Dashboard; the sandbox accepts any id. */
  readonly VITE_STRIPE_PRICING_TABLE_ID?: string;
  /** `buy_btn_…` from the Stripe Dashboard; the sandbox accepts any id. */
  readonly VITE_STRIPE_BUY_BUTTON_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
