// Which network addresses a webhook attempt may reach (domain.md §13, R136), and the canonical
// form of an IP address. Pure: the dispatcher resolves names and hands every answer here, and the
// URL check (R126) hands IP literals here; neither this file nor its callers in the API connect.

/**
 * The values of `WEBHOOK_ADDRESS_POLICY` (R136): `public` refuses the ranges of R136's table,
 * `any` allows every address (the default outside production, so tests reach loopback).
 *
 * @example
 * WEBHOOK_ADDRESS_POLICIES // ['public', 'any']
 */
export const WEBHOOK_ADDRESS_POLICIES = ['public', 'any'] as const

/**
 * One policy of {@link WEBHOOK_ADDRESS_POLICIES}.
 *
 * @example
 * const policy: WebhookAddressPolicy = 'public'
 */
export type WebhookAddressPolicy = (typeof WEBHOOK_ADDRESS_POLICIES)[number]

/** An address the policy lets an attempt connect to. */
export interface WebhookAddressAllowed {
  allowed: true
}

/** An address the policy refuses, with the range of R136's table that contains it. */
export interface WebhookAddressRefused {
  allowed: false
  /** The refused range in CIDR notation (`127.0.0.0/8`), or `invalid` for text that is no IP address. */
  range: string
}

/** The answer of {@link checkWebhookAddress}. */
export type WebhookAddressCheck = WebhookAddressAllowed | WebhookAddressRefused

/** The range named when the text is not an IP address at all: refused under `public`. */
export const WEBHOOK_ADDRESS_INVALID_RANGE = 'invalid'

// An address as a number: 32 bits for IPv4, 128 for IPv6.
interface IpAddress {
  family: 4 | 6
  value: bigint
}

interface RefusedRange {
  cidr: string
  family: 4 | 6
  /** The address with the bits after the prefix shifted out. */
  network: bigint
  /** Bits after the prefix. */
  hostBits: bigint
}

function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128
}

// The table's literals always parse (the tests check every range), hence the assertion.
function range(cidr: string): RefusedRange {
  const [text, prefix] = cidr.split('/') as [string, string]
  const address = parseIpAddress(text)!
  const hostBits = BigInt(bitsOf(address.family) - Number(prefix))
  return { cidr, family: address.family, network: address.value >> hostBits, hostBits }
}

// R136's table. Order matters only where ranges nest: the narrower one comes first so the answer
// names it (`::1` is loopback before it is inside the IPv4-compatible `::/96`).
const REFUSED_RANGES: readonly RefusedRange[] = [
  '0.0.0.0/8',
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '100.64.0.0/10',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '::/96',
  'fc00::/7',
  'fec0::/10',
  'fe80::/10',
  '100::/64',
  '2001:db8::/32',
  '::ffff:0:0/96',
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  '2002::/16',
  '2001::/32',
  'ff00::/8',
].map(range)

function inRange(address: IpAddress, refused: RefusedRange): boolean {
  return address.family === refused.family && address.value >> refused.hostBits === refused.network
}

/**
 * Whether an attempt may connect to an address (R136). Under `public` every range of R136's
 * table is refused, IPv4 and IPv6, whatever the spelling: the address is put in canonical form
 * first (`127.1`, `0x7f.0.0.1`, `::ffff:127.0.0.1`, `[::1]`, `fe80::1%eth0`), and the ways of
 * carrying an IPv4 address inside IPv6 (mapped, compatible, NAT64, 6to4, Teredo) are refused
 * whole. Text that is not an IP address is refused under `public` (fail closed). Under `any`
 * everything is allowed.
 *
 * @example
 * checkWebhookAddress('::ffff:7f00:1', 'public') // { allowed: false, range: '::ffff:0:0/96' }
 * checkWebhookAddress('93.184.215.14', 'public') // { allowed: true }
 * checkWebhookAddress('127.0.0.1', 'any') // { allowed: true }
 */
export function checkWebhookAddress(
  address: string,
  policy: WebhookAddressPolicy
): WebhookAddressCheck {
  if (policy === 'any') return { allowed: true }
  const parsed = parseIpAddress(address)
  if (parsed === null) return { allowed: false, range: WEBHOOK_ADDRESS_INVALID_RANGE }
  const refused = REFUSED_RANGES.find((candidate) => inRange(parsed, candidate))
  return refused === undefined ? { allowed: true } : { allowed: false, range: refused.cidr }
}

/**
 * The canonical text of an IP address, or null when the text is none: IPv4 as four decimal
 * numbers, IPv6 lower-case with the first longest run of zero groups compressed (RFC 5952, the
 * form the WHATWG URL parser writes, so `::ffff:127.0.0.1` is `::ffff:7f00:1`). Brackets and a
 * zone (`%eth0`) are dropped.
 *
 * @example
 * canonicalIpAddress('127.1') // '127.0.0.1'
 * canonicalIpAddress('[0:0:0:0:0:0:0:1]') // '::1'
 * canonicalIpAddress('example.com') // null
 */
