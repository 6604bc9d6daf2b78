// Serves a bundled worker in workerd, the runtime of Cloudflare Workers, from the `workerd` npm
// package, on loopback: the edge suite (test/edge) and the workerd benchmarks (bench/) both start
// it here, so they run the worker the same way a deploy of wrangler.jsonc would.
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const appDir = fileURLToPath(new URL('..', import.meta.url))

// The binary itself, as wrangler finds it (the package's main export is its path): the package's
// `bin` is a Node wrapper running it with execFileSync, and stopping the wrapper would leave
// workerd running.
/** @type {string} */
const WORKERD_BINARY = createRequire(import.meta.url)('workerd').default

/**
 * The compatibility settings of wrangler.jsonc, so workerd runs what a deploy would.
 *
 * @returns {{ date: string, flags: string[] }}
 */
export function readWranglerCompatibility() {
  const text = readFileSync(join(appDir, 'wrangler.jsonc'), 'utf8')
  // JSONC: whole-line comments and trailing commas are all wrangler.jsonc uses.
  const json = text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1')
  const config = JSON.parse(json)
  return { date: config.compatibility_date, flags: config.compatibility_flags ?? [] }
}

/** @param {string} value */
const text = (value) => JSON.stringify(value)

/**
 * workerd's configuration: the worker with its bindings as text, and the `internet` service
 * every outbound connection goes through allowed to reach local and private addresses (workerd
 * allows only public ones by default), so postgres.js reaches PostgreSQL on 127.0.0.1.
 *
 * @param {number} port
 * @param {Record<string, string>} bindings
 */
export function workerdConfig(port, bindings) {
  const compatibility = readWranglerCompatibility()
  const bindingLines = Object.entries(bindings)
    .map(([name, value]) => `    (name = ${text(name)}, text = ${text(value)}),`)
    .join('\n')
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "api", worker = .api),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "api")],
);
const api :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = ${text(compatibility.date)},
  compatibilityFlags = [${compatibility.flags.map(text).join(', ')}],
  bindings = [
${bindingLines}
  ],
);
`
}

/** @returns {Promise<number>} a free TCP port on loopback (released; workerd binds it next) */
async function freePort() {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no free port')
  return address.port
}

/**
 * @typedef {object} StartWorkerdOptions
 * @property {string} bundle the worker.js to serve
 * @property {Record<string, string>} bindings the worker's vars and secrets, as text
 * @property {number} [port] default: a free one
 * @property {string} [readyPath] polled until it answers 200 (default `/api/health`)
 * @property {boolean} [healthy] false: wait until it answers at all (a worker whose settings are
 *   refused answers every request with 500)
 * @property {boolean} [keepOutput] false: drop stdout (one access line per request under load)
 *   and keep only the last 20,000 characters of stderr
 * @property {Record<string, string>} [readyHeaders] headers of the readiness requests
 */

/**
 * @typedef {object} WorkerdServer
 * @property {string} origin `http://127.0.0.1:<port>`
 * @property {number | undefined} pid workerd's own process id (for /proc/<pid>/stat)
 * @property {() => string} output what workerd printed so far: the worker's JSON log lines
 *   and workerd's own
 * @property {() => Promise<void>} stop
 */

/**
 * Starts workerd serving `bundle` on loopback and waits until it is ready.
 *
 * @example
 * const worker = await startWorkerd({ bundle, bindings: { DATABASE_URL, PUBLIC_BASE_URL, DATA_ENCRYPTION_KEY } })
 * await fetch(`${worker.origin}/api/health`)
 * await worker.stop()
 * @param {StartWorkerdOptions} options
 * @returns {Promise<WorkerdServer>}
 */
export async function startWorkerd(options) {
  const dir = mkdtempSync(join(tmpdir(), 'pc-workerd-'))
  copyFileSync(options.bundle, join(dir, 'worker.js'))
  const port = options.port ?? (await freePort())
  writeFileSync(join(dir, 'config.capnp'), workerdConfig(port, options.bindings))
  const keepOutput = options.keepOutput ?? true
  const child = spawn(WORKERD_BINARY, ['serve', join(dir, 'config.capnp'), '--experimental'], {
    cwd: dir,
    stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'],
  })
  let output = ''
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    output += chunk.toString()
    if (!keepOutput) output = output.slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr.on('data', keep)
  let ended = false
  const exited = new Promise((resolve) => {
    const end = () => {
      ended = true
      resolve(undefined)
    }
    child.once('exit', end)
    // A binary that cannot start emits 'error' and never 'exit'.
    child.once('error', (error) => {
      output += `${error.message}\n`
      end()
    })
  })
  const origin = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (!ended) child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitUntilAnswering(origin, options, () => ended)
  } catch (error) {
    await stop()
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`, {
      cause: error,
    })
  }
  return { origin, pid: child.pid, output: () => output, stop }
}

/**
 * Polls the readiness path for up to 30 s, failing early if workerd has ended.
 *
 * @param {string} origin
 * @param {StartWorkerdOptions} options
 * @param {() => boolean} hasEnded
 */
async function waitUntilAnswering(origin, options, hasEnded) {
  const url = `${origin}${options.readyPath ?? '/api/health'}`
  for (let attempt = 0; attempt < 300; attempt++) {
    if (hasEnded()) throw new Error('workerd exited before it answered')
    const answer = await fetch(url, { headers: options.readyHeaders }).catch(() => null)
    if (answer && (options.healthy === false || answer.ok)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`workerd on ${origin} did not answer ${url} within 30 s`)
}
