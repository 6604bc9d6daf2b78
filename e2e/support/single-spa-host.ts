import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { e2eEnv } from '../env'

/**
 * The port of the single-spa root config page: fixed (not a free port) because the API's
 * CORS_ALLOWED_ORIGINS must name the origin before the system starts (playwright.config.ts).
 * Beside the run's own ports, so two runs with their own E2E_* ports do not collide.
 */
export const SINGLE_SPA_HOST_PORT = e2eEnv.ports.portal + 1

/** The root config's origin: 127.0.0.1, while the API and the module are on localhost. */
export const SINGLE_SPA_HOST_ORIGIN = `http://127.0.0.1:${SINGLE_SPA_HOST_PORT}`

/** The route the root config gives the module (`activeWhen` and the module's `basePath`). */
export const SINGLE_SPA_MODULE_ROUTE = '/customers'

/** The real single-spa from npm, its ES module build (no dependencies, one file). */
async function singleSpaSource(): Promise<string> {
  const require = createRequire(import.meta.url)
  const packageDir = dirname(require.resolve('single-spa/package.json'))
  return readFile(join(packageDir, 'lib/es2015/esm/single-spa.min.js'), 'utf8')
}

/**
 * The root config, as a host team would write it: registers the module's single-spa entry
 * (named in manifest.json `adapters.singleSpa`), active below {@link SINGLE_SPA_MODULE_ROUTE},
 * with the host's token, locale and API as custom props. The props are a function, so each
 * mount reads the host's current locale; `window.host` is the host's state the spec drives.
 */
function rootConfigHtml(entryUrl: string, apiBaseUrl: string): string {
  const config = JSON.stringify({ entryUrl, apiBaseUrl, route: SINGLE_SPA_MODULE_ROUTE })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>single-spa host</title></head>
<body><main id="module-container"></main>
<script type="module">
import { navigateToUrl, registerApplication, start } from '/single-spa.js'
const config = ${config}
window.host = { token: '', locale: 'en', unauthorized: 0, navigateToUrl }
registerApplication({
  name: 'customer-development',
  app: () => import(config.entryUrl),
  activeWhen: config.route,
  customProps: () => ({
    domElement: document.getElementById('module-container'),
    getToken: async () => window.host.token,
    locale: window.host.locale,
    basePath: config.route,
    apiBaseUrl: config.apiBaseUrl,
    onUnauthorized: () => { window.host.unauthorized += 1 },
  }),
})
start()
window.host.ready = true
</script></body></html>`
}

/**
 * Serves the root config on {@link SINGLE_SPA_HOST_ORIGIN}: every path answers the page (the
 * host routes in the browser) except `/single-spa.js`. A real server, not `page.route`: Chromium
 * treats a page fulfilled by Playwright as public and would refuse its calls to loopback.
 */
export async function startSingleSpaHost(options: { entryUrl: string; apiBaseUrl: string }) {
  const singleSpa = await singleSpaSource()
  const html = rootConfigHtml(options.entryUrl, options.apiBaseUrl)
  const server = createServer((request, response) => {
    if (request.url === '/single-spa.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      response.end(singleSpa)
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(html)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(SINGLE_SPA_HOST_PORT, '127.0.0.1', resolve)
  })
  return {
    /** The address of a path on the host, e.g. `url('/')`. */
    url: (path: string) => `${SINGLE_SPA_HOST_ORIGIN}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
