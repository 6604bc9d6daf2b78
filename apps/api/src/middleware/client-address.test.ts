import { describe, expect, it } from 'vitest'
import { canonicalIp, parseIp, parseIpRange, rateLimitSubject } from '../security/ip-address'
import { parseTrustedProxies, pickClientAddress } from './client-address'

const proxies = parseTrustedProxies(['10.0.0.0/8', '192.0.2.1', '2001:db8:ffff::/48'])
const pick = (socket: string | undefined, forwardedFor?: string) =>
  pickClientAddress({ socket, forwardedFor, trustedProxies: proxies })

describe('pickClientAddress (R59)', () => {
  it('uses the socket address when the socket is not a trusted proxy, whatever the header says', () => {
    expect(pick('203.0.113.7', '198.51.100.1')).toBe('203.0.113.7')
    expect(pick('::ffff:203.0.113.7', '198.51.100.1')).toBe('203.0.113.7')
  })

  it('takes the right-most entry that is not a trusted proxy, walking from the right', () => {
    expect(pick('10.0.0.1', '1.1.1.1, 198.51.100.9')).toBe('198.51.100.9')
    expect(pick('10.0.0.1', '1.1.1.1, 198.51.100.9, 10.2.3.4, 192.0.2.1')).toBe('198.51.100.9')
    // Several headers arrive joined with commas.
    expect(pick('192.0.2.1', '6.6.6.6,7.7.7.7,198.51.100.9')).toBe('198.51.100.9')
  })

  it('matches IPv4-mapped IPv6 sockets and IPv6 CIDRs', () => {
    expect(pick('::ffff:10.0.0.1', '198.51.100.9')).toBe('198.51.100.9')
    expect(pick('2001:db8:ffff:1::5', '2001:db8:1::1, 2001:db8:ffff:2::1')).toBe('2001:db8:1::1')
    expect(pick('::ffff:192.0.2.1', '[2001:DB8:0:0::7]:443')).toBe('2001:db8::7')
  })

  it('takes the left-most entry when every entry is a trusted proxy', () => {
    expect(pick('10.0.0.1', '10.9.9.9, 10.0.0.2')).toBe('10.9.9.9')
  })

  it('drops entries that are not addresses', () => {
    expect(pick('10.0.0.1', '198.51.100.9, nonsense, , 300.1.1.1')).toBe('198.51.100.9')
    expect(pick('10.0.0.1', 'unknown')).toBe('10.0.0.1')
    expect(pick('10.0.0.1', undefined)).toBe('10.0.0.1')
    expect(pick('10.0.0.1', '198.51.100.9:8080')).toBe('198.51.100.9')
  })

  it('answers unknown without a socket address, so no header can choose one', () => {
    expect(pick(undefined, '198.51.100.9')).toBe('unknown')
    expect(pick('not-an-address', '198.51.100.9')).toBe('unknown')
  })

  it('trusts nothing with an empty list', () => {
    const none = parseTrustedProxies([])
    expect(
      pickClientAddress({ socket: '10.0.0.1', forwardedFor: '1.2.3.4', trustedProxies: none })
    ).toBe('10.0.0.1')
  })
})

describe('TRUSTED_PROXIES entries', () => {
  it('accepts addresses and CIDRs of both families', () => {
    for (const entry of ['127.0.0.1', '10.0.0.0/8', '0.0.0.0/0', '::1', 'fd00::/8', '::/0']) {
      expect(parseIpRange(entry)).not.toBeNull()
    }
    expect(parseTrustedProxies(['::ffff:10.0.0.0/104']).contains(parseIp('10.4.5.6')!)).toBe(true)
    expect(parseTrustedProxies(['0.0.0.0/0']).contains(parseIp('2001:db8::1')!)).toBe(false)
  })

  it('refuses malformed entries, naming them', () => {
    for (const entry of [
      '10.0.0.0/33',
      '10.0.0.1/8',
      '10.0.0',
      'host.example',
      '::1/129',
      '1.2.3.4/',
    ]) {
      expect(parseIpRange(entry)).toBeNull()
    }
    expect(() => parseTrustedProxies(['10.0.0.1', 'proxy.local'])).toThrow(/"proxy\.local"/)
  })
})

describe('addresses', () => {
  it('writes one canonical form per address', () => {
    expect(canonicalIp('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1')
    expect(canonicalIp('2001:db8:0:1:0:0:0:1')).toBe('2001:db8:0:1::1')
    expect(canonicalIp('::')).toBe('::')
    expect(canonicalIp('fe80::1%eth0')).toBe('fe80::1')
    expect(canonicalIp('::ffff:0a00:0001')).toBe('10.0.0.1')
  })

  it('refuses what is not exactly an address', () => {
    for (const text of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '01.2.3.4',
      '1::2::3',
      '12345::',
      ':::',
      'a'.repeat(80),
    ]) {
      expect(canonicalIp(text)).toBeNull()
    }
  })

  it('limits an IPv6 client by its /64', () => {
    expect(rateLimitSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(rateLimitSubject('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64')
    expect(rateLimitSubject('203.0.113.7')).toBe('203.0.113.7')
    expect(rateLimitSubject('unknown')).toBe('unknown')
  })
})
