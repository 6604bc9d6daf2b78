// Serves the built system: the API (with the in-process dispatcher and SMTP sink on embedded
// defaults) and `vite preview` of the shell, the micro-frontend and the portal, each with the
// security headers of its surface (scripts/lib/preview-app.mjs, scripts/lib/security-headers.mjs).
// Used by `npm start` and by the e2e suite. Stops everything on SIGINT/SIGTERM.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Ports of one running system; the e2e suite uses its own set so it never meets `npm start`. */
export const DEFAULT_PORTS = { api: 3000, shell: 4173, mfe: 4174, portal: 4175 }

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  let lastError = null
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
      lastError = new Error(`${url} answered ${response.status}`)
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms: ${lastError?.message}`)
}

/**
 * Starts the four processes and resolves once each answers. `env` is passed to the API
 * (DATABASE_URL, APP_ENV, PGLITE_DATA_DIR, …).
 */
export async function serveSystem({ ports = DEFAULT_PORTS, env = {}, log = true } = {}) {
  const common = {
    ...process.env,
    API_PORT: String(ports.api),
    MFE_PORT: String(ports.mfe),
    SHELL_PORT: String(ports.shell),
    PORTAL_PORT: String(ports.portal),
  }
  const stdio = log ? 'inherit' : 'ignore'
  const children = []
  const start = (name, cwd, args, extraEnv = {}) => {
    const child = spawn(process.execPath, args, {
      cwd: `${root}/${cwd}`,
      env: { ...common, ...extraEnv },
      stdio,
    })
    child.on('exit', (code, signal) => {
      if (!stopping) console.error(`${name} exited (${signal ?? code}); stopping the system`)
      void stop(code ?? 1)
    })
    children.push(child)
  }
  // One public base URL for the API (links) and the static apps (HSTS when https); the
  // caller's environment counts too, as in the README's `PUBLIC_BASE_URL=https://… npm start`.
  const publicBaseUrl =
    env.PUBLIC_BASE_URL ?? process.env.PUBLIC_BASE_URL ?? `http://localhost:${ports.portal}`
  start('api', 'apps/api', ['--enable-source-maps', 'dist/server.js'], {
    PORT: String(ports.api),
    PUBLIC_BASE_URL: publicBaseUrl,
    ...env,
  })
  const previewApp = (app, port, surface) => [
    `${root}/scripts/lib/preview-app.mjs`,
    app,
    String(port),
    surface,
  ]
  const staticEnv = { PUBLIC_BASE_URL: publicBaseUrl }
  start(
    'micro-frontend',
    'apps/customer-development',
    previewApp('customer-development', ports.mfe, 'module'),
    staticEnv
  )
  start('shell', 'apps/shell', previewApp('shell', ports.shell, 'shell'), staticEnv)
  start(
    'portal',
    'apps/customer-portal',
    previewApp('customer-portal', ports.portal, 'portal'),
    staticEnv
  )

  let stopping = false
  async function stop(code = 0) {
    if (stopping) return
    stopping = true
    for (const child of children) child.kill('SIGTERM')
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve() : child.on('exit', resolve)
          )
      )
    )
    process.exitCode = code
  }

  await waitFor(`http://127.0.0.1:${ports.api}/api/ready`, 120_000)
  await waitFor(`http://127.0.0.1:${ports.shell}/`, 60_000)
  await waitFor(`http://127.0.0.1:${ports.shell}/mfe/customer-development/manifest.json`, 60_000)
  await waitFor(`http://127.0.0.1:${ports.portal}/invite`, 60_000)
  return {
    stop,
    urls: {
      shell: `http://localhost:${ports.shell}`,
      portal: `http://localhost:${ports.portal}/invite`,
      api: `http://localhost:${ports.api}/api/docs`,
    },
  }
}

// `node scripts/serve.mjs` (used as Playwright's webServer): ports and env from the environment.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ports = {
    api: Number(process.env.SERVE_API_PORT ?? DEFAULT_PORTS.api),
    shell: Number(process.env.SERVE_SHELL_PORT ?? DEFAULT_PORTS.shell),
    mfe: Number(process.env.SERVE_MFE_PORT ?? DEFAULT_PORTS.mfe),
    portal: Number(process.env.SERVE_PORTAL_PORT ?? DEFAULT_PORTS.portal),
  }
  const system = await serveSystem({ ports })
  console.log(`system ready: ${system.urls.shell}`)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void system.stop(0))
}
