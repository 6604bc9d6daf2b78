// The endpoint URL check of domain.md §13 (R126) and the URL's redacted form for logs, audit
// details and emails (R144). Host names are never resolved here: every attempt checks the
// addresses it is about to reach (R136).

import { DEFAULT_LIMITS } from '../core/limits'
import { checkWebhookAddress, isIpAddress, type WebhookAddressPolicy } from './address-policy'

// The WHATWG URL class exists in every runtime this package runs in (browsers, Node, workerd),
// but the package compiles without DOM or Node types; this is the part of it used here.
declare const URL: new (input: string) => {
  readonly href: string
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  readonly origin: string
  readonly pathname: string
  readonly search: string
}

/** Where the URL is checked: production refuses http and local or private hosts (R126). */
export interface WebhookUrlOptions {
  /** Whether the API runs in production (`APP_ENV=production`). */
  production: boolean
  /**
   * `WEBHOOK_ADDRESS_POLICY`. In production it is always `public` (the API refuses to start
   * otherwise) and IP literals are checked under `public` whatever is passed; outside
   * production R126 leaves every host to the attempt's check (R136).
   */
  policy: WebhookAddressPolicy
  /** Characters allowed as given and as serialised; `WEBHOOK_URL_MAX` (2,048) by default. */
  maxLength?: number
}

/** A URL R126 accepts: `href` is what is stored, `host` the host name without brackets. */
export interface WebhookUrlAccepted {
  ok: true
  href: string
  host: string
}

/** A URL R126 refuses, with the failure code to answer. */
export interface WebhookUrlRefused {
  ok: false
  code: 'WEBHOOK_URL_INVALID' | 'WEBHOOK_URL_NOT_ALLOWED'
}

/** The answer of {@link checkWebhookUrl}. */
export type WebhookUrlCheck = WebhookUrlAccepted | WebhookUrlRefused

const INVALID: WebhookUrlRefused = { ok: false, code: 'WEBHOOK_URL_INVALID' }
const NOT_ALLOWED: WebhookUrlRefused = { ok: false, code: 'WEBHOOK_URL_NOT_ALLOWED' }

function parseUrl(raw: string): InstanceType<typeof URL> | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

function isLocalhost(host: string): boolean {
  // A name with a trailing dot is the same name to a resolver.
  const name = host.endsWith('.') ? host.slice(0, -1) : host
  return name === 'localhost' || name.endsWith('.localhost')
}

/**
 * Checks an endpoint URL (R126). `WEBHOOK_URL_INVALID` when it does not parse, is longer than
 * 2,048 characters (as given or as serialised), has a user name, password or fragment (even an
 * empty `#`), or its scheme is not `https` (production) or `http`/`https` (elsewhere). In
 * production, `WEBHOOK_URL_NOT_ALLOWED` when its host is `localhost`, ends in `.localhost`, or is
 * an IP literal R136 refuses, after the parser's normalisation (`127.1` is `127.0.0.1`).
 *
 * @example
 * checkWebhookUrl('https://hooks.example.com/in?t=1', { production: true, policy: 'public' })
 * // { ok: true, href: 'https://hooks.example.com/in?t=1', host: 'hooks.example.com' }
 * checkWebhookUrl('https://127.1/', { production: true, policy: 'public' })
 * // { ok: false, code: 'WEBHOOK_URL_NOT_ALLOWED' }
 */
export function checkWebhookUrl(raw: string, options: WebhookUrlOptions): WebhookUrlCheck {
  const maxLength = options.maxLength ?? DEFAULT_LIMITS.WEBHOOK_URL_MAX
  if (raw.length > maxLength) return INVALID
  const url = parseUrl(raw)
  if (url === null || url.href.length > maxLength) return INVALID
  if (url.username !== '' || url.password !== '' || url.href.includes('#')) return INVALID
  const schemes = options.production ? ['https:'] : ['http:', 'https:']
  if (!schemes.includes(url.protocol)) return INVALID
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (options.production && refusedInProduction(host)) return NOT_ALLOWED
  return { ok: true, href: url.href, host }
}

function refusedInProduction(host: string): boolean {
  if (isLocalhost(host)) return true
  return isIpAddress(host) && !checkWebhookAddress(host, 'public').allowed
}

/**
 * An endpoint URL as logs, audit details and emails record it (R144): origin and path, with a
 * query replaced by `?…` because a receiver may put its own token there. Text that does not
 * parse keeps only what comes before its first `?` or `#`.
 *
 * @example
 * redactWebhookUrl('https://hooks.example.com/in?token=s3cr3t') // 'https://hooks.example.com/in?…'
 * redactWebhookUrl('https://hooks.example.com/in') // 'https://hooks.example.com/in'
 */
export function redactWebhookUrl(href: string): string {
  const url = parseUrl(href)
  if (url === null || url.origin === 'null') {
    const cut = href.search(/[?#]/)
    return cut === -1 ? href : `${href.slice(0, cut)}${href[cut] === '?' ? '?…' : ''}`
  }
  return `${url.origin}${url.pathname}${url.search === '' ? '' : '?…'}`
}
