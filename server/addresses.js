/**
 * Which network addresses the webhook proxy may connect to.
 *
 * The proxy must never become a way for a web page (or a crafted card) to reach the machine it runs
 * on or the network behind it. Host names can spell an inside address in many ways (`127.1`,
 * `2130706433`, `0x7f000001`, `0177.0.0.1`, `[::ffff:127.0.0.1]`), and a public-looking name can
 * resolve inside, so every candidate is reduced to its bytes and judged by range.
 */

/**
 * Parses an IPv4 address in any spelling `inet_aton` and the WHATWG URL parser accept: one to four
 * parts, each decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes.
 * @param {string} text
 * @returns {number[] | undefined} the four bytes, or undefined when the text is not an IPv4 address
 */
export function parseIPv4(text) {
  if (text === '' || text.length > 64) return undefined;
  // A trailing dot is allowed by the URL parser ("127.0.0.1." is loopback too).
  const parts = text.endsWith('.') ? text.slice(0, -1).split('.') : text.split('.');
  if (parts.length === 0 || parts.length > 4) return undefined;
  /** @type {number[]} */
  const numbers = [];
  for (const part of parts) {
    let value;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return undefined;
    if (!Number.isSafeInteger(value)) return undefined;
    numbers.push(value);
  }
  const last = /** @type {number} */ (numbers.pop());
  if (numbers.some((n) => n > 255)) return undefined;
  const lastBytes = 4 - numbers.length;
  if (last >= 256 ** lastBytes) return undefined;
  const bytes = [...numbers];
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/**
 * Parses an IPv6 address (with or without brackets, `::` compression, an embedded IPv4 tail and a
 * zone id such as `%eth0`).
 * @param {string} text
 * @returns {number[] | undefined} the sixteen bytes, or undefined when the text is not IPv6
 */
export function parseIPv6(text) {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!s.includes(':') || s.length > 64) return undefined;
  /** @type {number[]} */
  let tail = [];
  const lastColon = s.lastIndexOf(':');
  const after = s.slice(lastColon + 1);
  if (after.includes('.')) {
    const v4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(after) ? parseIPv4(after) : undefined;
    if (!v4) return undefined;
    tail = v4;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  /** @param {string} half */
  const groups = (half) => (half === '' ? [] : half.split(':'));
  const head = groups(/** @type {string} */ (halves[0]));
  const rest = halves.length === 2 ? groups(/** @type {string} */ (halves[1])) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  /** @type {number[]} */
  const bytes = [];
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

/**
 * @param {number[]} bytes
 * @param {number[]} prefix
 * @param {number} bits
 */
function inPrefix(bytes, prefix, bits) {
  for (let i = 0; i < bits; i++) {
    const byte = Math.floor(i / 8);
    const mask = 0x80 >> (i % 8);
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

/** @type {[number[], number, string][]} IPv4 ranges that are not the public internet. */
const V4_INSIDE = [
  [[0, 0, 0, 0], 8, 'unspecified ("this network")'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared (carrier-grade NAT)'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved or broadcast'],
];

/** @type {[number[], number, string][]} IPv6 ranges that are not the public internet. */
const V6_INSIDE = [
  [[], 128, 'unspecified'],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback'],
  [[0x01, 0x00], 64, 'discard-only'],
  [[0x20, 0x01, 0x00, 0x00], 32, 'Teredo tunnel'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0xfc], 7, 'unique local (private)'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'site-local'],
  [[0xff], 8, 'multicast'],
];

/**
 * Says why an address is inside (private, loopback, link-local, unspecified, multicast, ...), or
 * undefined for a public address. IPv6 forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`,
 * compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that IPv4 address.
 * @param {number[]} bytes four or sixteen bytes
 * @returns {string | undefined}
 */
export function insideReason(bytes) {
  if (bytes.length === 4) {
    for (const [prefix, bits, reason] of V4_INSIDE) if (inPrefix(bytes, prefix, bits)) return reason;
    return undefined;
  }
  const zeros = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  if (inPrefix(bytes, [...zeros, 0xff, 0xff], 96)) return insideReason(bytes.slice(12));
  if (inPrefix(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 96)) {
    // ::a.b.c.d (deprecated "IPv4-compatible"), but also :: and ::1 themselves.
    const v6 = V6_INSIDE.find(([prefix, bits]) => inPrefix(bytes, prefix, bits));
    return v6 ? v6[2] : (insideReason(bytes.slice(12)) ?? 'IPv4-compatible (deprecated)');
  }
  if (inPrefix(bytes, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return insideReason(bytes.slice(12));
  if (inPrefix(bytes, [0x20, 0x02], 16)) return insideReason(bytes.slice(2, 6));
  for (const [prefix, bits, reason] of V6_INSIDE) if (inPrefix(bytes, prefix, bits)) return reason;
  return undefined;
}

/**
 * Parses a host name that is an IP literal in any spelling; undefined for a DNS name.
 * @param {string} host a URL's hostname (IPv6 in brackets or not)
 * @returns {number[] | undefined}
 */
export function parseIPLiteral(host) {
  return parseIPv6(host) ?? parseIPv4(host);
}

/**
 * Whether a host name is one of the names that always mean this machine, whatever DNS says.
 * @param {string} host lower-case host name
 */
export function isLocalName(host) {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === 'localhost.localdomain' ||
    name.endsWith('.local') ||
    name.endsWith('.internal') ||
    name === 'ip6-localhost' ||
    name === 'ip6-loopback'
  );
}
