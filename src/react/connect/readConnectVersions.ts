// Neither package exports its version, and reading their package.json would ship it to every
// user's bundle: the versions are read off an element the two packages made. Neither declares
// what is read here, so each read is narrow, checked, and `null` when the shape differs.

/** What is read off a Connect.js element, typed as unknown: no package declares it. */
interface ConnectElementParts {
  setOnLoadError?: unknown;
}

/**
 * `@stripe/connect-js`'s version: each setter it installs on an element it creates embeds the
 * loader's version in its "Using version: x.y.z" error text. Read it right after `create`, before
 * anything replaces the setter.
 */
export function readConnectJsVersion(element: HTMLElement): string | null {
  try {
    const setter = (element as HTMLElement & ConnectElementParts).setOnLoadError;
    const source = typeof setter === 'function' ? Function.prototype.toString.call(setter) : '';
    return /Using version: (\d+\.\d+\.\d+[\w.-]*)/.exec(source)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** `@stripe/react-connect-js`'s version, which it stamps in the `reactSdkAnalytics` attribute right after `create`. */
export function readReactConnectVersion(element: HTMLElement): string | null {
  try {
    const version: unknown = element.getAttribute('reactSdkAnalytics');
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}
