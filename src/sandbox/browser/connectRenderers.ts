import {
  BROWSER_ROUTES,
  type ClaimResponse,
  type SandboxAccountProfile,
  type SandboxBalance,
  type SandboxDispute,
  type SandboxDocument,
  type SandboxPayment,
  type SandboxPayout,
} from '../protocol.js';
import type { ConnectText } from './connectText.js';
import { h } from './h.js';

export interface RenderContext {
  tag: string;
  settings: Readonly<Record<string, unknown>>;
  /** UI state that survives re-renders of one element (e.g. the onboarding step). */
  state: Record<string, unknown>;
  text: ConnectText;
  locale: string;
  components: ClaimResponse['components'];
  load<T>(route: string): Promise<T>;
  /** POSTs a change the user made for the claimed account; every component then shows fresh data. */
  post<T>(route: string): Promise<T>;
  /** Calls the listener given to `setter` (e.g. `setOnExit`), if any. */
  emit(setter: string, payload?: unknown): void;
  rerender(): void;
  money(amount: number, currency: string): string;
  date(unixSeconds: number): string;
}

export interface ConnectRenderer {
  title: string;
  render(ctx: RenderContext): Node | Promise<Node>;
}

type List<T> = { data: T[] };

function table(caption: string, headings: string[], rows: (string | number)[][], text: ConnectText): Node {
  if (rows.length === 0) return h('p', {}, text.none);
  return h(
    'table',
    {},
    h('caption', { class: 'ek-muted' }, caption),
    h('thead', {}, h('tr', {}, ...headings.map((title) => h('th', { scope: 'col' }, title)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
  );
}

function details(entries: [string, string | number][]): Node {
  return h('dl', {}, ...entries.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** Connect's payments filter vocabulary (`Status`) → the sandbox's payment statuses. */
const STATUS_FROM_FILTER: Record<string, SandboxPayment['status']> = {
  successful: 'succeeded',
  pending: 'pending',
  failed: 'failed',
  refunded: 'refunded',
  disputed: 'disputed',
};

type AmountFilter = { equals: number } | { greaterThan: number } | { lessThan: number } | { between: { lowerBound: number; upperBound: number } };

/** Sandbox choice: amount filters compare in the currency's minor unit, as the sandbox stores amounts. */
function matchesAmount(amount: number, filter: AmountFilter | undefined): boolean {
  if (!filter) return true;
  if ('equals' in filter) return amount === filter.equals;
  if ('greaterThan' in filter) return amount > filter.greaterThan;
  if ('lessThan' in filter) return amount < filter.lessThan;
  return amount >= filter.between.lowerBound && amount <= filter.between.upperBound;
}

async function payments(ctx: RenderContext): Promise<Node> {
  const filters = (ctx.settings.setDefaultFilters ?? {}) as { status?: string[]; amount?: AmountFilter };
  const statuses = filters.status?.map((status) => STATUS_FROM_FILTER[status] ?? status);
  const { data } = await ctx.load<List<SandboxPayment>>(BROWSER_ROUTES.payments);
  const shown = data.filter(
    (payment) => (!statuses || statuses.includes(payment.status)) && matchesAmount(payment.amount, filters.amount),
  );
  const active = [filters.status ? `status: ${filters.status.join(', ')}` : '', filters.amount ? `amount: ${JSON.stringify(filters.amount)}` : '']
    .filter(Boolean)
    .join('; ');
  return h(
    'div',
    {},
    active ? h('p', { 'data-testid': 'filters' }, `${ctx.text.filters}: ${active}`) : null,
    table(
      'Payments',
      ['Amount', 'Status', 'Description', 'Customer', 'Date'],
      shown.map((p) => [ctx.money(p.amount, p.currency), p.status, p.description, p.customer_name, ctx.date(p.created)]),
      ctx.text,
    ),
  );
}

function closeButton(ctx: RenderContext): Node {
  return h('button', { type: 'button', class: 'ek-secondary', onclick: () => ctx.emit('setOnClose') }, ctx.text.close);
}

/** A details view of one object chosen with `setPayment`/`setPayout`, with a Close button that calls `onClose`. */
async function detailView<T extends { id: string }>(ctx: RenderContext, setter: string, noun: string, route: string, describe: (item: T) => [string, string | number][]): Promise<Node> {
  const id = ctx.settings[setter] as string | undefined;
  if (!id) return h('p', {}, `No ${noun} selected: call ${setter}(id).`);
  const { data } = await ctx.load<List<T>>(route);
  const item = data.find((candidate) => candidate.id === id);
  return h('div', {}, item ? details(describe(item)) : h('p', { role: 'alert' }, `No such ${noun}: ${id}`), closeButton(ctx));
}

const paymentDetails = (ctx: RenderContext) =>
  detailView<SandboxPayment>(ctx, 'setPayment', 'payment', BROWSER_ROUTES.payments, (payment) => [
    ['Payment', payment.id],
    ['Amount', ctx.money(payment.amount, payment.currency)],
    ['Status', payment.status],
    ['Customer', payment.customer_name],
    ['Payment method', payment.payment_method],
    ['Date', ctx.date(payment.created)],
  ]);

async function paymentDisputes(ctx: RenderContext): Promise<Node> {
  const id = ctx.settings.setPayment as string | undefined;
  const { data } = await ctx.load<List<SandboxDispute>>(BROWSER_ROUTES.disputes);
  const disputes = data.filter((d) => d.payment === id);
  ctx.emit('setOnDisputesLoaded', { total: disputes.length });
  return table('Disputes for this payment', ['Dispute', 'Amount', 'Reason', 'Status'], disputes.map((d) => [d.id, ctx.money(d.amount, d.currency), d.reason, d.status]), ctx.text);
}

async function balanceSummary(ctx: RenderContext): Promise<Node> {
  const balance = await ctx.load<SandboxBalance>(BROWSER_ROUTES.balance);
  const sum = (entries: SandboxBalance['available']) => entries.map((e) => ctx.money(e.amount, e.currency)).join(', ') || '0';
  return details([
    ['Available', sum(balance.available)],
    ['Pending', sum(balance.pending)],
  ]);
}

async function payoutsTable(ctx: RenderContext): Promise<Node> {
  const { data } = await ctx.load<List<SandboxPayout>>(BROWSER_ROUTES.payouts);
  return table('Payouts', ['Payout', 'Amount', 'Status', 'Arrives', 'To'], data.map((p) => [p.id, ctx.money(p.amount, p.currency), p.status, ctx.date(p.arrival_date), `•••• ${p.destination_last4}`]), ctx.text);
}

const payoutDetails = (ctx: RenderContext) =>
  detailView<SandboxPayout>(ctx, 'setPayout', 'payout', BROWSER_ROUTES.payouts, (payout) => [
    ['Payout', payout.id],
    ['Amount', ctx.money(payout.amount, payout.currency)],
    ['Status', payout.status],
    ['Arrives', ctx.date(payout.arrival_date)],
  ]);

/** Sandbox choice: a fixed, short onboarding flow named after steps Connect reports. */
export const ONBOARDING_STEPS = ['business_type', 'business_details', 'external_account', 'summary'] as const;

async function accountOnboarding(ctx: RenderContext): Promise<Node> {
  const profile = await ctx.load<SandboxAccountProfile>(BROWSER_ROUTES.account);
  const options = ctx.settings.setCollectionOptions as { fields?: 'currently_due' | 'eventually_due' } | undefined;
  const requirements = options?.fields === 'eventually_due'
    ? [...profile.requirements.currently_due, ...profile.requirements.eventually_due]
    : profile.requirements.currently_due;
  const index = (ctx.state.step as number | undefined) ?? 0;
  const step = ONBOARDING_STEPS[index] ?? 'summary';
  if (ctx.state.reportedStep !== step) {
    ctx.state.reportedStep = step;
    ctx.emit('setOnStepChange', { step });
  }
  const go = (next: number) => () => {
    ctx.state.step = next;
    ctx.rerender();
  };
  const last = index === ONBOARDING_STEPS.length - 1;
  if (ctx.state.submitted) {
    return h('p', { role: 'status', 'data-testid': 'submitted' }, `${profile.business_name} submitted everything Stripe needs. Nothing more is due.`);
  }
  // Finishing submits what was entered: at Stripe the account's requirements clear and the
  // platform hears account.updated. onExit follows, as Connect.js calls it when the user leaves.
  const submit = () => {
    ctx.state.failed = undefined;
    ctx.post(BROWSER_ROUTES.completeOnboarding).then(
      () => {
        ctx.state.submitted = true;
        ctx.emit('setOnExit');
      },
      (error: unknown) => {
        ctx.state.failed = error instanceof Error ? error.message : 'the sandbox refused the submission';
        ctx.rerender();
      },
    );
  };
  return h(
    'div',
    {},
    h('p', { 'data-testid': 'step' }, `Step ${index + 1} of ${ONBOARDING_STEPS.length}: ${step}`),
    typeof ctx.state.failed === 'string' ? h('p', { role: 'alert' }, `Could not submit: ${ctx.state.failed}`) : null,
    step === 'summary'
      ? h('p', {}, `${profile.business_name} is ready to submit.`)
      : h('p', {}, `Requirements to collect (${options?.fields ?? 'currently_due'}): ${requirements.join(', ') || 'none'}`),
    index > 0 ? h('button', { type: 'button', class: 'ek-secondary', onclick: go(index - 1) }, ctx.text.back) : null,
    last
      ? h('button', { type: 'button', onclick: submit }, ctx.text.finish)
      : h('button', { type: 'button', onclick: go(index + 1) }, ctx.text.next),
  );
}

async function accountManagement(ctx: RenderContext): Promise<Node> {
  const profile = await ctx.load<SandboxAccountProfile>(BROWSER_ROUTES.account);
  const section = (name: string, label: string, value: string) =>
    h('div', {}, h('strong', {}, `${label}: `), value, ' ', h('button', { type: 'button', class: 'ek-secondary', 'aria-label': `${ctx.text.edit} ${label}`, onclick: () => ctx.emit('setOnSectionOpen', { sectionName: name }) }, ctx.text.edit));
  return h('div', {}, section('business_details', 'Business', profile.business_name), section('public_details', 'Email', profile.email), section('country', 'Country', profile.country));
}

async function notificationBanner(ctx: RenderContext): Promise<Node> {
  const { notifications } = await ctx.load<SandboxAccountProfile>(BROWSER_ROUTES.account);
  const key = `${notifications.total}/${notifications.actionRequired}`;
  if (ctx.state.reported !== key) {
    ctx.state.reported = key;
    ctx.emit('setOnNotificationsChange', { total: notifications.total, actionRequired: notifications.actionRequired });
  }
  return h('p', { role: 'status' }, `${notifications.total} notifications, ${notifications.actionRequired} need action.`);
}

async function disputesList(ctx: RenderContext): Promise<Node> {
  const { data } = await ctx.load<List<SandboxDispute>>(BROWSER_ROUTES.disputes);
  return table('Disputes', ['Dispute', 'Payment', 'Amount', 'Reason', 'Status'], data.map((d) => [d.id, d.payment, ctx.money(d.amount, d.currency), d.reason, d.status]), ctx.text);
}

async function documents(ctx: RenderContext): Promise<Node> {
  const { data } = await ctx.load<List<SandboxDocument>>(BROWSER_ROUTES.documents);
  return table('Documents', ['Document', 'Date'], data.map((d) => [d.title, ctx.date(d.created)]), ctx.text);
}

/** Tags without sandbox data: a labelled panel of what the app configured, so setters stay testable. */
export function configurationPanel(ctx: RenderContext): Node {
  const entries = Object.entries(ctx.settings).filter(([method]) => !/^setOn(LoadError|LoaderStart)$/.test(method));
  const key = ctx.tag.replace(/-/g, '_');
  const features = ctx.components?.[key]?.features ?? {};
  return details([
    ...entries.map(([method, value]): [string, string] => [method, typeof value === 'function' ? 'listener set' : JSON.stringify(value) ?? 'undefined']),
    ...Object.entries(features).map(([feature, value]): [string, string] => [`feature ${feature}`, String(value)]),
    ...(entries.length === 0 ? ([['configuration', 'defaults']] as [string, string][]) : []),
  ]);
}

export const CONNECT_RENDERERS: Record<string, ConnectRenderer> = {
  payments: { title: 'Payments', render: payments },
  'payment-details': { title: 'Payment details', render: paymentDetails },
  'payment-disputes': { title: 'Payment disputes', render: paymentDisputes },
  payouts: { title: 'Payouts', render: async (ctx) => h('div', {}, await balanceSummary(ctx), await payoutsTable(ctx)) },
  'payouts-list': { title: 'Payouts list', render: payoutsTable },
  'payout-details': { title: 'Payout details', render: payoutDetails },
  balances: { title: 'Balances', render: balanceSummary },
  'account-onboarding': { title: 'Account onboarding', render: accountOnboarding },
  'account-management': { title: 'Account management', render: accountManagement },
  'notification-banner': { title: 'Notifications', render: notificationBanner },
  'disputes-list': { title: 'Disputes', render: disputesList },
  documents: { title: 'Documents', render: documents },
};

export function rendererFor(tag: string): ConnectRenderer {
  const title = tag.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return CONNECT_RENDERERS[tag] ?? { title, render: configurationPanel };
}
