import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { HOST_HEADER_HTML, HOST_THEME_CSS } from './host-chrome'
import { startHostServer, type HostServer } from './host-server'

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
 * mount reads the host's current locale; `window.host` is the host's state the spec drives. The
 * page has a look and elements of its own (host-chrome.ts) that the module must leave alone.
 */
function rootConfigHtml(entryUrl: string, apiBaseUrl: string): string {
  const config = JSON.stringify({ entryUrl, apiBaseUrl, route: SINGLE_SPA_MODULE_ROUTE })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>single-spa host</title>
<style>${HOST_THEME_CSS}</style></head>
<body>${HOST_HEADER_HTML}<main id="module-container"></main>
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

/** Serves the root config on the single-spa host's origin, with single-spa itself beside it. */
export async function startSingleSpaHost(options: {
  entryUrl: string
  apiBaseUrl: string
}): Promise<HostServer> {
  return startHostServer({
    kind: 'singleSpa',
    html: rootConfigHtml(options.entryUrl, options.apiBaseUrl),
    files: {
      '/single-spa.js': { type: 'text/javascript; charset=utf-8', body: await singleSpaSource() },
    },
  })
}
