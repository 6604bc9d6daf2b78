import { API_ROUTES } from '@partner-center/contracts/routes'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'

/** Every method of the route table, in the order it first appears: what a preflight may ask. */
export const API_METHODS: readonly string[] = [
  ...new Set(Object.values(API_ROUTES).map((route) => route.method)),
]

/** The request headers a page on an allowed origin may send (Content-Type for JSON bodies). */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'Accept-Language',
  'X-Request-Id',
] as const

/** The answer headers such a page may read besides the safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['Retry-After', 'X-Request-Id'] as const

/** How long a browser may reuse a granted preflight, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600

/**
 * Why `entry` is not an allowed origin, or null when it is one: exactly what a browser sends in
 * `Origin`, http or https, lower case, no path, no default port, no wildcard. An entry written
 * any other way would never match, so `readEnv` refuses it at start, naming it.
 *
 * @example
 * originProblem('https://console.example.com') // null
 * originProblem('https://console.example.com/') // '"https://console.example.com/" is not …'
 */
export function originProblem(entry: string): string | null {
  let origin: string | null = null
  try {
    const url = new URL(entry)
    // The URL parser takes `*` as a host character; here it would be a wildcard no Origin matches.
    const web = url.protocol === 'https:' || url.protocol === 'http:'
    if (web && !url.hostname.includes('*')) origin = url.origin
  } catch {
    // Not a URL at all: reported below like any other malformed entry.
  }
  if (origin === entry) return null
  const hint = origin && origin !== 'null' ? ` (did you mean ${origin}?)` : ''
  return (
    `"${entry}" is not an origin${hint}: write scheme://host[:port] as a browser sends it, ` +
    'e.g. https://console.example.com (http or https, no path, no wildcard)'
  )
}

// Loopback hosts: a browser counts their plain-http pages as secure contexts.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Whether production may let pages of this origin call the API: https, or plain http on a
 * loopback host (a production build tried on one machine). A plain-http page elsewhere can be
 * rewritten on its way to the browser, and the token it holds read.
 */
export function isTrustworthyOrigin(origin: string): boolean {
  const url = new URL(origin)
  if (url.protocol === 'https:') return true
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost')
}

/**
 * CORS for pages on the listed origins (`CORS_ALLOWED_ORIGINS`, exact origins; none by default):
 * such a page calls the API with a bearer token, never with cookies, so no credentials mode.
 *
 * - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered here,
 *   204, before the body limit and authentication: for an allowed origin with that origin, the
 *   methods of the route table, {@link CORS_ALLOWED_HEADERS} and a max age of
 *   {@link CORS_MAX_AGE_SECONDS}; for any other origin with no CORS header at all, which the
 *   browser reads as refused (a 404 error body would only say the path has no OPTIONS).
 * - Any other answer to an allowed origin, errors included (401, 413, 429, 503), carries the
 *   origin and exposes {@link CORS_EXPOSED_HEADERS}, so the page can read the error body,
 *   `Retry-After` and the request id.
 * - Once any origin is allowed, every answer says `Vary: Origin`: the same URL answers with or
 *   without the CORS headers by origin, and a cache must not hand one origin's answer to another
 *   (Fetch standard, "CORS protocol and HTTP caches"). With none allowed nothing changes.
 *
 * Register it after the request id (a preflight answer carries one) and before everything that
 * may refuse a request, so the refusal carries the CORS headers.
 *
 * @example
 * app.use(cors({ allowedOrigins: ['https://console.example.com'] }))
 */
export function cors(options: {
  allowedOrigins: readonly string[]
  /** Default: the methods of the route table ({@link API_METHODS}). */
  methods?: readonly string[]
}): MiddlewareHandler<AppEnv> {
  const allowed = new Set(options.allowedOrigins)
  const varies = allowed.size > 0
  const allowMethods = (options.methods ?? API_METHODS).join(', ')
  const allowHeaders = CORS_ALLOWED_HEADERS.join(', ')
  const exposeHeaders = CORS_EXPOSED_HEADERS.join(', ')
  const maxAge = String(CORS_MAX_AGE_SECONDS)

  return async (c, next) => {
    const origin = c.req.header('origin')
    const granted = origin !== undefined && allowed.has(origin)
    // Prepared before the handler runs, so each answer is built with them once (like
    // securityHeaders: setting them afterwards would copy every Response).
    if (varies) c.header('vary', 'Origin', { append: true })
    if (granted) c.header('access-control-allow-origin', origin)

    const preflight =
      c.req.method === 'OPTIONS' &&
      origin !== undefined &&
      c.req.header('access-control-request-method') !== undefined
    if (preflight) {
      if (granted) {
        c.header('access-control-allow-methods', allowMethods)
        c.header('access-control-allow-headers', allowHeaders)
        c.header('access-control-max-age', maxAge)
      }
      return c.body(null, 204)
    }

    // None allowed (the default): every other answer is exactly what it was without CORS.
    if (!varies) return next()
    if (granted) c.header('access-control-expose-headers', exposeHeaders)
    await next()
    // A handler that returned a Response of its own (a stored idempotent answer) skipped the
    // prepared headers: add them to it.
    const sent = c.res.headers
    if (!/(^|,)\s*origin\s*(,|$)/i.test(sent.get('vary') ?? '')) {
      sent.append('vary', 'Origin')
    }
    if (granted && sent.get('access-control-allow-origin') !== origin) {
      sent.set('access-control-allow-origin', origin)
      sent.set('access-control-expose-headers', exposeHeaders)
    }
  }
}
