import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SCRIPT_ROUTES } from './protocol.js';
import { SandboxScripts } from './react.js';

describe('<SandboxScripts>', () => {
  it('renders one blocking classic script per stand-in, served by the sandbox at that URL', () => {
    const html = renderToString(<SandboxScripts url="http://127.0.0.1:12111/" />);
    const sources = [...html.matchAll(/<script src="([^"]+)"[^>]*><\/script>/g)].map((match) => match[1]);
    expect(sources).toEqual(Object.values(SCRIPT_ROUTES).map((route) => `http://127.0.0.1:12111${route}`));
    // Neither async nor defer: they must run before the app's scripts hydrate and call the loaders.
    expect(html).not.toMatch(/async|defer|type="module"/);
  });

  it('renders nothing without a sandbox URL, so pages of a deployment without one stay unchanged', () => {
    expect(renderToString(<SandboxScripts url={undefined} />)).toBe('');
    expect(renderToString(<SandboxScripts url="" />)).toBe('');
  });

  it.each(['127.0.0.1:12111', 'javascript:alert(1)', 'not a url'])('refuses %j with an invalid_options EmbedkitError naming the expected form', (url) => {
    expect(() => renderToString(<SandboxScripts url={url} />)).toThrow(
      expect.objectContaining({ name: 'EmbedkitError', code: 'invalid_options', field: 'url', message: expect.stringMatching(/expected the sandbox's base URL, such as http:\/\/127\.0\.0\.1:12111/) }),
    );
  });
});
