// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectProvider } from '../connect/ConnectProvider.js';
import { CONNECT_JS_URL } from '../../shared/stripeScriptUrls.js';
import { preloadConnect } from './preloadConnect.js';

const hints = () => document.head.querySelectorAll(`link[rel="preload"][href="${CONNECT_JS_URL}"]`);

afterEach(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 5));
  document.head.replaceChildren();
});

describe('preloadConnect', () => {
  it('adds one script preload hint for the URL the official loader uses, however often it is called', () => {
    preloadConnect();
    preloadConnect();
    expect(hints()).toHaveLength(1);
    expect((hints()[0] as HTMLLinkElement).as).toBe('script');
    expect(CONNECT_JS_URL).toBe('https://connect-js.stripe.com/v1.0/connect.js');
  });

  it('names the very URL the installed loader injects, or the hint would download a second script', () => {
    // The loader's own build (Vitest runs from the repository root); it exports neither URL.
    const loader = readFileSync(resolve('node_modules/@stripe/connect-js/dist/pure.esm.js'), 'utf8');
    const injected = /script\.src = (\w+);/.exec(loader)?.[1];
    expect(injected).toBeDefined();
    expect(loader).toContain(`const ${injected} = "${CONNECT_JS_URL}";`);
  });

  it('adds nothing when the loader has already inserted its script', () => {
    document.head.append(Object.assign(document.createElement('script'), { src: CONNECT_JS_URL }));
    preloadConnect();
    expect(hints()).toHaveLength(0);
  });

  it('adds nothing when Connect.js is already on the page, as a sandbox stand-in is', () => {
    vi.stubGlobal('StripeConnect', { init: () => ({}) });
    try {
      preloadConnect();
      expect(hints()).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is what <ConnectProvider> does while it renders, before any effect has run', () => {
    let hintsDuringRender = -1;
    function Probe() {
      hintsDuringRender = hints().length;
      return null;
    }
    render(
      <ConnectProvider publishableKey="pk_test_1" fetchSecret={vi.fn(() => new Promise<never>(() => {}))} fallback={<Probe />} />,
    );
    // The fallback renders after the provider and before its layout effect inserts the loader's script.
    expect(hintsDuringRender).toBe(1);
  });
});
