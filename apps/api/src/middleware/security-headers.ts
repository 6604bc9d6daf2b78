import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'

/**
 * The API answers JSON: a document rendered from one of its answers may load nothing, run
 * nothing, submit nowhere and be framed by nobody.
 */
const JSON_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** One year; no includeSubDomains or preload: those commit the operator's whole domain. */
export const HSTS_VALUE = 'max-age=31536000'

/**
 * The CSP of the API reference page (`/api/docs`, Scalar): scripts run only with this response's
 * nonce (Scalar's bundle from this origin and the page's inline start), never by `eval`; the page
 * may fetch and call nothing but its own origin (the OpenAPI document, try-it), and loads no font,
 * image or frame.
 *
 * Styles alone are `'unsafe-inline'`, on this page only: Scalar's Vue components render `<style>`
 * elements (its theme, its toasts) and `style` attributes (code line counts) that no nonce
 * reaches. An injected style can neither run code nor send anything out: every fetch of the page
 * stays on its origin.
 *
 * @example
 * c.header('content-security-policy', documentPageCsp(nonce))
 */
export function documentPageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** A fresh CSP nonce: 16 random bytes in base64 (CSP3 asks for at least 128 bits). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

/**
 * Sends the security headers on every answer of the API (issue 13 item 6): a CSP that allows
 * nothing (a handler may set its own, as `/api/docs` does), `X-Content-Type-Options: nosniff`,
 * `frame-ancestors 'none'` with `X-Frame-Options: DENY` for older browsers,
 * `Referrer-Policy: no-referrer`, and HSTS when the public base URL is https (browsers ignore it
 * over http, and a development machine must not pin localhost to https).
 *
 * Register it first, so it also wraps answers made by other middleware and by `onError`.
 *
 * @example
 * app.use(securityHeaders({ publicBaseUrl: 'https://partners.example.com' }))
 */
export function securityHeaders(options: { publicBaseUrl: string }): MiddlewareHandler<AppEnv> {
  const headers: [string, string][] = [
    ['content-security-policy', JSON_CSP],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['referrer-policy', 'no-referrer'],
  ]
  if (new URL(options.publicBaseUrl).protocol === 'https:') {
    headers.push(['strict-transport-security', HSTS_VALUE])
  }
  return async (c, next) => {
    // Prepared before the handler runs, so c.json/c.html build each answer with them once
    // (setting them afterwards would copy every Response: the list path is benchmarked).
    for (const [name, value] of headers) c.header(name, value)
    await next()
    // A handler that returned a Response of its own (a stored idempotent answer) skipped the
    // prepared headers: add the missing ones, keeping a CSP the handler chose.
    const sent = c.res.headers
    if (sent.get('x-content-type-options') === 'nosniff') return
    for (const [name, value] of headers) {
      if (name !== 'content-security-policy' || !sent.has(name)) sent.set(name, value)
    }
  }
}
