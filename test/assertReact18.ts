import { version } from 'react';
import { version as domVersion } from 'react-dom';

// Lives outside test/react18 so that it resolves React the way the tests do. Without this, a broken alias would quietly run the suite on React 19 again.
if (!version.startsWith('18.') || !domVersion.startsWith('18.')) {
  throw new Error(`vitest.react18.config.ts expected React 18, got react ${version} / react-dom ${domVersion}. Run npm ci --prefix test/react18.`);
}
