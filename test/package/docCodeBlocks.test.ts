import { describe, expect, it } from 'vitest';
import { checkCodeBlocks, extractCodeBlocks } from '../../scripts/gates/docCodeBlocks';

const page = (...blocks: string[]) => ['# Page', '', ...blocks.flatMap((block) => [block, ''])].join('\n');

describe('extractCodeBlocks', () => {
  it('reads the language, the file= name and the line of the first code line', () => {
    const blocks = extractCodeBlocks(page('```tsx file=src/App.tsx\nexport default 1;\n```', '```sh\nnpm test\n```'), 'x.md');
    expect(blocks).toEqual([
      { source: 'x.md', line: 4, lang: 'tsx', file: 'src/App.tsx', code: 'export default 1;' },
      { source: 'x.md', line: 8, lang: 'sh', file: undefined, code: 'npm test' },
    ]);
  });
});

// Compiles against the built package (dist/), as the docs gate does: run `npm run build` first.
describe('checkCodeBlocks', { timeout: 120_000 }, () => {
  it('passes blocks that compile, and locates each error in the Markdown', () => {
    const good = "```ts\nimport { redactSecret } from 'embedkit';\nexport const shown: string = redactSecret('accs_secret_abc');\n```";
    const broken = "```ts\nimport { redactSecret } from 'embedkit';\nexport const shown: number = redactSecret('x');\n```";
    expect(checkCodeBlocks(extractCodeBlocks(page(good), 'good.md'))).toEqual([]);
    const errors = checkCodeBlocks(extractCodeBlocks(page(good, broken), 'mixed.md'));
    expect(errors).toEqual([expect.stringMatching(/^mixed\.md:10:14 Type 'string' is not assignable to type 'number'/)]);
  });

  it('is strict with noUncheckedIndexedAccess: the old README line `proposedAccount ?? user.accounts[0]` fails', () => {
    const handler = (check: string) => `\`\`\`ts
import Stripe from 'stripe';
import { createAccountSessionHandler, ForbiddenError } from 'embedkit/server';

export const POST = createAccountSessionHandler({
  stripe: new Stripe('sk_test_123'),
  authorize: async (request, { proposedAccount }) => {
    const user = await getSignedInUser(request);
    if (!user) return null;
    const account = proposedAccount ?? user.accounts[0];
    if (${check}) throw new ForbiddenError();
    return { account };
  },
  components: { payments: { enabled: true } },
});
\`\`\``;
    expect(checkCodeBlocks(extractCodeBlocks(page(handler('!user.accounts.includes(account)')), 'old.md'))).toEqual([
      expect.stringMatching(/^old\.md:9:3 Type '\(request: Request[^]*Type 'string \| undefined' is not assignable to type 'string'/),
      expect.stringMatching(/^old\.md:13:33 Argument of type 'string \| undefined' is not assignable/),
    ]);
    expect(checkCodeBlocks(extractCodeBlocks(page(handler('!account || !user.accounts.includes(account)')), 'new.md'))).toEqual([]);
  });

  it('lets blocks with file= import each other, and refuses two blocks for one file', () => {
    const app = "```tsx file=src/App.tsx\nexport default function App() { return <p />; }\n```";
    const main = "```tsx file=src/main.tsx\nimport App from './App';\nexport const element = <App />;\n```";
    expect(checkCodeBlocks(extractCodeBlocks(page(app, main), 'qs.md'))).toEqual([]);
    expect(checkCodeBlocks(extractCodeBlocks(page(app, app), 'qs.md'))).toEqual([expect.stringContaining('repeats file=src/App.tsx')]);
  });
});
