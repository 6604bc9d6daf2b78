import { fileURLToPath } from 'node:url'
import { bundleHostApp } from './host-bundle'
import { startHostServer, type HostFile, type HostServer } from './host-server'

/** The route the qiankun host gives the module (its `basePath`). */
export const QIANKUN_MODULE_ROUTE = '/customers'

const APP_SOURCE = fileURLToPath(new URL('./qiankun-host/app.ts', import.meta.url))

/** The host page: its config, its header's root, the module's container and the bundle. */
function hostHtml(config: { entryUrl: string; apiBaseUrl: string }): string {
  const hostConfig = JSON.stringify({ ...config, basePath: QIANKUN_MODULE_ROUTE })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>qiankun host</title>
<link rel="stylesheet" href="/app.css"></head>
<body><div id="host-header"></div><main id="module-container"></main>
<script>window.hostConfig = ${hostConfig}</script>
<script type="module" src="/app.js"></script></body></html>`
}

/**
 * Serves the qiankun host console on its origin ({@link hostOrigin}`('qiankun')`): a Vue and
 * Element Plus 2.13 page with its own theme that loads the module's qiankun HTML entry
 * (manifest.json `adapters.qiankun`) with `loadMicroApp`. `window.host` is the host's state
 * and actions the spec drives.
 */
export async function startQiankunHost(options: {
  entryUrl: string
  apiBaseUrl: string
}): Promise<HostServer> {
  // qiankun-host/app.ts: Vue, Element Plus 2.13 with its theme, and the real qiankun 2 from npm.
  const { script, css } = await bundleHostApp(APP_SOURCE)
  if (css === null) throw new Error('the qiankun host should have a stylesheet')
  const files: Record<string, HostFile> = {
    '/app.js': { type: 'text/javascript; charset=utf-8', body: script },
    '/app.css': { type: 'text/css; charset=utf-8', body: css },
  }
  return startHostServer({ kind: 'qiankun', html: hostHtml(options), files })
}
