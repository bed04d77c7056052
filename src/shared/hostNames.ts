/**
 * Host-name rules the server handlers and the sandbox share: both refuse requests for hosts they
 * were not told about (DNS rebinding), with the same allow-list syntax.
 */

/** The loopback addresses: 127.0.0.0/8 and IPv6's `[::1]` (as `URL.hostname` writes it). */
export const LOOPBACK_IP = /^(127(\.\d{1,3}){3}|\[::1\])$/;

/** Whether the lower-case host name `name` is in `allowed`, where `.example.com` stands for that domain and every subdomain. */
export function hostInList(name: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry));
}
