/**
 * Shared look of every stand-in: plain, readable, and clearly marked as the sandbox. Colours come
 * from custom properties so Connect's `appearance.variables` can override them at runtime.
 */
export const sandboxStyles = `
:host { display: block; width: 100%; }
.ek-root {
  --ek-primary: #635bff; --ek-background: #ffffff; --ek-text: #1a1b25; --ek-radius: 6px;
  --ek-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-sizing: border-box; width: 100%; font-family: var(--ek-font); color: var(--ek-text);
  background: var(--ek-background); border: 1px dashed var(--ek-primary); border-radius: var(--ek-radius);
  padding: 12px 16px; font-size: 14px; line-height: 1.4;
}
.ek-badge {
  display: inline-block; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: #ffffff; background: #4b44d6; border-radius: 4px; padding: 1px 6px; margin-right: 8px;
}
.ek-title { font-size: 16px; margin: 0 0 8px; display: flex; align-items: center; }
.ek-muted { color: inherit; opacity: .85; }
.ek-error { border-color: #c0123c; }
.ek-error [role="alert"] { color: #a30f33; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
button {
  font: inherit; color: #ffffff; background: var(--ek-primary); border: 0; border-radius: var(--ek-radius);
  padding: 6px 12px; margin: 4px 8px 4px 0; cursor: pointer;
}
button.ek-secondary { color: var(--ek-text); background: transparent; border: 1px solid currentColor; }
button:focus-visible, input:focus-visible { outline: 2px solid var(--ek-primary); outline-offset: 2px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
fieldset { border: 0; padding: 0; margin: 0; }
legend { font-weight: 600; padding: 0; margin-bottom: 4px; }
label { display: block; padding: 2px 0; }
`;
