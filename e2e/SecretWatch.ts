import type { BrowserContext, Page } from '@playwright/test';

/** The example backend's secret endpoints (example/src/config.ts). */
const EXAMPLE_SECRET_ENDPOINTS = /\/api\/(account_session|customer_session|financial_connections_session|payment_intent)$/;

/** Where a secret was found, for the failure message (never the secret itself). */
export interface Leak {
  secret: string;
  where: string;
}

/** What the page holds in every client-side store, serialized, read at the end of a test. */
async function browserStores(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const dump = (storage: Storage) => JSON.stringify(Object.fromEntries(Object.entries(storage)));
    const databases: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        databases[`${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const all = db.transaction(store, 'readonly').objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
      }
      db.close();
    }
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: JSON.stringify(databases),
      'document.cookie': document.cookie,
      'location.href': location.href,
      'history.state': JSON.stringify(history.state),
    };
  });
}

/**
 * Records every client secret the example's endpoints hand out, and everything a secret must never
 * reach: requested URLs, navigations (the history), console output and page errors; at the end,
 * Web Storage, IndexedDB and cookies (including HttpOnly ones). The secret itself may only travel
 * in response and request bodies.
 */
export class SecretWatch {
  readonly secrets = new Set<string>();
  private readonly evidence: { where: string; text: string }[] = [];
  private readonly reads: Promise<void>[] = [];

  constructor(
    private readonly page: Page,
    private readonly context: BrowserContext,
    /** The paths of the app's secret endpoints. */
    endpoints: RegExp = EXAMPLE_SECRET_ENDPOINTS,
  ) {
    page.on('response', (response) => {
      if (!endpoints.test(new URL(response.url()).pathname) || !response.ok()) return;
      this.reads.push(
        response
          .json()
          .then((body: { client_secret?: unknown }) => {
            if (typeof body.client_secret === 'string') this.secrets.add(body.client_secret);
          })
          // A body the test deliberately broke (bad JSON) carries no secret.
          .catch(() => undefined),
      );
    });
    page.on('request', (request) => this.evidence.push({ where: `request URL (${request.method()})`, text: request.url() }));
    page.on('framenavigated', (frame) => this.evidence.push({ where: 'navigation/history', text: frame.url() }));
    page.on('console', (message) => this.evidence.push({ where: `console.${message.type()}`, text: message.text() }));
    page.on('pageerror', (error) => this.evidence.push({ where: 'page error', text: `${error.message}\n${error.stack ?? ''}` }));
  }

  /** Every place a collected secret (or its random part) turned up. Call at the end of a test. */
  async leaks(): Promise<Leak[]> {
    await Promise.all(this.reads);
    const places = [...this.evidence];
    // A page that never left about:blank has no storage to read (and no secrets to leak).
    if (!this.page.isClosed() && !this.page.url().startsWith('about:')) {
      for (const [where, text] of Object.entries(await browserStores(this.page))) places.push({ where, text });
    }
    for (const cookie of await this.context.cookies()) places.push({ where: `cookie ${cookie.name}`, text: `${cookie.name}=${cookie.value}` });

    const leaks: Leak[] = [];
    for (const secret of this.secrets) {
      // The random tail alone is as good as the secret: catch it even without its prefix.
      const tail = secret.slice(-20);
      for (const place of places) {
        if (place.text.includes(secret) || place.text.includes(tail)) leaks.push({ secret: redact(secret), where: place.where });
      }
    }
    return leaks;
  }
}

/** How a leak is reported: enough to tell secrets apart, not enough to use one. */
export function redact(secret: string): string {
  return `${secret.slice(0, secret.indexOf('_secret_') + 8)}…${secret.slice(-4)}`;
}
