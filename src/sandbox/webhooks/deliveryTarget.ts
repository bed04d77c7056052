import { LOOPBACK_IP } from '../../shared/hostNames.js';

/**
 * Where the sandbox may POST webhooks: http(s) URLs on this machine, or on a host the developer
 * allowed. Anything else would let whoever can call the sandbox's REST API make it send requests
 * into the network (SSRF), so it is refused with the option that allows it named.
 * Returns the problem as text, or null when the URL is fine.
 */
export function deliveryTargetProblem(raw: string, allowedHosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${JSON.stringify(raw.slice(0, 80))} is not a URL. Use an absolute http(s) URL such as http://localhost:3000/webhooks.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `webhook URLs must be http or https, received ${url.protocol}`;
  if (url.username || url.password) return 'webhook URLs must not carry credentials.';
  const host = url.hostname.toLowerCase();
  // `localhost` itself but not `*.localhost`, whose lookup Node may hand to a DNS server.
  if (host === 'localhost' || LOOPBACK_IP.test(host) || allowedHosts.some((allowed) => allowed.toLowerCase() === host)) return null;
  return (
    `the embedkit sandbox delivers webhooks only to this machine (localhost, 127.0.0.1, [::1]), so it cannot be used to reach ` +
    `other hosts; ${JSON.stringify(host)} is not one. To deliver to it (e.g. a docker-compose service), allow it: ` +
    `createSandbox({ webhooks: { allowedHosts: [${JSON.stringify(host)}] } }) or embedkit-sandbox --allow-webhook-host ${host}.`
  );
}
