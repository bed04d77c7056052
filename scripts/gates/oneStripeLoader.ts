/**
 * Gate: an app that follows the README's Elements snippet (`loadStripe` from embedkit next to
 * `useCustomerSession`) and links banks (`useFinancialConnections`, which loads Stripe.js itself)
 * bundles ONE Stripe.js loader. The same app importing `loadStripe` from
 * `@stripe/stripe-js` instead is built too, to show the check sees two loaders when there are two.
 * Runs on the built package (dist) with the repo's Vite, in a scratch folder inside node_modules
 * so the app resolves the same peers as a user's would.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Once in each copy of Stripe's loader (its `pure` and its side-effect entry alike). */
const LOADER_MARK = 'Stripe.js not available';

const app = (loadStripeFrom: string) => `
import { createRoot } from 'react-dom/client';
import { Elements } from '@stripe/react-stripe-js';
import { useCustomerSession, useFinancialConnections } from 'embedkit';
import { loadStripe } from '${loadStripeFrom}';
const stripePromise = loadStripe('pk_test_bundle');
function Checkout() {
  const session = useCustomerSession({ fetchSecret: '/api/customer-session' });
  const bank = useFinancialConnections({ publishableKey: 'pk_test_bundle', fetchSecret: '/api/fc-session' });
  if (bank.ready) void bank.open();
  return session.clientSecret ? <Elements stripe={stripePromise} options={{ customerSessionClientSecret: session.clientSecret }} /> : null;
}
createRoot(document.body).render(<Checkout />);
`;

async function loadersIn(scratch: string, name: string, loadStripeFrom: string): Promise<number> {
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tsx'), app(loadStripeFrom));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.tsx"></script>');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'error',
    resolve: { alias: { embedkit: join(root, 'dist/index.js') } },
    build: { outDir: join(dir, 'out'), minify: false },
  });
  const assets = join(dir, 'out/assets');
  const code = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(assets, file), 'utf8'))
    .join('\n');
  return code.split(LOADER_MARK).length - 1;
}

const scratch = mkdtempSync(join(root, 'node_modules/.embedkit-loader-gate-'));
try {
  const [withEmbedkit, withStripeJs] = [await loadersIn(scratch, 'embedkit', 'embedkit'), await loadersIn(scratch, 'stripe-js', '@stripe/stripe-js')];
  if (withStripeJs < 2) {
    console.error(`one Stripe.js loader gate: the check found ${withStripeJs} loader(s) in the app that imports @stripe/stripe-js; expected 2. Update LOADER_MARK.`);
    process.exit(1);
  }
  if (withEmbedkit !== 1) {
    console.error(`one Stripe.js loader gate: the README's Elements snippet bundles ${withEmbedkit} Stripe.js loaders; expected 1 (embedkit's loadStripe must be the one embedkit uses).`);
    process.exit(1);
  }
  console.log(`one Stripe.js loader gate: embedkit's loadStripe + useCustomerSession + useFinancialConnections → ${withEmbedkit} loader; with @stripe/stripe-js's loadStripe → ${withStripeJs}.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
