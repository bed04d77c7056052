import type { SandboxInstitution } from '../protocol.js';
import { h } from './h.js';
import { sandboxStyles } from './sandboxStyles.js';

export type FcChoice = { institution: string; accounts: string[] } | { cancel: true };

const dialogStyles = `
dialog { max-width: 420px; width: calc(100% - 32px); padding: 0; border: 0; border-radius: 8px; }
dialog::backdrop { background: rgba(10, 12, 30, .55); }
.ek-root { border-style: solid; }
ul { list-style: none; padding: 0; margin: 0 0 8px; }
`;

let dialogs = 0;

/**
 * The bank-linking modal: a native modal `<dialog>` (role dialog, aria-modal, the rest of the page
 * inert, Escape fires `cancel`), labelled by its heading. Resolves with the user's choice; focus
 * returns to where it was. A bank-account token links one account, so that flow offers radios.
 */
export function financialConnectionsModal(institutions: SandboxInstitution[], title: string, singleAccount: boolean): Promise<FcChoice> {
  return new Promise((resolve) => {
    const id = `ek-fc-title-${++dialogs}`;
    const host = h('div', { 'data-embedkit-sandbox': 'financial-connections' });
    const shadow = host.attachShadow({ mode: 'open' });
    const previousFocus = document.activeElement as HTMLElement | null;
    const body = h('div', { class: 'ek-body' });
    const dialog = h(
      'dialog',
      { 'aria-labelledby': id, 'aria-modal': 'true' },
      h(
        'section',
        { class: 'ek-root' },
        h('h2', { class: 'ek-title', id }, h('span', { class: 'ek-badge' }, 'Sandbox'), title),
        body,
      ),
    );
    let settled = false;
    const finish = (choice: FcChoice) => {
      if (settled) return;
      settled = true;
      dialog.close();
      host.remove();
      previousFocus?.focus?.();
      resolve(choice);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish({ cancel: true });
    });
    // Keep Tab inside the dialog instead of letting it escape to the browser's own UI.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = shadow.activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    });
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

    shadow.append(h('style', {}, sandboxStyles + dialogStyles), dialog);
    document.body.append(host);
    dialog.showModal();
    pickInstitution();
  });
}
