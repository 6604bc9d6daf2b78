import { describe, expect, it } from 'vitest'
import {
  WEBHOOK_ADDRESS_INVALID_RANGE,
  WEBHOOK_ADDRESS_POLICIES,
  canonicalIpAddress,
  checkWebhookAddress,
  isIpAddress,
} from './address-policy'

const refusedBy = (address: string): string | null => {
  const check = checkWebhookAddress(address, 'public')
  return check.allowed ? null : check.range
}

// Every range of the R136 table: its first and last address, and the addresses just outside it
// with what those are (null: allowed; a range: the neighbouring refused range).
interface RangeCase {
  range: string
  first: string
  last: string
  below?: [string, string | null]
  above: [string, string | null]
}

const IPV4_CASES: RangeCase[] = [
  {
    range: '0.0.0.0/8',
    first: '0.0.0.0',
    last: '0.255.255.255',
    above: ['1.0.0.0', null],
  },
  {
    range: '10.0.0.0/8',
    first: '10.0.0.0',
    last: '10.255.255.255',
    below: ['9.255.255.255', null],
    above: ['11.0.0.0', null],
  },
  {
    range: '100.64.0.0/10',
    first: '100.64.0.0',
    last: '100.127.255.255',
    below: ['100.63.255.255', null],
    above: ['100.128.0.0', null],
  },
  {
    range: '127.0.0.0/8',
    first: '127.0.0.0',
    last: '127.255.255.255',
    below: ['126.255.255.255', null],
    above: ['128.0.0.0', null],
  },
  {
    range: '169.254.0.0/16',
    first: '169.254.0.0',
    last: '169.254.255.255',
    below: ['169.253.255.255', null],
    above: ['169.255.0.0', null],
  },
  {
    range: '172.16.0.0/12',
    first: '172.16.0.0',
    last: '172.31.255.255',
    below: ['172.15.255.255', null],
    above: ['172.32.0.0', null],
  },
  {
    range: '192.168.0.0/16',
    first: '192.168.0.0',
    last: '192.168.255.255',
    below: ['192.167.255.255', null],
    above: ['192.169.0.0', null],
  },
  {
    range: '192.0.0.0/24',
    first: '192.0.0.0',
    last: '192.0.0.255',
    below: ['191.255.255.255', null],
    above: ['192.0.1.0', null],
  },
  {
    range: '192.0.2.0/24',
    first: '192.0.2.0',
    last: '192.0.2.255',
    below: ['192.0.1.255', null],
    above: ['192.0.3.0', null],
  },
  {
    range: '198.18.0.0/15',
    first: '198.18.0.0',
    last: '198.19.255.255',
    below: ['198.17.255.255', null],
    above: ['198.20.0.0', null],
  },
  {
    range: '198.51.100.0/24',
    first: '198.51.100.0',
    last: '198.51.100.255',
    below: ['198.51.99.255', null],
    above: ['198.51.101.0', null],
  },
  {
    range: '203.0.113.0/24',
    first: '203.0.113.0',
    last: '203.0.113.255',
    below: ['203.0.112.255', null],
    above: ['203.0.114.0', null],
  },
  {
    range: '224.0.0.0/4',
    first: '224.0.0.0',
    last: '239.255.255.255',
    below: ['223.255.255.255', null],
    above: ['240.0.0.0', '240.0.0.0/4'],
  },
  {
    range: '240.0.0.0/4',
    first: '240.0.0.0',
    last: '255.255.255.255',
    below: ['239.255.255.255', '224.0.0.0/4'],
    above: ['255.255.255.255', '240.0.0.0/4'],
  },
]

