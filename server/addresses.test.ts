import { describe, expect, it } from 'vitest';
import { insideReason, isLocalName, parseIPLiteral, parseIPv4, parseIPv6 } from './addresses.js';

describe('parseIPv4', () => {
  it.each([
    ['127.0.0.1', [127, 0, 0, 1]],
    ['127.1', [127, 0, 0, 1]],
    ['127.0.1', [127, 0, 0, 1]],
    ['2130706433', [127, 0, 0, 1]],
    ['0x7f000001', [127, 0, 0, 1]],
    ['0x7F.0.0.1', [127, 0, 0, 1]],
    ['0177.0.0.1', [127, 0, 0, 1]],
    ['017700000001', [127, 0, 0, 1]],
    ['0', [0, 0, 0, 0]],
    ['10.1', [10, 0, 0, 1]],
    ['127.0.0.1.', [127, 0, 0, 1]],
  ])('reads %s as the address it means', (text, bytes) => {
    expect(parseIPv4(text)).toEqual(bytes);
  });

  it.each(['example.com', '1.2.3.4.5', '256.0.0.1', '4294967296', '08.0.0.1', '', '1..2'])(
    'does not take %s for an IPv4 address',
    (text) => {
      expect(parseIPv4(text)).toBeUndefined();
    },
  );
});

describe('parseIPv6', () => {
  it('reads compressed, bracketed, zoned and IPv4-tailed forms', () => {
    expect(parseIPv6('::1')).toEqual([...Array(15).fill(0), 1]);
    expect(parseIPv6('[::1]')).toEqual([...Array(15).fill(0), 1]);
    expect(parseIPv6('fe80::1%eth0')?.slice(0, 2)).toEqual([0xfe, 0x80]);
    expect(parseIPv6('::ffff:127.0.0.1')?.slice(10)).toEqual([0xff, 0xff, 127, 0, 0, 1]);
    expect(parseIPv6('::ffff:7f00:1')?.slice(10)).toEqual([0xff, 0xff, 127, 0, 0, 1]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toHaveLength(16);
  });

  it('rejects what is not IPv6', () => {
    expect(parseIPv6('1:2:3')).toBeUndefined();
    expect(parseIPv6('1::2::3')).toBeUndefined();
    expect(parseIPv6('example.com')).toBeUndefined();
    expect(parseIPv6('::gggg')).toBeUndefined();
  });
});

describe('insideReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved or broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a00:1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique local (private)'],
    ['fd12:3456::1', 'unique local (private)'],
    ['ff02::1', 'multicast'],
  ])('calls %s %s', (address, reason) => {
    expect(insideReason(parseIPLiteral(address)!)).toBe(reason);
  });

  it.each(['52.96.0.1', '13.107.6.152', '172.32.0.1', '2603:1036::1', '::ffff:52.96.0.1'])(
    'lets the public address %s through',
    (address) => {
      expect(insideReason(parseIPLiteral(address)!)).toBeUndefined();
    },
  );
});

describe('isLocalName', () => {
  it('knows the names that always mean this machine', () => {
    expect(isLocalName('localhost')).toBe(true);
    expect(isLocalName('localhost.')).toBe(true);
    expect(isLocalName('api.localhost')).toBe(true);
    expect(isLocalName('printer.local')).toBe(true);
    expect(isLocalName('metadata.google.internal')).toBe(true);
    expect(isLocalName('contoso.webhook.office.com')).toBe(false);
  });
});
