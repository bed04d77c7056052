import { h } from './h.js';
import { sandboxStyles } from './sandboxStyles.js';

const dialogStyles = `
dialog { max-width: 420px; width: calc(100% - 32px); padding: 0; border: 0; border-radius: 8px; }
dialog::backdrop { background: rgba(10, 12, 30, .55); }
.ek-root { border-style: solid; }
ul { list-style: none; padding: 0; margin: 0 0 8px; }
`;

let dialogs = 0;

/** An open sandbox dialog: fill `body`; the first `finish(value)` closes it and settles `answer`. */
export interface SandboxDialog<T> {
  body: HTMLElement;
  answer: Promise<T>;
  finish(value: T): void;
}

/**
 * A native modal `<dialog>` in its own shadow root (role dialog, aria-modal, the rest of the page
 * inert), labelled by its heading; Tab stays inside, Escape answers `onEscape`, and closing returns
 * focus to where it was. Used where Stripe.js opens a modal: bank linking, the 3D Secure challenge.
 */
export function openSandboxDialog<T>(kind: string, title: string, onEscape: T): SandboxDialog<T> {
  const id = `ek-dialog-title-${++dialogs}`;
  const host = h('div', { 'data-embedkit-sandbox': kind });
  const shadow = host.attachShadow({ mode: 'open' });
  const previousFocus = document.activeElement as HTMLElement | null;
  const body = h('div', { class: 'ek-body' });
  const dialog = h(
    'dialog',
    { 'aria-labelledby': id, 'aria-modal': 'true' },
    h('section', { class: 'ek-root' }, h('h2', { class: 'ek-title', id }, h('span', { class: 'ek-badge' }, 'Sandbox'), title), body),
  );
  let resolve: (value: T) => void = () => undefined;
  const answer = new Promise<T>((settle) => (resolve = settle));
  let settled = false;
  const finish = (value: T) => {
    if (settled) return;
    settled = true;
    dialog.close();
    host.remove();
    previousFocus?.focus?.();
    resolve(value);
  };
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    finish(onEscape);
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
  shadow.append(h('style', {}, sandboxStyles + dialogStyles), dialog);
  document.body.append(host);
  dialog.showModal();
  return { body, answer, finish };
}