export function canonicalIpAddress(address: string): string | null {
  const parsed = parseIpAddress(address)
  if (parsed === null) return null
  return parsed.family === 4 ? serialiseIpv4(parsed.value) : serialiseIpv6(parsed.value)
}

/**
 * Whether a text is an IP literal (IPv4 in any spelling the URL parser takes, or IPv6 with or
 * without brackets).
 *
 * @example
 * isIpAddress('[::1]') // true
 * isIpAddress('localhost') // false
 */
export function isIpAddress(address: string): boolean {
  return parseIpAddress(address) !== null
}

function parseIpAddress(address: string): IpAddress | null {
  const text = address.trim()
  const family = text.includes(':') ? 6 : 4
  const value = family === 6 ? parseIpv6(text) : parseIpv4(text)
  return value === null ? null : { family, value }
}

// The WHATWG URL parser's IPv4 number: decimal, `0x` hexadecimal or `0` octal. inet_aton reads
// the same spellings, so a resolver and the URL parser agree on what such a text means.
function parseIpv4Number(part: string): number | null {
  let digits = part
  let radix = 10
  if (/^0x/i.test(digits)) {
    digits = digits.slice(2)
    radix = 16
  } else if (digits.length > 1 && digits.startsWith('0')) {
    digits = digits.slice(1)
    radix = 8
  }
  if (digits === '') return 0
  const pattern = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/
  if (!pattern.test(digits)) return null
  return Number.parseInt(digits, radix)
}

// The WHATWG URL parser's IPv4 parser: one to four parts, the last filling the remaining bytes
// (`127.1` is 127.0.0.1, `2130706433` is 127.0.0.1), one trailing dot allowed.
function parseIpv4(text: string): bigint | null {
  const parts = text.split('.')
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length > 4) return null
  let value = 0
  for (const [index, part] of parts.entries()) {
    const number = part === '' ? null : parseIpv4Number(part)
    if (number === null) return null
    if (index < parts.length - 1) {
      if (number > 255) return null
      value += number * 256 ** (3 - index)
    } else {
      if (number >= 256 ** (4 - index)) return null
      value += number
    }
  }
  return BigInt(value)
}

// Strict dotted decimal, as an IPv6 text's last 32 bits (`::ffff:127.0.0.1`).
function parseEmbeddedIpv4(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const bytes = parts.map((part) => (/^(0|[1-9][0-9]{0,2})$/.test(part) ? Number(part) : 256))
  if (bytes.some((byte) => byte > 255)) return null
  return [0, 2].map((start) =>
    bytes.slice(start, start + 2).reduce((word, byte) => (word << 8) | byte, 0)
  )
}

// Hexadecimal groups, the last of which may be dotted IPv4 when they end the address.
function parseGroups(text: string, endsAddress: boolean): number[] | null {
  if (text === '') return []
  const groups = text.split(':')
  const words: number[] = []
  for (const [index, group] of groups.entries()) {
    const embedded = endsAddress && index === groups.length - 1 && group.includes('.')
    const parsed = embedded ? parseEmbeddedIpv4(group) : parseHexGroup(group)
    if (parsed === null) return null
    words.push(...parsed)
  }
  return words
}

function parseHexGroup(group: string): number[] | null {
  return /^[0-9a-f]{1,4}$/i.test(group) ? [Number.parseInt(group, 16)] : null
}

function parseIpv6(address: string): bigint | null {
  let text = address
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1)
  const zone = text.indexOf('%')
  if (zone !== -1) text = text.slice(0, zone)
  const gap = text.indexOf('::')
  const compressed = gap !== -1
  const head = parseGroups(compressed ? text.slice(0, gap) : text, !compressed)
  const tail = compressed ? parseGroups(text.slice(gap + 2), true) : []
  if (head === null || tail === null) return null
  const missing = 8 - head.length - tail.length
  if (compressed ? missing < 1 : missing !== 0) return null
  const words = [...head, ...Array<number>(missing).fill(0), ...tail]
  return words.reduce((value, word) => (value << 16n) | BigInt(word), 0n)
}

function serialiseIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.')
}

function serialiseIpv6(value: bigint): string {
  const words = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) =>
    Number((value >> shift) & 0xffffn)
  )
  let bestStart = -1
  let bestLength = 1
  for (let start = 0; start < 8; start += 1) {
    let length = 0
    while (start + length < 8 && words[start + length] === 0) length += 1
    if (length > bestLength) {
      bestStart = start
      bestLength = length
    }
  }
  const hex = words.map((word) => word.toString(16))
  if (bestStart === -1) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`
}
