import { useEffect, useMemo, useRef, useState } from 'react';
import type { BankAccountToken, FinancialConnectionsSession, Stripe, StripeError } from '@stripe/stripe-js';
import { fetchSecretRule, publishableKeyRule } from '../../core/checkOptions.js';
import { development } from '../../core/development.js';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import { readSecret } from '../../core/parseSecretAnswer.js';
import { requestAnswer } from '../../core/requestSecret.js';
import { FINANCIAL_CONNECTIONS_SESSION } from '../../core/sessionKinds.js';
import type { FetchSecret, RetryOptions } from '../../core/types.js';
import { STRIPE_JS_URL } from '../../shared/stripeScriptUrls.js';
import { loadCheckedStripe } from './loadStripe.js';
import { useLatest } from '../useLatest.js';
import { useOptionsProblem } from '../useOptionsProblem.js';

/** `'accounts'` links accounts; `'bank_account_token'` also makes a bank account token (Connect external accounts). */
export type FinancialConnectionsMode = 'accounts' | 'bank_account_token';

/** How a bank-linking flow ended. `collect*` errors resolve here as `failed`; `open()` never rejects. */
export type FinancialConnectionsResult<M extends FinancialConnectionsMode = FinancialConnectionsMode> =
  | {
      type: 'linked';
      accounts: FinancialConnectionsSession.Account[];
      session: FinancialConnectionsSession;
      /** Present in `bank_account_token` mode. */
      token: M extends 'bank_account_token' ? BankAccountToken : undefined;
    }
  /** The user closed the flow without linking: Stripe reports that as an empty account list. */
  | { type: 'cancelled'; session: FinancialConnectionsSession | null }
  /** Stripe's error, the secret request's {@link EmbedkitError}, or why Stripe.js is unavailable. */
  | { type: 'failed'; error: StripeError | EmbedkitError | Error };

/** What `collectFinancialConnectionsAccounts` or `collectBankAccountToken` resolved to. */
type CollectResult =
  | { financialConnectionsSession: FinancialConnectionsSession; token?: BankAccountToken; error?: undefined }
  | { financialConnectionsSession: undefined; token?: undefined; error: StripeError };

/** Options of {@link useFinancialConnections}: a publishable key (Stripe.js is loaded once) or your own `stripe`. */
export type UseFinancialConnectionsOptions<M extends FinancialConnectionsMode = 'accounts'> = (
  | { publishableKey: string; stripe?: never }
  | { stripe: Stripe | Promise<Stripe | null> | null; publishableKey?: never }
) & {
  /** Where Financial Connections session secrets come from; called fresh on every `open()`. */
  fetchSecret: FetchSecret<'financial_connections_session'>;
  /** Default `'accounts'`. */
  mode?: M;
  /** Fields to propose to the server with the request. */
  params?: Record<string, unknown>;
  /** Retries of the secret request (network errors, 5xx, 429); defaults are on {@link RetryOptions}. */
  retry?: RetryOptions;
  /**
   * The user linked at least one account; called with the result `open()` resolves to. The latest
   * callbacks are used (an inline function is fine), and none is called after unmount.
   */
  onSuccess?: (result: Extract<FinancialConnectionsResult<M>, { type: 'linked' }>) => void;
  /** The user closed Stripe's flow without linking an account. */
  onCancel?: () => void;
  /**
   * The flow failed: Stripe's error, the secret request's `EmbedkitError`, or why Stripe.js is
   * unavailable.
   */
  onError?: (error: Extract<FinancialConnectionsResult<M>, { type: 'failed' }>['error']) => void;
};

/** Narrows by `status`: `loading` Stripe.js, `ready` to open, a flow is `open`, or Stripe.js failed to load (`error`). */
export type UseFinancialConnectionsResult<M extends FinancialConnectionsMode = 'accounts'> = {
  /**
   * Fetches a fresh session secret and opens Stripe's flow. Safe at any time: before Stripe.js is
   * ready it waits; while a flow is open it returns that flow's promise. Never rejects.
   */
  open: () => Promise<FinancialConnectionsResult<M>>;
  /** How the last flow ended. */
  result: FinancialConnectionsResult<M> | null;
} &
  (
    | { status: 'loading'; ready: false; error: null }
    | { status: 'ready' | 'open'; ready: true; error: null }
    | { status: 'error'; ready: false; error: Error }
  );

/** Stripe.js for the flow: loading (`null`), ready (`true`), or why it is unavailable. */
type Loaded = true | Error | null;

const FC = FINANCIAL_CONNECTIONS_SESSION.kind;

