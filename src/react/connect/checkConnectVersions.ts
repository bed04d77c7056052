import { connectElementTagNames } from '@stripe/connect-js/pure.js';
import { EmbedkitError } from '../../core/EmbedkitError.js';
import { readConnectJsVersion, readReactConnectVersion } from './readConnectVersions.js';

/**
 * `@stripe/react-connect-js` versions whose peer range asks for a newer `@stripe/connect-js` than
 * the same minor's first patch (from their package.json `peerDependencies`).
 */
const MIN_CONNECT_JS: Record<string, string> = { '3.4.4': '3.4.6' };

function parse(version: string): [number, number, number] | null {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function atLeast(version: [number, number, number], minimum: [number, number, number]): boolean {
  for (let i = 0; i < 3; i += 1) {
    if (version[i]! !== minimum[i]!) return version[i]! > minimum[i]!;
  }
  return true;
}

/**
 * Whether the installed `@stripe/react-connect-js` (`reactVersion`) and `@stripe/connect-js`
 * (`connectVersion`) fit together: same major and minor (they are released in lockstep), the
 * React package's own minimum, and the component being rendered known to the loader. Returns the
 * error to report, or `null`. Unknown versions (`null`) are not judged.
 */
export function checkConnectVersions(
  reactVersion: string | null,
  connectVersion: string | null,
  tagName: string,
  knownTags: readonly string[],
): EmbedkitError | null {
  const pair = `@stripe/react-connect-js ${reactVersion ?? '(unknown version)'} with @stripe/connect-js ${connectVersion ?? '(unknown version)'}`;
  if (!knownTags.includes(tagName)) {
    return new EmbedkitError(
      `${pair}: the React package renders "${tagName}", which this @stripe/connect-js does not know. Install matching versions: npm i @stripe/connect-js@3.4.x @stripe/react-connect-js@3.4.x.`,
      { code: 'invalid_options', kind: 'account_session' },
    );
  }
  const react = reactVersion === null ? null : parse(reactVersion);
  const connect = connectVersion === null ? null : parse(connectVersion);
  if (!react || !connect) return null;
  const minimum = parse(MIN_CONNECT_JS[reactVersion!] ?? `${react[0]}.${react[1]}.0`)!;
  if (react[0] === connect[0] && react[1] === connect[1] && atLeast(connect, minimum)) return null;
  return new EmbedkitError(
    `Version skew: ${pair}. This @stripe/react-connect-js needs @stripe/connect-js ${minimum.join('.')} or a later ${react[0]}.${react[1]}.x. Install matching versions of both packages.`,
    { code: 'invalid_options', kind: 'account_session' },
  );
}

/**
 * Checks an element `@stripe/connect-js` has just created: reads the loader's version now, before
 * anything replaces its setters, and the React package's a microtask later, once it has stamped
 * it; `report` gets the error if they do not fit. A diagnostic: elements of a shape it does not
 * know are not judged, and nothing here throws.
 */
export function watchConnectVersions(element: HTMLElement, tagName: string, report: (error: EmbedkitError) => void): void {
  const connect = readConnectJsVersion(element);
  queueMicrotask(() => {
    let skew: EmbedkitError | null = null;
    try {
      skew = checkConnectVersions(readReactConnectVersion(element), connect, tagName, connectElementTagNames);
    } catch {
      return;
    }
    if (skew) report(skew);
  });
}
