/**
 * The versions of the two official packages, read from an element the React package just created:
 * `@stripe/react-connect-js` stamps its version in the `reactSdkAnalytics` attribute, and each
 * setter `@stripe/connect-js` installs on the element embeds the loader's version in its
 * "Using version: x.y.z" error text. Neither package exports its version, and reading their
 * package.json would ship it to every user's bundle. `null` when a version cannot be read.
 */
export function readConnectVersions(element: HTMLElement): { react: string | null; connect: string | null } {
  const setter = (element as unknown as Record<string, unknown>).setOnLoadError;
  const source = typeof setter === 'function' ? Function.prototype.toString.call(setter) : '';
  return {
    react: element.getAttribute('reactSdkAnalytics'),
    connect: /Using version: (\d+\.\d+\.\d+[\w.-]*)/.exec(source)?.[1] ?? null,
  };
}