/** Why there is no Stripe.js to open the flow with; Stripe's own load failure (any error but ours) is kept as the cause. */
const notAvailable = (cause?: unknown) =>
  cause instanceof EmbedkitError
    ? cause
    : new EmbedkitError(
        `Stripe.js is not available to useFinancialConnections.${development() && process.env.NODE_ENV !== 'production' ? ' It was given no Stripe instance, or Stripe.js could not load in this environment (offline, or blocked by a Content-Security-Policy or an ad blocker).' : ''}`,
        { code: 'network', kind: FC, endpoint: STRIPE_JS_URL, cause },
      );

/**
 * Bank linking with Stripe Financial Connections, shaped like react-plaid-link's hook:
 * `{ open, ready, status, result, error }`.
 */
export function useFinancialConnections<M extends FinancialConnectionsMode = 'accounts'>(options: UseFinancialConnectionsOptions<M>): UseFinancialConnectionsResult<M> {
  // Wrong options become the hook's error state (and a failed open()), never a render error.
  // A publishable key is required unless the app passes its own `stripe`.
  const problem = useOptionsProblem('useFinancialConnections', options, { fetchSecret: fetchSecretRule, publishableKey: { ...publishableKeyRule, required: options?.stripe === undefined } }, FC);
  const { publishableKey, stripe } = options ?? {};
  // Loads Stripe.js for these options. Made during render (nothing runs until it is called), so
  // open() has it even before the effect below started the load. With a key, a failed load is tried
  // again when open() calls it (the shared loader forgets failures): a click is the user asking again.
  const load = useMemo(
    () => (problem ? null : async () => (stripe === undefined ? loadCheckedStripe(publishableKey!) : stripe)),
    [publishableKey, stripe, problem],
  );
  const latest = useLatest({ ...options, problem, load });
  /** The open flow's promise and the controller of its secret request. */
  const flow = useRef<[Promise<FinancialConnectionsResult<M>>, AbortController] | null>(null);
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [result, setResult] = useState<FinancialConnectionsResult<M> | null>(null);
  const [isOpen, setIsOpen] = useState(false);

  useEffect(() => {
    let current = true;
    setLoaded(problem);
    load?.().then(
      (stripe) => current && setLoaded(stripe ? true : notAvailable()),
      (error: unknown) => current && setLoaded(notAvailable(error)),
    );
    return () => {
      current = false;
    };
  }, [load, problem]);

  // Unmounting cancels a secret request still in flight; Stripe's modal, once open, is the user's.
  useEffect(() => () => flow.current?.[1].abort(), []);

  const open = useMemo(() => (): Promise<FinancialConnectionsResult<M>> => {
    if (flow.current) return flow.current[0];
    const controller = new AbortController();
    const run = async (): Promise<FinancialConnectionsResult<M>> => {
      // The options at the click.
      const current = latest.current;
      if (current.problem) throw current.problem;
      const loaded = await current.load!().catch((error: unknown) => {
        throw notAvailable(error);
      });
      if (!loaded) throw notAvailable();
      // The options' params and retry, and the flow's signal. The secret goes straight to Stripe.js.
      const collect = { clientSecret: await requestAnswer(current.fetchSecret, FINANCIAL_CONNECTIONS_SESSION, { ...current, signal: controller.signal }, readSecret) };
      const answer: CollectResult = await (current.mode === 'bank_account_token' ? loaded.collectBankAccountToken(collect) : loaded.collectFinancialConnectionsAccounts(collect));
      // Stripe's error → failed; no account → cancelled (that is how Stripe reports a closed flow).
      if (answer.error) return { type: 'failed', error: answer.error };
      const session = answer.financialConnectionsSession;
      return (session.accounts.length ? { type: 'linked', accounts: session.accounts, session, token: answer.token } : { type: 'cancelled', session }) as FinancialConnectionsResult<M>;
    };
    const promise = run()
      .catch((error: unknown): FinancialConnectionsResult<M> => ({ type: 'failed', error: error instanceof Error ? error : notAvailable(error) }))
      .then((ended) => {
        flow.current = null;
        // Unmounted mid-request: the caller still gets its `failed` answer, the gone UI no callbacks.
        if (controller.signal.aborted) return ended;
        setIsOpen(false);
        setResult(ended);
        if (ended.type === 'linked') latest.current.onSuccess?.(ended);
        else if (ended.type === 'cancelled') latest.current.onCancel?.();
        else latest.current.onError?.(ended.error);
        return ended;
      });
    flow.current = [promise, controller];
    setIsOpen(true);
    return promise;
  }, [latest]);

  return useMemo(() => {
    const ready = loaded === true;
    return { status: ready ? (isOpen ? 'open' : 'ready') : loaded ? 'error' : 'loading', ready, error: ready ? null : loaded, open, result } as UseFinancialConnectionsResult<M>;
  }, [loaded, isOpen, open, result]);
}
