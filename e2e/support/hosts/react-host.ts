import { fileURLToPath } from 'node:url'
import { HOST_THEME_CSS } from './host-chrome'
import { bundleHostApp } from './host-bundle'
import { startHostServer, type HostServer } from './host-server'

/** The route the React host gives the module (its `base-path`). */
export const REACT_MODULE_ROUTE = '/customers'

const APP_SOURCE = fileURLToPath(new URL('./react-host/app.ts', import.meta.url))

/**
 * The host page: its own theme (host-chrome.ts, which the module must neither change nor take
 * on), its config, the root React renders into, and the bundled app.
 */
function hostHtml(config: { entryUrl: string; apiBaseUrl: string }): string {
  const hostConfig = JSON.stringify({ ...config, basePath: REACT_MODULE_ROUTE })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React host</title>
<style>${HOST_THEME_CSS}</style></head>
<body><div id="root"></div>
<script>window.hostConfig = ${hostConfig}</script>
<script type="module" src="/app.js"></script></body></html>`
}

/**
 * Serves the React 19 host console on its origin ({@link hostOrigin}`('react')`): a page that
 * loads the module's custom element entry (manifest.json `adapters.customElement`) and renders
 * `<customer-development-module>` from React. `window.host` is the host's state the spec reads.
 */
export async function startReactHost(options: {
  entryUrl: string
  apiBaseUrl: string
}): Promise<HostServer> {
  return startHostServer({
    kind: 'react',
    html: hostHtml(options),
    files: {
      // react-host/app.ts with the real React 19 from npm.
      '/app.js': {
        type: 'text/javascript; charset=utf-8',
        body: (await bundleHostApp(APP_SOURCE)).script,
      },
    },
  })
}
