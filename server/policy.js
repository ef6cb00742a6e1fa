/**
 * Where the webhook proxy may send: the rules, kept apart from the I/O so each refusal is easy to test.
 *
 * By default only https to the webhook hosts Teams has used (reference/messagecard.md section 7):
 * `*.webhook.office.com`, the retired `outlook.office.com` / `outlook.office365.com`, Workflows on
 * `*.logic.azure.com` and `*.environment.api.powerplatform.com`, on port 443. The `WEBHOOK_ALLOW`
 * environment variable (comma-separated origins such as `http://127.0.0.1:4399`) is the only way to
 * reach any other host, plain http, or an inside address, and it allows exactly those origins.
 */
import { insideReason, isLocalName, parseIPLiteral } from './addresses.js';

/** Host names of Teams' webhooks, lower case, without a trailing dot. */
const WEBHOOK_HOSTS = [
  /^([a-z0-9-]+\.)*webhook\.office\.com$/,
  /^outlook\.office(365)?\.com$/,
  /^([a-z0-9-]+\.)+logic\.azure\.com$/,
  /^([a-z0-9-]+\.)+environment\.api\.powerplatform\.com$/,
];

/**
 * A refusal: `code` is stable (tests and the UI key on it), `message` is shown to the user as it is.
 * @typedef {{ ok: false, status: number, code: string, message: string }} Refusal
 */

/**
 * A target the proxy may post to.
 * @typedef {{ ok: true, url: URL, allowed: boolean }} Accepted
 */

/**
 * Reads `WEBHOOK_ALLOW`: comma-separated origins; anything that is not a valid http(s) origin is
 * ignored (and reported through `onInvalid`, without echoing it, since it could hold a secret).
 * @param {string | undefined} value
 * @param {(index: number) => void} [onInvalid]
 * @returns {Set<string>} normalised origins (`new URL(x).origin`)
 */
export function parseAllowList(value, onInvalid) {
  /** @type {Set<string>} */
  const origins = new Set();
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .forEach((item, index) => {
      try {
        const url = new URL(item);
        if (url.protocol === 'http:' || url.protocol === 'https:') origins.add(url.origin);
        else onInvalid?.(index);
      } catch {
        onInvalid?.(index);
      }
    });
  return origins;
}

/**
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @returns {Refusal}
 */
export function refusal(status, code, message) {
  return { ok: false, status, code, message };
}

/**
 * Judges a target URL before any network activity. Name resolution is checked later, by
 * {@link checkResolved}, against the addresses the connection will really use.
 * @param {unknown} raw the `url` field of the request
 * @param {Set<string>} allow origins from `WEBHOOK_ALLOW`
 * @returns {Accepted | Refusal}
 */
export function checkTarget(raw, allow) {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return refusal(400, 'url-missing', 'Give the webhook URL to send to.');
  }
  if (raw.length > 4096)
    return refusal(400, 'url-too-long', 'That URL is longer than any webhook URL (4096 characters).');
  /** @type {URL} */
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    return refusal(400, 'url-invalid', 'That is not a URL. A webhook URL starts with https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refusal(400, 'scheme-refused', `The proxy only posts over https, not ${url.protocol.replace(':', '')}.`);
  }
  if (url.username || url.password) {
    return refusal(
      400,
      'credentials-refused',
      'Webhook URLs carry no user name or password; remove the part before @.',
    );
  }
  if (allow.has(url.origin)) return { ok: true, url, allowed: true };

  const host = url.hostname.toLowerCase();
  const literal = parseIPLiteral(host);
  if (literal) {
    const inside = insideReason(literal);
    if (inside) {
      return refusal(
        403,
        'address-refused',
        `That URL points at a ${inside} address. The proxy does not reach this machine or its network unless WEBHOOK_ALLOW names the origin.`,
      );
    }
    return refusal(
      403,
      'host-not-allowed',
      'Teams webhooks have a host name, not an IP address. Add the origin to WEBHOOK_ALLOW to use it.',
    );
  }
  if (isLocalName(host)) {
    return refusal(
      403,
      'address-refused',
      'That name means this machine or its local network. The proxy does not reach it unless WEBHOOK_ALLOW names the origin.',
    );
  }
  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  if (!WEBHOOK_HOSTS.some((pattern) => pattern.test(bare))) {
    return refusal(
      403,
      'host-not-allowed',
      `${bare} is not a Teams webhook host (*.webhook.office.com, *.logic.azure.com, *.environment.api.powerplatform.com). The server's WEBHOOK_ALLOW setting can add other origins.`,
    );
  }
  if (url.protocol !== 'https:') {
    return refusal(
      403,
      'https-required',
      'Teams webhooks are https only; the proxy does not send a card in the clear.',
    );
  }
  if (url.port !== '' && url.port !== '443') {
    return refusal(403, 'port-refused', `Teams webhooks listen on port 443, not ${url.port}.`);
  }
  return { ok: true, url, allowed: false };
}

/**
 * Judges the addresses a name resolved to: all of them must be public, since the system may try
 * any of them.
 * @param {{ address: string }[]} addresses
 * @returns {Refusal | undefined}
 */
export function checkResolved(addresses) {
  if (addresses.length === 0) return refusal(502, 'dns-failed', 'The webhook host name does not resolve.');
  for (const { address } of addresses) {
    const bytes = parseIPLiteral(address);
    const inside = bytes ? insideReason(bytes) : 'unparseable';
    if (inside) {
      return refusal(
        403,
        'address-refused',
        `The webhook host name resolves to a ${inside} address; the proxy does not reach inside networks.`,
      );
    }
  }
  return undefined;
}
