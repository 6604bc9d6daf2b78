import { EmailInputError } from './email-input-error.js'
import type { LinkPolicy } from './types.js'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1'])

/**
 * Resolves the allowed origin of a link policy (domain.md R55): `https`, or `http` on localhost /
 * 127.0.0.1 outside production. Anything else (other schemes, credentials, plain-http hosts)
 * throws, so a misconfigured `PUBLIC_BASE_URL` cannot produce a single email.
 *
 * @example
 * allowedOrigin({ origin: 'https://partners.example.com/', appEnv: 'production' })
 * // 'https://partners.example.com'
 */
export function allowedOrigin(policy: LinkPolicy): string {
  let url: URL
  try {
    url = new URL(policy.origin)
  } catch {
    throw refusedOrigin('is not a URL')
  }
  if (url.username !== '' || url.password !== '') throw refusedOrigin('carries credentials')
  if (url.protocol === 'https:') return url.origin
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
    if (policy.appEnv === 'production') throw refusedOrigin('is plain http in production')
    return url.origin
  }
  throw refusedOrigin('must be https (or http on localhost outside production)')
}

/**
 * Refuses a link that does not point at the allowed origin. The link must also be plain printable
 * ASCII (a token link always is), which rules out whitespace and look-alike tricks and keeps the
 * plain-text part a single word.
 *
 * @example
 * assertLinkAllowed('https://partners.example.com/invite#tok', 'https://partners.example.com')
 * assertLinkAllowed('javascript:alert(1)', 'https://partners.example.com') // throws
 */
export function assertLinkAllowed(link: string, origin: string, field = 'link'): void {
  const refuse = (why: string): EmailInputError =>
    new EmailInputError('LINK_NOT_ALLOWED', field, `${field} ${why}`)
  if (!/^[\x21-\x7e]+$/.test(link)) throw refuse('must be printable ASCII without spaces')
  // The literal prefix check catches scheme and host tricks the URL parser would normalise away.
  if (!link.startsWith(`${origin}/`)) throw refuse('must start with the configured origin')
  let url: URL
  try {
    url = new URL(link)
  } catch {
    throw refuse('is not a URL')
  }
  if (url.origin !== origin || url.username !== '' || url.password !== '') {
    throw refuse('must point at the configured origin')
  }
}

function refusedOrigin(why: string): EmailInputError {
  return new EmailInputError('LINK_ORIGIN_NOT_ALLOWED', 'linkPolicy.origin', `link origin ${why}`)
}
