import type Stripe from 'stripe';
import type { Fields } from './readParams.js';

const REDISPLAY_FILTERS = ['always', 'limited', 'unspecified'] as const;
const ON_OFF = ['disabled', 'enabled'] as const;
const filters = { type: 'array', items: { type: 'string', enum: REDISPLAY_FILTERS } } as const;
const onOff = { type: 'string', enum: ON_OFF } as const;
const enabledOnly = { type: 'object', fields: { enabled: { type: 'boolean', required: true } } } as const;
const withFeatures = <const F extends Fields>(features: F) =>
  ({ type: 'object', fields: { enabled: { type: 'boolean', required: true }, features: { type: 'object', fields: features } } }) as const;

/** `components[...]` a CustomerSession accepts (`npm:stripe@23.1.0` CustomerSessions.d.ts). */
export const CUSTOMER_SESSION_COMPONENT_PARAMS = {
  active_entitlements: enabledOnly,
  buy_button: enabledOnly,
  customer_portal: enabledOnly,
  pricing_table: enabledOnly,
  customer_sheet: withFeatures({ payment_method_allow_redisplay_filters: filters, payment_method_remove: onOff }),
  mobile_payment_element: withFeatures({
    payment_method_allow_redisplay_filters: filters,
    payment_method_redisplay: onOff,
    payment_method_remove: onOff,
    payment_method_save: onOff,
    payment_method_save_allow_redisplay_override: { type: 'string', enum: REDISPLAY_FILTERS },
  }),
  payment_element: withFeatures({
    payment_method_allow_redisplay_filters: filters,
    payment_method_redisplay: onOff,
    payment_method_redisplay_limit: { type: 'integer', min: 1, max: 10 },
    payment_method_remove: onOff,
    payment_method_save: onOff,
    payment_method_save_usage: { type: 'string', enum: ['off_session', 'on_session'] },
  }),
} as const satisfies Record<keyof Stripe.CustomerSession.Components, Fields[string]>;

type Requested = Partial<Record<keyof Stripe.CustomerSession.Components, { enabled: boolean; features?: Record<string, unknown> }>>;

/**
 * The `components` Stripe answers: every key; features the caller did not set are the documented
 * defaults for the payment element and `null` for the mobile ones, as in Stripe's fixture.
 */
export function fillCustomerSessionComponents(requested: Requested): Stripe.CustomerSession.Components {
  const enabled = (key: keyof Requested) => requested[key]?.enabled ?? false;
  const pe = (requested.payment_element?.features ?? {}) as Partial<Stripe.CustomerSession.Components.PaymentElement.Features>;
  const sheet = requested.customer_sheet?.features as Partial<Stripe.CustomerSession.Components.CustomerSheet.Features> | undefined;
  const mobile = requested.mobile_payment_element?.features as
    | Partial<Stripe.CustomerSession.Components.MobilePaymentElement.Features>
    | undefined;
  return {
    active_entitlements: { enabled: enabled('active_entitlements') },
    buy_button: { enabled: enabled('buy_button') },
    customer_portal: { enabled: enabled('customer_portal') },
    pricing_table: { enabled: enabled('pricing_table') },
    customer_sheet: {
      enabled: enabled('customer_sheet'),
      features: sheet
        ? { payment_method_allow_redisplay_filters: sheet.payment_method_allow_redisplay_filters ?? null, payment_method_remove: sheet.payment_method_remove ?? null }
        : null,
    },
    mobile_payment_element: {
      enabled: enabled('mobile_payment_element'),
      features: mobile
        ? {
            payment_method_allow_redisplay_filters: mobile.payment_method_allow_redisplay_filters ?? null,
            payment_method_redisplay: mobile.payment_method_redisplay ?? null,
            payment_method_remove: mobile.payment_method_remove ?? null,
            payment_method_save: mobile.payment_method_save ?? null,
            payment_method_save_allow_redisplay_override: mobile.payment_method_save_allow_redisplay_override ?? null,
          }
        : null,
    },
    payment_element: {
      enabled: enabled('payment_element'),
      features: {
        payment_method_allow_redisplay_filters: pe.payment_method_allow_redisplay_filters ?? ['always'],
        payment_method_redisplay: pe.payment_method_redisplay ?? 'disabled',
        payment_method_redisplay_limit: pe.payment_method_redisplay_limit ?? null,
        payment_method_remove: pe.payment_method_remove ?? 'disabled',
        payment_method_save: pe.payment_method_save ?? 'disabled',
        payment_method_save_usage: pe.payment_method_save_usage ?? null,
      },
    },
  };
}
