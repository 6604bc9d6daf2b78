import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import {
  canonicalIp,
  formatIp,
  ipInRange,
  parseIp,
  parseIpRange,
  type IpBytes,
  type IpRange,
} from '../security/ip-address'

/** The parsed `TRUSTED_PROXIES`: answers whether an address is one of them. */
export interface TrustedProxies {
  contains(address: IpBytes): boolean
}

/**
 * Parses `TRUSTED_PROXIES` entries (addresses or CIDR ranges, IPv4 or IPv6). Throws on a
 * malformed entry, naming it: `readEnv` calls this so a typo stops the process at start.
 *
 * @example
 * parseTrustedProxies(['10.0.0.0/8', '2001:db8::1']).contains(parseIp('10.1.2.3')!) // true
 */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  const ranges: IpRange[] = []
  for (const entry of entries) {
    const range = parseIpRange(entry)
    if (!range) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`)
    ranges.push(range)
  }
  return { contains: (address) => ranges.some((range) => ipInRange(address, range)) }
}

// At most this many X-Forwarded-For entries are read, from the right: a longer header costs no
// more work, and no real chain of trusted proxies is this long.
const MAX_FORWARDED_ENTRIES = 32

/** Inputs of {@link pickClientAddress}. */
export interface ClientAddressInput {
  /** The socket peer's address, if the runtime knows it. */
  socket: string | undefined
  /** The `X-Forwarded-For` header (several headers joined with commas). */
  forwardedFor: string | undefined
  trustedProxies: TrustedProxies
}

/**
 * The client address of R59. The socket's address, canonical (`::ffff:10.0.0.1` is
 * `10.0.0.1`); only when that is a trusted proxy, `X-Forwarded-For` is read from the right —
 * each proxy appends the peer it saw, so the entries left of the first untrusted one are the
 * client's own words: the right-most entry that is not a trusted proxy is the client. When every
 * entry is a trusted proxy, the left-most one. Entries that are not addresses are dropped.
 * Without a socket the address is `unknown`, so no header can spoof a fresh address.
 *
 * @example
 * pickClientAddress({ socket: '10.0.0.1', forwardedFor: '1.1.1.1, 203.0.113.7',
 *   trustedProxies: parseTrustedProxies(['10.0.0.0/8']) }) // '203.0.113.7'
 */
export function pickClientAddress(input: ClientAddressInput): string {
  const socketBytes = input.socket === undefined ? null : parseIp(input.socket)
  if (!socketBytes) return 'unknown'
  const socket = formatIp(socketBytes)
  if (!input.trustedProxies.contains(socketBytes)) return socket
  const entries = (input.forwardedFor ?? '').split(',').slice(-MAX_FORWARDED_ENTRIES)
  let leftMostTrusted: string | null = null
  for (let i = entries.length - 1; i >= 0; i--) {
    const address = canonicalIp(entries[i] ?? '')
    if (address === null) continue
    const bytes = parseIp(address)
    if (bytes && !input.trustedProxies.contains(bytes)) return address
    leftMostTrusted = address
  }
  return leftMostTrusted ?? socket
}

// Parsed once per configuration array: the config object lives as long as the app.
const parsedProxies = new WeakMap<readonly string[], TrustedProxies>()

function trustedProxiesOf(entries: readonly string[]): TrustedProxies {
  let parsed = parsedProxies.get(entries)
  if (!parsed) {
    parsed = parseTrustedProxies(entries)
    parsedProxies.set(entries, parsed)
  }
  return parsed
}

/** The client address of a request (R59): {@link pickClientAddress} on the app's settings. */
export function resolveClientAddress(deps: AppDeps, c: Context<AppEnv>): string {
  return pickClientAddress({
    socket: deps.getClientAddress?.(c),
    forwardedFor: c.req.header('x-forwarded-for'),
    trustedProxies: trustedProxiesOf(deps.config.trustedProxies),
  })
}

/** Whether an address is the local machine (fixture endpoints answer only there, §10.5). */
export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}
