import { Hono } from 'hono'
import type { AppEnv } from '../deps'
import { AppError } from '../errors'
import { createNonce, documentPageCsp } from '../middleware/security-headers'

/**
 * Scalar's standalone bundle (`@scalar/api-reference`, `dist/browser/standalone.js`) as the API
 * serves it: its own JavaScript with its CSS inside, so the page needs nothing from elsewhere.
 */
export interface ApiReferenceScript {
  /** The bundle's bytes. */
  source: Uint8Array<ArrayBuffer>
  /** The same bytes gzip-compressed once (4.9 MB become 1.4 MB), for browsers that accept it. */
  gzip: Uint8Array<ArrayBuffer>
  /** A digest of `source`: the page asks for `scalar.js?v=<digest>`, cacheable for a year. */
  digest: string
}

/** The OpenAPI document and the bundle, as the browser asks for them (the app's base is `/api`). */
const DOCUMENT_URL = '/api/openapi.json'
const SCRIPT_PATH = '/api/docs/scalar.js'

/**
 * Scalar's settings: nothing it does may leave the API's origin. No font download (its default
 * fetches Inter and JetBrains Mono from its own CDN), no request proxy (try-it calls the API
 * directly: the page and the API share an origin), no telemetry, no AI agent or MCP panel (both
 * talk to Scalar's services), no developer toolbar. `servers` is set in the page, from its own
 * origin, so try-it calls the API that served the page, directly or through the shell's proxy.
 */
const SCALAR_CONFIGURATION = {
  url: DOCUMENT_URL,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  documentDownloadType: 'json',
} as const

/**
 * The reference page: Scalar from this origin, started by inline scripts that carry this
 * response's nonce (the only scripts the page's CSP runs, `documentPageCsp`).
 */
export function createApiReferencePage(options: { scriptUrl: string; nonce: string }): string {
  const { scriptUrl, nonce } = options
  // `<` escaped, so no value can close the script element.
  const configuration = JSON.stringify(SCALAR_CONFIGURATION).replaceAll('<', '\\u003c')
  // The first script turns off zod's compiled validators inside Scalar (`z.config({ jitless })`,
  // through zod's global): otherwise zod probes `Function('')`, which the CSP refuses and reports.
  // The mount point is not `#api-reference`: Scalar mounts a second, unconfigured reference on
  // an element of that id by itself (with default fonts from its CDN and its AI agent).
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API reference · Customer Development</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body><div id="reference"></div>
<script nonce="${nonce}">globalThis.__zod_globalConfig = { jitless: true }</script>
<script src="${scriptUrl}" nonce="${nonce}"></script>
<script nonce="${nonce}">
Scalar.createApiReference('#reference', { ...${configuration}, servers: [{ url: location.origin }] })
</script></body></html>`
}

/** Whether an `Accept-Encoding` header accepts gzip (absent, or listed without `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((entry) => {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase())
    if (coding !== 'gzip' && coding !== '*') return false
    return !parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter))
  })
}

/**
 * `GET /api/docs` (the reference page) and `GET /api/docs/scalar.js` (its bundle). Both answer
 * 404 `NOT_FOUND` unless `enabled` (`API_DOCS`) and the entry can read the bundle
 * (`loadScript`: the Node entry reads it from node_modules; the worker carries no 5 MB bundle).
 * The routes exist either way, so the route list (README table) does not depend on settings.
 *
 * @example
 * app.route('/', createApiReferenceRoutes({ enabled: true, loadScript: createScalarScriptLoader() }))
 */
export function createApiReferenceRoutes(options: {
  enabled: boolean
  loadScript?: () => Promise<ApiReferenceScript>
}) {
  const loadScript = options.enabled ? options.loadScript : undefined
  const available = async () => {
    if (!loadScript) throw AppError.of('NOT_FOUND')
    return loadScript()
  }
  return new Hono<AppEnv>()
    .get('/docs', async (c) => {
      const script = await available()
      const nonce = createNonce()
      c.header('content-security-policy', documentPageCsp(nonce))
      // Each answer has its own nonce; a stored copy would only replay an old one.
      c.header('cache-control', 'no-store')
      return c.html(
        createApiReferencePage({ scriptUrl: `${SCRIPT_PATH}?v=${script.digest}`, nonce })
      )
    })
    .get('/docs/scalar.js', async (c) => {
      const script = await available()
      // The digest the page asked for names these bytes: cache them for a year. Any other
      // (an older page) gets today's bytes, revalidated each time.
      const current = c.req.query('v') === script.digest
      c.header('content-type', 'text/javascript; charset=utf-8')
      c.header(
        'cache-control',
        current ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate'
      )
      c.header('vary', 'accept-encoding')
      if (acceptsGzip(c.req.header('accept-encoding'))) {
        c.header('content-encoding', 'gzip')
        return c.body(script.gzip)
      }
      return c.body(script.source)
    })
}
