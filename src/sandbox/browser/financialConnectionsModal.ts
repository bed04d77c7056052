import type { SandboxInstitution } from '../protocol.js';
import { h } from './h.js';
import { openSandboxDialog } from './sandboxDialog.js';

export type FcChoice = { institution: string; accounts: string[] } | { cancel: true };

/**
 * The bank-linking modal (a {@link openSandboxDialog}). Resolves with the user's choice; focus
 * returns to where it was. A bank-account token links one account, so that flow offers radios.
 */
export function financialConnectionsModal(institutions: SandboxInstitution[], title: string, singleAccount: boolean): Promise<FcChoice> {
  const { body, answer, finish } = openSandboxDialog<FcChoice>('financial-connections', title, { cancel: true });
  const cancelButton = () => h('button', { type: 'button', class: 'ek-secondary', onclick: () => finish({ cancel: true }) }, 'Cancel');

  const pickInstitution = () => {
    body.replaceChildren(
      h('p', {}, 'Choose a test bank.'),
      h('ul', {}, ...institutions.map((institution) => h('li', {}, h('button', { type: 'button', onclick: () => pickAccounts(institution) }, institution.name)))),
      cancelButton(),
    );
    body.querySelector('button')?.focus();
  };

  const pickAccounts = (institution: SandboxInstitution) => {
    const boxes = institution.accounts.map((account, index) =>
      h('input', { type: singleAccount ? 'radio' : 'checkbox', name: 'account', value: account.id, checked: !singleAccount || index === 0 }),
    );
    const error = h('p', { role: 'alert' });
    body.replaceChildren(
      h(
        'fieldset',
        {},
        h('legend', {}, `Accounts at ${institution.name}`),
        ...institution.accounts.map((account, index) => h('label', {}, boxes[index], ` ${account.display_name} (${account.subcategory}) •••• ${account.last4}`)),
      ),
      error,
      h('button', {
        type: 'button',
        onclick: () => {
          const accounts = boxes.filter((box) => box.checked).map((box) => box.value);
          if (accounts.length === 0) error.textContent = 'Select an account, or cancel.';
          else finish({ institution: institution.id, accounts });
        },
      }, 'Link accounts'),
      h('button', { type: 'button', class: 'ek-secondary', onclick: pickInstitution }, 'Back'),
      cancelButton(),
    );
    boxes[0]?.focus();
  };

  pickInstitution();
  return answer;
}
