/**
 * IP addresses and CIDR ranges for the client address rule (R59), on plain JavaScript so the
 * request path stays edge-ready. Every address is compared in one 16-byte form: IPv4 as its
 * IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), so `10.0.0.1` and `::ffff:10.0.0.1` are one.
 */

/** One parsed address: 16 bytes, IPv4 in its mapped form. */
export type IpBytes = Uint8Array

/** A CIDR range (a single address is a /32 or /128), in the 16-byte form. */
export interface IpRange {
  network: IpBytes
  /** Prefix length over the 16-byte form (an IPv4 /8 is 104). */
  prefix: number
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]
const DECIMAL_OCTET = /^(?:0|[1-9]\d{0,2})$/
const HEX_GROUP = /^[0-9a-f]{1,4}$/i

function parseIpv4Octets(text: string): number[] | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  const octets: number[] = []
  // Leading zeros are refused: some stacks read them as octal, so `010.0.0.1` is ambiguous.
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return null
    const value = Number(part)
    if (value > 255) return null
    octets.push(value)
  }
  return octets
}

function parseGroups(text: string): number[] | null {
  if (text === '') return []
  const groups: number[] = []
  const parts = text.split(':')
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const octets = parseIpv4Octets(part)
      if (!octets) return null
      groups.push(
        ((octets[0] ?? 0) << 8) | (octets[1] ?? 0),
        ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)
      )
    } else {
      if (!HEX_GROUP.test(part)) return null
      groups.push(parseInt(part, 16))
    }
  }
  return groups
}

function parseIpv6(text: string): IpBytes | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const head = parseGroups(halves[0] ?? '')
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : []
  if (!head || !tail) return null
  // A dotted IPv4 tail is allowed only at the very end.
  if (halves.length === 2 && (halves[0] ?? '').includes('.')) return null
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail]
  const bytes = new Uint8Array(16)
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8
    bytes[i * 2 + 1] = group & 0xff
  })
  return bytes
}

/**
 * Parses a literal IPv4 or IPv6 address (a zone such as `%eth0` is ignored) into the 16-byte
 * form, or null when the text is not exactly an address.
 *
 * @example
 * parseIp('::ffff:10.0.0.1') // the same bytes as parseIp('10.0.0.1')
 * parseIp('10.0.0.1, x') // null
 */
export function parseIp(text: string): IpBytes | null {
  if (text.length === 0 || text.length > 64) return null
  const address = text.includes(':') ? text.replace(/%[0-9A-Za-z._~-]{1,32}$/, '') : text
  if (!address.includes(':')) {
    const octets = parseIpv4Octets(address)
    return octets ? Uint8Array.from([...V4_MAPPED_PREFIX, ...octets]) : null
  }
  return parseIpv6(address)
}

/** Whether the 16-byte form holds an IPv4 address. */
export function isIpv4(bytes: IpBytes): boolean {
  return V4_MAPPED_PREFIX.every((value, i) => bytes[i] === value)
}

/**
 * The canonical text of an address: dotted IPv4 (also for IPv4-mapped IPv6) or RFC 5952 IPv6
 * (lower case, no leading zeros, the longest run of zero groups shortened to `::`), so one
 * client cannot spell its address two ways.
 *
 * @example
 * formatIp(parseIp('2001:0DB8:0:0::1')!) // '2001:db8::1'
 */
export function formatIp(bytes: IpBytes): string {
  if (isIpv4(bytes)) return Array.from(bytes.subarray(12)).join('.')
  const groups = Array.from(
    { length: 8 },
    (_, i) => ((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0)
  )
  let bestStart = -1
  let bestLength = 1
  for (let start = 0; start < 8; start++) {
    let length = 0
    while (start + length < 8 && groups[start + length] === 0) length++
    if (length > bestLength) {
      bestStart = start
      bestLength = length
    }
  }
  const hex = groups.map((group) => group.toString(16))
  if (bestStart < 0) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`
}

/**
 * The canonical text of an address as a client or proxy may write it: a plain address,
 * `[IPv6]`, `[IPv6]:port` or `IPv4:port`. Null for anything else.
 *
 * @example
 * canonicalIp('[2001:db8::1]:443') // '2001:db8::1'
 * canonicalIp('unknown') // null
 */
export function canonicalIp(text: string): string | null {
  const trimmed = text.trim()
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(trimmed)
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(trimmed)
  const bytes = parseIp(bracketed?.[1] ?? withPort?.[1] ?? trimmed)
  return bytes ? formatIp(bytes) : null
}

/**
 * Parses one `TRUSTED_PROXIES` entry: an address or a CIDR range, IPv4 or IPv6. A range with
 * host bits set (`10.0.0.1/8`) is refused as a likely typo. Null when malformed.
 *
 * @example
 * parseIpRange('10.0.0.0/8') // { network: ::ffff:10.0.0.0, prefix: 104 }
 * parseIpRange('10.0.0.0/33') // null
 */
export function parseIpRange(text: string): IpRange | null {
  const [address = '', length, ...rest] = text.trim().split('/')
  if (rest.length > 0) return null
  const network = parseIp(address)
  if (!network || address.includes('%')) return null
  const v4Literal = !address.includes(':')
  if (length === undefined) return { network, prefix: 128 }
  if (!/^\d{1,3}$/.test(length)) return null
  const bits = Number(length)
  if (bits > (v4Literal ? 32 : 128)) return null
  const prefix = v4Literal ? bits + 96 : bits
  for (let bit = prefix; bit < 128; bit++) {
    if (((network[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) return null
  }
  return { network, prefix }
}

/** Whether an address (16-byte form) lies in a range. */
export function ipInRange(address: IpBytes, range: IpRange): boolean {
  const whole = range.prefix >> 3
  for (let i = 0; i < whole; i++) if (address[i] !== range.network[i]) return false
  const rest = range.prefix & 7
  if (rest === 0) return true
  const mask = (0xff << (8 - rest)) & 0xff
  return ((address[whole] ?? 0) & mask) === ((range.network[whole] ?? 0) & mask)
}

/**
 * The subject of a per-address rate limit: the address itself for IPv4, its /64 for IPv6,
 * because one IPv6 subscriber holds a whole /64 and could rotate through it.
 *
 * @example
 * rateLimitSubject('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * rateLimitSubject('203.0.113.7') // '203.0.113.7'
 */
export function rateLimitSubject(address: string): string {
  const bytes = parseIp(address)
  if (!bytes || isIpv4(bytes)) return address
  const network = new Uint8Array(16)
  network.set(bytes.subarray(0, 8))
  return `${formatIp(network)}/64`
}
