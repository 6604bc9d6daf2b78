// The security headers of the served static apps (issue 13 item 6). The API sends its own
// (apps/api/src/middleware/security-headers.ts); these are for the shell, the portal and the
// micro-frontend's files, served by scripts/lib/preview-app.mjs.

/** One year; no includeSubDomains or preload: those commit the operator's whole domain. */
export const HSTS_VALUE = 'max-age=31536000'

/**
 * The CSP of the shell and the portal: scripts only from their own origin (the built pages have
 * no inline script: `findInlineScripts` guards that), styles from their origin and inline
 * (Element Plus sets style attributes, and the email HTML shown in Preview Email and the Mailbox
 * is inline-styled: a srcdoc frame inherits this policy), API calls to their own origin (the
 * shell proxies /api and /mfe, the portal /api), no plugins, and no page may frame them.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The micro-frontend's server holds only the module's files (ES modules, CSS, manifest.json; the
 * library build has no HTML page): nothing it serves is a document, so as a document it may run
 * nothing and be framed by nobody. A host on another origin imports the files instead, which
 * `Cross-Origin-Resource-Policy: cross-origin` and CORS (vite.config.ts `preview.cors`) allow.
 */
const MODULE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * The headers a surface sends with every file it serves.
 *
 * @param {'shell' | 'portal' | 'module'} surface
 * @param {{ publicBaseUrl: string }} options HSTS only when the public base URL is https.
 * @returns {Record<string, string>}
 * @example
 * headersFor('portal', { publicBaseUrl: 'https://partners.example.com' })['strict-transport-security'] // 'max-age=31536000'
 */
export function headersFor(surface, { publicBaseUrl }) {
  const headers = {
    'content-security-policy': surface === 'module' ? MODULE_CSP : PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  }
  if (surface === 'module') headers['cross-origin-resource-policy'] = 'cross-origin'
  if (new URL(publicBaseUrl).protocol === 'https:') {
    headers['strict-transport-security'] = HSTS_VALUE
  }
  return headers
}

/**
 * The `<script>` tags of an HTML page that carry code inline (no `src`): the page CSP would block
 * them, so a build that emits one must fail loudly at start rather than break in the browser.
 *
 * @param {string} html
 * @returns {string[]}
 */
export function findInlineScripts(html) {
  return [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => !/\bsrc\s*=/i.test(tag))
}
