/**
 * The address a webhook attempt connects to (domain.md §13, R136): every address of the host,
 * checked against the policy, and the first one if none is refused.
 */

import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import {
  canonicalIpAddress,
  checkWebhookAddress,
  type WebhookAddressPolicy,
} from '@partner-center/domain'

/** One answer of a resolver, as `dns.promises.lookup(host, { all: true })` gives it. */
export interface ResolvedAddress {
  address: string
  family?: number
}

/** Resolves a host name to all its addresses (A and AAAA); rejects when the name has none. */
export type WebhookResolver = (host: string) => Promise<readonly ResolvedAddress[]>

/** The resolver of production: the system's, as every other client of the host uses it. */
export const systemResolver: WebhookResolver = (host) => lookup(host, { all: true })

/** Where an attempt may go, or why it goes nowhere. */
export type AttemptAddress =
  | { kind: 'CONNECT'; address: string; family: 4 | 6 }
  | { kind: 'DNS_FAILED' }
  | { kind: 'ADDRESS_NOT_ALLOWED' }

/**
 * Resolves a URL's host once and decides where the attempt goes (R136): an IP literal is its own
 * answer; a name with no answer is `DNS_FAILED`; one refused answer refuses the name
 * (`ADDRESS_NOT_ALLOWED`); otherwise the first answer, in canonical form. A resolver's failure
 * is `DNS_FAILED`.
 */
export async function resolveAttemptAddress(
  host: string,
  policy: WebhookAddressPolicy,
  resolver: WebhookResolver
): Promise<AttemptAddress> {
  let answers: readonly ResolvedAddress[]
  if (isIP(host) !== 0) {
    answers = [{ address: host }]
  } else {
    try {
      answers = await resolver(host)
    } catch {
      return { kind: 'DNS_FAILED' }
    }
  }
  const addresses = answers.map((answer) => canonicalIpAddress(answer.address))
  if (addresses.length === 0) return { kind: 'DNS_FAILED' }
  for (const address of addresses) {
    if (address === null || !checkWebhookAddress(address, policy).allowed) {
      return { kind: 'ADDRESS_NOT_ALLOWED' }
    }
  }
  const first = addresses[0] ?? ''
  return { kind: 'CONNECT', address: first, family: isIP(first) === 6 ? 6 : 4 }
}
