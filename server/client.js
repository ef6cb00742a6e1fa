/**
 * Who is asking: the client address of a request, and the settings that decide when the per-client
 * limit applies.
 *
 * `TRUST_PROXY` is a number of hops: how many reverse proxies stand between the clients and this
 * server, each of which appends the address it received the request from to `X-Forwarded-For`.
 * Unset or 0, the header is ignored and the client is the socket's peer. With N, the client is the
 * address N hops in from the right of [...X-Forwarded-For, socket peer]: the proxies themselves are
 * the last N, and anything a client writes into the header itself lies further left and is never used.
 * A value of N larger than the real chain lets clients choose their own address, so count exactly.
 */
import { isIP } from 'node:net';
import { parseIPv6 } from './addresses.js';

/** Requests per minute per client when the server is reachable by others and `CLIENT_LIMIT` is unset. */
export const DEFAULT_CLIENT_LIMIT = 60;

/**
 * Reads `TRUST_PROXY`: empty, "0" or "false" for none, otherwise a whole number of hops (1 to 10).
 * @param {string | undefined} value
 * @returns {number}
 */
export function parseTrustProxy(value) {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === '0' || text === 'false') return 0;
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 10) return Number(text);
  throw new Error(
    'TRUST_PROXY must be the number of reverse proxies in front of the server (1 for one), or 0 for none.',
  );
}

/** @param {string} address */
function normalise(address) {
  const bare = address.trim().replace(/^\[(.*)\]$/, '$1');
  return bare.toLowerCase().startsWith('::ffff:') && isIP(bare.slice(7)) === 4 ? bare.slice(7) : bare;
}

/**
 * The client address of a request, reading `X-Forwarded-For` only through `trustHops` proxies.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} trustHops
 */
export function clientAddress(req, trustHops) {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  if (trustHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const chosen = normalise(chain[Math.max(0, chain.length - 1 - trustHops)] ?? peer);
  // A proxy that writes something other than an address is misconfigured: fall back to the peer.
  return isIP(chosen) ? chosen : peer;
}

/**
 * The key the per-client limit counts under: an IPv4 address, or an IPv6 address's /64 (one
 * customer's network, which can hold many addresses).
 * @param {string} address
 */
export function limitKey(address) {
  if (isIP(address) !== 6) return address;
  const bytes = parseIPv6(address);
  if (!bytes) return address;
  const groups = [];
  for (let i = 0; i < 8; i += 2) groups.push(((bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0)).toString(16));
  return `${groups.join(':')}::/64`;
}

/** @param {string | undefined} host */
export function isLoopbackHost(host) {
  const bare = (host ?? '')
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/**
 * Reads `CLIENT_LIMIT`, the requests a minute one client may make to `/api/send` and the local
 * webhooks' POSTs: a number forces it (even on loopback), "0" or "off" switches it off, unset means
 * {@link DEFAULT_CLIENT_LIMIT} when the server is reachable by others and none on loopback.
 * @param {string | undefined} value
 * @param {boolean} reachable whether the server listens on an address other than loopback
 * @returns {number} 0 for no limit
 */
export function parseClientLimit(value, reachable) {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return reachable ? DEFAULT_CLIENT_LIMIT : 0;
  if (text === 'off' || text === '0') return 0;
  if (/^\d+$/.test(text)) return Number(text);
  throw new Error('CLIENT_LIMIT must be a number of requests a minute, or "off".');
}
