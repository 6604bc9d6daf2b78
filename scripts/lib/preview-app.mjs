// Serves one built app with `vite preview` (its vite.config.ts: port, proxy, CORS) plus the
// security headers of its surface (./security-headers.mjs). Started by scripts/serve.mjs:
//   node scripts/lib/preview-app.mjs <app folder> <port> <shell|portal|module>
// PUBLIC_BASE_URL (from serve.mjs) decides HSTS. Vite's own SIGTERM handler closes the server.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { findInlineScripts, headersFor } from './security-headers.mjs'

const [app, port, surface] = process.argv.slice(2)
if (!app || !port || !['shell', 'portal', 'module'].includes(surface ?? '')) {
  console.error('usage: preview-app.mjs <app folder> <port> <shell|portal|module>')
  process.exit(2)
}
const appDir = fileURLToPath(new URL(`../../apps/${app}`, import.meta.url))

// The page CSP allows scripts from the origin only: refuse to serve a page it would break.
const indexHtml = `${appDir}/dist/index.html`
if (existsSync(indexHtml)) {
  const inline = findInlineScripts(readFileSync(indexHtml, 'utf8'))
  if (inline.length > 0) {
    console.error(`${indexHtml} has inline scripts the CSP would block: ${inline.join(' ')}`)
    process.exit(1)
  }
}

const { preview } = await import(
  pathToFileURL(`${appDir}/node_modules/vite/dist/node/index.js`).href
)
const server = await preview({
  root: appDir,
  preview: {
    port: Number(port),
    strictPort: true,
    // Merged over the config file's headers (the portal's no-store stays).
    headers: headersFor(surface, {
      publicBaseUrl: process.env.PUBLIC_BASE_URL ?? 'http://localhost',
    }),
  },
})
server.printUrls()
