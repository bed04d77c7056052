import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_CARDS, type CardOutcome } from '../../src/sandbox/rest/testCards';

const page = readFileSync(new URL('../../docs/testing-your-integration.md', import.meta.url), 'utf8');

/** `| `pm_card_…` | 4242 4242 4242 4242 | outcome |` rows of the page's test-card table. */
/** How the payment ends once any authentication is done. */
const finalOutcome = (outcome: CardOutcome): Exclude<CardOutcome, { kind: 'authenticate' }> => (outcome.kind === 'authenticate' ? finalOutcome(outcome.then) : outcome);

const rows = [...page.matchAll(/^\| `(pm_card_\w+)` \| ([\d ]+) \| (.+) \|$/gm)].map(([, token = '', number = '', outcome = '']) => ({ token, number: number.replace(/ /g, ''), outcome }));

describe('docs/testing-your-integration.md lists the test cards the sandbox knows', () => {
  it('has one row per card in testCards.ts, with its number and outcome', () => {
    expect(rows.map((row) => [row.token, row.number])).toEqual(TEST_CARDS.map((card) => [card.token, card.number]));
    for (const card of TEST_CARDS) {
      const outcome = rows.find((row) => row.token === card.token)?.outcome ?? '';
      const final = finalOutcome(card.outcome);
      if (card.outcome.kind === 'authenticate') expect(outcome, card.token).toContain('requires_action');
      expect(outcome, card.token).toContain(final.kind === 'succeed' ? 'succeeded' : final.declineCode);
    }
  });
});
