import { SandboxApiError } from '../engine/SandboxApiError.js';

/** The Stripe API version the sandbox speaks: the default of the `stripe` package it is built against. */
export const SANDBOX_API_VERSION = '2026-10-28.endive';

/**
 * The release the sandbox models. Versions within one named release are backwards-compatible, and
 * every `stripe@23` pins one of them (23.0.0 pinned 2026-09-30.endive, the first; 23.1.0 pins
 * 2026-10-28.endive), so all of them are answered.
 */
const MODELLED_RELEASE = { name: SANDBOX_API_VERSION.slice(SANDBOX_API_VERSION.indexOf('.') + 1), since: '2026-09-30' };

const VERSION = /^(\d{4})-(\d{2})-(\d{2})(?:\.([a-z]+))?$/;
/** Preview flags after the version: `2026-10-28.endive; some_beta=v1`. */
const BETA = /^[a-z0-9_]+=v\d+$/;

function isCalendarDate(year: string, month: string, day: string): boolean {
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`);
}

const invalidVersion = (version: string) =>
  SandboxApiError.invalid(
    `Invalid Stripe API version: ${version.length > 64 ? `${version.slice(0, 64)}…` : version}. Versions look like ${SANDBOX_API_VERSION}; leave out the Stripe-Version header (or apiVersion in new Stripe(…)) to use the one the stripe package pins.`,
  );

/**
 * The `Stripe-Version` a REST request asks for, checked. No header means the sandbox's version (at
 * Stripe: the account's default). A malformed version is Stripe's 400 "Invalid Stripe API version";
 * a real version of another release is a 400 too, because the sandbox would answer it in shapes its
 * client does not expect. Beta flags on a modelled version are accepted and ignored.
 */
export function checkStripeVersion(header: string | null): string {
  if (header === null) return SANDBOX_API_VERSION;
  const [base = '', ...betas] = header.split(';').map((part) => part.trim());
  const match = VERSION.exec(base);
  if (!match || !isCalendarDate(match[1] as string, match[2] as string, match[3] as string) || !betas.every((beta) => BETA.test(beta))) {
    throw invalidVersion(header);
  }
  const date = base.slice(0, 10);
  const release = match[4];
  if (release === MODELLED_RELEASE.name && date < MODELLED_RELEASE.since) throw invalidVersion(header);
  if (release !== MODELLED_RELEASE.name) {
    throw SandboxApiError.invalid(
      `The embedkit sandbox does not model Stripe API version ${base}: it answers in the shapes of ${SANDBOX_API_VERSION} ` +
        `and accepts any ${MODELLED_RELEASE.name} version (YYYY-MM-DD.${MODELLED_RELEASE.name}, what the stripe package 23.x pins). ` +
        'Remove apiVersion from new Stripe(…) (or the Stripe-Version header) to use the pinned version, or run this client against Stripe test mode.',
    );
  }
  return header;
}
