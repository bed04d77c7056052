const injected = new Set<string>();

/**
 * Adds Stripe's script for a web component once per page. Skipped when the element is already
 * defined (a test or the sandbox's Vite plugin defined it) or a tag for the same URL exists.
 * `nonce` is for pages whose CSP allows scripts by nonce.
 */
export function loadEmbedScript(url: string, tagName: string, nonce?: string): void {
  if (injected.has(url) || customElements.get(tagName) || document.querySelector(`script[src="${url}"]`)) return;
  injected.add(url);
  const script = document.createElement('script');
  script.src = url;
  script.async = true;
  if (nonce) script.nonce = nonce;
  (document.head ?? document.body).appendChild(script);
}
