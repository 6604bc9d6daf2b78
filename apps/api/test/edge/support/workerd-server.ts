// Serves the worker bundle of `check:worker` in workerd, the runtime Cloudflare Workers runs,
// from the `workerd` npm package, on loopback (issue 17 item 4).
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, waitUntil } from '../../support/built-entry'

const APP_DIR = fileURLToPath(new URL('../../../', import.meta.url))
// The binary itself, as wrangler finds it: the package's `bin` is a Node wrapper that runs it
// with execFileSync, so killing the wrapper would leave workerd running.
const WORKERD = (createRequire(import.meta.url)('workerd') as { default: string }).default

/** The compatibility settings of wrangler.jsonc, so workerd runs what a deploy would. */
export function readWranglerCompatibility(): { date: string; flags: string[] } {
  const text = readFileSync(join(APP_DIR, 'wrangler.jsonc'), 'utf8')
  // JSONC: whole-line comments and trailing commas are all wrangler.jsonc uses.
  const json = text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1')
  const config = JSON.parse(json) as { compatibility_date: string; compatibility_flags?: string[] }
  return { date: config.compatibility_date, flags: config.compatibility_flags ?? [] }
}

const text = (value: string) => JSON.stringify(value)

/**
 * workerd's configuration: the worker with its bindings as text, and the `internet` service
 * every outbound connection goes through allowed to reach local and private addresses (workerd
 * allows only public ones by default), so postgres.js reaches the test PostgreSQL on 127.0.0.1.
 */
function workerdConfig(port: number, bindings: Record<string, string>): string {
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

/** One workerd process serving the worker. */
export interface WorkerdServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Everything workerd printed so far: the worker's JSON log lines and workerd's own. */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts workerd on a free loopback port with `bindings` (the worker's vars and secrets) and
 * waits until `GET /api/health` answers 200, or with `healthy: false` until it answers at all
 * (a worker whose settings are refused answers every request with 500).
 *
 * @example
 * const worker = await startWorkerd(bundle, { DATABASE_URL, PUBLIC_BASE_URL, DATA_ENCRYPTION_KEY })
 * await fetch(`${worker.origin}/api/health`)
 */
export async function startWorkerd(
  bundle: string,
  bindings: Record<string, string>,
  options: { healthy?: boolean } = {}
): Promise<WorkerdServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pc-workerd-'))
  copyFileSync(bundle, join(dir, 'worker.js'))
  const port = await freePort()
  writeFileSync(join(dir, 'config.capnp'), workerdConfig(port, bindings))
  const child = spawn(WORKERD, ['serve', join(dir, 'config.capnp'), '--experimental'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const origin = `http://127.0.0.1:${port}`
  const stop = async () => {
    child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`workerd exited:\n${output}`)
        const answer = await fetch(`${origin}/api/health`).catch(() => null)
        return options.healthy === false ? answer !== null : answer?.ok === true
      },
      () => `workerd on ${port} did not answer /api/health:\n${output}`,
      30_000
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { origin, output: () => output, stop }
}