const IPV6_CASES: RangeCase[] = [
  { range: '::/128', first: '::', last: '::', above: ['::1', '::1/128'] },
  { range: '::1/128', first: '::1', last: '::1', below: ['::', '::/128'], above: ['::2', '::/96'] },
  {
    range: '::/96',
    first: '::2',
    last: '::ffff:ffff',
    below: ['::1', '::1/128'],
    above: ['::1:0:0', null],
  },
  {
    range: '::ffff:0:0/96',
    first: '::ffff:0:0',
    last: '::ffff:ffff:ffff',
    below: ['::fffe:ffff:ffff', null],
    above: ['::1:0:0:0', null],
  },
  {
    range: '64:ff9b::/96',
    first: '64:ff9b::',
    last: '64:ff9b::ffff:ffff',
    below: ['64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['64:ff9b::1:0:0', null],
  },
  {
    range: '64:ff9b:1::/48',
    first: '64:ff9b:1::',
    last: '64:ff9b:1:ffff:ffff:ffff:ffff:ffff',
    below: ['64:ff9b:0:ffff:ffff:ffff:ffff:ffff', null],
    above: ['64:ff9b:2::', null],
  },
  {
    range: '2001::/32',
    first: '2001::',
    last: '2001:0:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['2001:1::', null],
  },
  {
    range: '2002::/16',
    first: '2002::',
    last: '2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['2003::', null],
  },
  {
    range: '100::/64',
    first: '100::',
    last: '100::ffff:ffff:ffff:ffff',
    below: ['ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['100:0:0:1::', null],
  },
  {
    range: '2001:db8::/32',
    first: '2001:db8::',
    last: '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['2001:db9::', null],
  },
  {
    range: 'fc00::/7',
    first: 'fc00::',
    last: 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['fe00::', null],
  },
  {
    range: 'fe80::/10',
    first: 'fe80::',
    last: 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
    above: ['fec0::', 'fec0::/10'],
  },
  {
    range: 'fec0::/10',
    first: 'fec0::',
    last: 'feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::/10'],
    above: ['ff00::', 'ff00::/8'],
  },
  {
    range: 'ff00::/8',
    first: 'ff00::',
    last: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    below: ['feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fec0::/10'],
    above: ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ff00::/8'],
  },
]

describe('checkWebhookAddress under public (R136)', () => {
  for (const rangeCase of [...IPV4_CASES, ...IPV6_CASES]) {
    it(`refuses ${rangeCase.range} from its first to its last address, not beyond`, () => {
      expect(refusedBy(rangeCase.first)).toBe(rangeCase.range)
      expect(refusedBy(rangeCase.last)).toBe(rangeCase.range)
      const outside =
        rangeCase.below === undefined ? [rangeCase.above] : [rangeCase.below, rangeCase.above]
      expect(outside.map(([address]) => refusedBy(address))).toEqual(
        outside.map(([, neighbour]) => neighbour)
      )
    })
  }

  it('allows public addresses of both families', () => {
    for (const address of ['1.1.1.1', '8.8.8.8', '93.184.215.14', '2606:4700:4700::1111']) {
      expect(checkWebhookAddress(address, 'public')).toEqual({ allowed: true })
    }
  })

  it('refuses the IPv4 spellings the URL parser and inet_aton read as loopback', () => {
    for (const address of ['127.1', '0x7f.0.0.1', '2130706433', '0177.0.0.1', '127.0.0.1.']) {
      expect(refusedBy(address)).toBe('127.0.0.0/8')
    }
    expect(refusedBy('0')).toBe('0.0.0.0/8')
    expect(refusedBy('0x.0x.0.1')).toBe('0.0.0.0/8')
    expect(refusedBy('012.1')).toBe('10.0.0.0/8')
  })

  it('refuses IPv4 carried inside IPv6, however it is written and whatever the IPv4', () => {
    expect(refusedBy('::ffff:7f00:1')).toBe('::ffff:0:0/96')
    expect(refusedBy('::FFFF:127.0.0.1')).toBe('::ffff:0:0/96')
    expect(refusedBy('0:0:0:0:0:ffff:10.0.0.1')).toBe('::ffff:0:0/96')
    expect(refusedBy('::ffff:8.8.8.8')).toBe('::ffff:0:0/96')
    expect(refusedBy('::127.0.0.1')).toBe('::/96')
    expect(refusedBy('64:ff9b::a9fe:a9fe')).toBe('64:ff9b::/96')
    expect(refusedBy('64:ff9b::169.254.169.254')).toBe('64:ff9b::/96')
    expect(refusedBy('2002:7f00:1::')).toBe('2002::/16')
    expect(refusedBy('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe('2001::/32')
  })

  it('reads brackets, zones, upper case and uncompressed groups', () => {
    expect(refusedBy('[::1]')).toBe('::1/128')
    expect(refusedBy('0:0:0:0:0:0:0:1')).toBe('::1/128')
    expect(refusedBy('fe80::1%eth0')).toBe('fe80::/10')
    expect(refusedBy('FC00::1')).toBe('fc00::/7')
  })

  it('refuses what is not an IP address (fail closed)', () => {
    for (const text of [
      '',
      'localhost',
      'example.com',
      '1.2.3.4.5',
      '256.0.0.1',
      '1..2',
      '4294967296',
      ':::',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '::1.2.3.256',
      '1.2.3.4::',
      '::01.2.3.4',
      '::1.2.3',
      '1:2:3:4::5:6:7:8',
      '12345::',
      '1.2.3.0x1g',
      '08.0.0.1',
    ]) {
      expect(checkWebhookAddress(text, 'public')).toEqual({
        allowed: false,
        range: WEBHOOK_ADDRESS_INVALID_RANGE,
      })
    }
  })
})

describe('checkWebhookAddress under any (R136)', () => {
  it('allows every address, loopback and private ones included', () => {
    expect(WEBHOOK_ADDRESS_POLICIES).toEqual(['public', 'any'])
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', '::ffff:7f00:1']) {
      expect(checkWebhookAddress(address, 'any')).toEqual({ allowed: true })
    }
  })
})

describe('canonicalIpAddress', () => {
  it('writes IPv4 as four decimal numbers and IPv6 as the URL parser does', () => {
    expect(canonicalIpAddress('127.1')).toBe('127.0.0.1')
    expect(canonicalIpAddress('0x7f.0.0.1')).toBe('127.0.0.1')
    expect(canonicalIpAddress('::ffff:127.0.0.1')).toBe('::ffff:7f00:1')
    expect(canonicalIpAddress('[0:0:0:0:0:0:0:1]')).toBe('::1')
    expect(canonicalIpAddress('2001:DB8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1')
    expect(canonicalIpAddress('1:0:0:2:0:0:0:3')).toBe('1:0:0:2::3')
    expect(canonicalIpAddress('1:2:3:4:5:6:7:0')).toBe('1:2:3:4:5:6:7:0')
    expect(canonicalIpAddress('1:2:3:4:5:6:7::')).toBe('1:2:3:4:5:6:7:0')
    expect(canonicalIpAddress('::')).toBe('::')
    expect(canonicalIpAddress('fe80::1%25eth0')).toBe('fe80::1')
    expect(canonicalIpAddress('example.com')).toBeNull()
  })

  it('agrees with the WHATWG URL parser on the hosts it normalises', () => {
    for (const host of [
      '127.1',
      '0x7f.0.0.1',
      '2130706433',
      '[::ffff:127.0.0.1]',
      '[1:0:0:2::3]',
    ]) {
      const parsed = new URL(`http://${host}/`).hostname.replace(/^\[|\]$/g, '')
      expect(canonicalIpAddress(host)).toBe(parsed)
    }
  })

  it('tells IP literals from host names', () => {
    expect(isIpAddress('[::1]')).toBe(true)
    expect(isIpAddress('10.0.0.1')).toBe(true)
    expect(isIpAddress('localhost')).toBe(false)
    expect(isIpAddress('1.example')).toBe(false)
  })
})
