import { describe, expect, it } from 'vitest';
import { undeclaredPackage } from '../../scripts/gates/undeclaredPackage';

const node = (name: string) => `Cannot find package '${name}' imported from /tmp/consumer/node_modules/embedkit/dist/sandbox/playwright.js`;
const typescript = (name: string) => `Cannot find module '${name}' or its corresponding type declarations.`;

describe('undeclaredPackage', () => {
  it('names the package from Node and TypeScript messages, scoped or not', () => {
    expect(undeclaredPackage(node('@playwright/test'), ['react'])).toBe('@playwright/test');
    expect(undeclaredPackage(typescript('vite'), ['react'])).toBe('vite');
  });

  it('names the package, not the subpath, for deep imports', () => {
    expect(undeclaredPackage(typescript('playwright/test'), [])).toBe('playwright');
    expect(undeclaredPackage(typescript('@stripe/connect-js/pure'), [])).toBe('@stripe/connect-js');
  });

  it('says nothing for declared packages, relative paths and other errors', () => {
    expect(undeclaredPackage(node('react'), ['react'])).toBeNull();
    expect(undeclaredPackage(typescript('./react/x'), [])).toBeNull();
    expect(undeclaredPackage("Relative import paths need explicit file extensions. Did you mean './x.js'?", [])).toBeNull();
  });
});
