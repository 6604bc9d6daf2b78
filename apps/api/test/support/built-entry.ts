// Runs the built entries (apps/api/dist/server.js, dispatcher.js) as real processes, the way the
// README's "Real PostgreSQL and SMTP" commands do, for tests of what a deployment really does.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const RECORDING_HOOKS = new URL('./record-imports-hooks.mjs', import.meta.url).href

/** A free TCP port on loopback (released before returning; the process binds it next). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

/** One running built entry. */
export interface BuiltEntry {
  /** Everything it printed so far (stdout and stderr). */
  output(): string
  /** The URL of every module it resolved so far (record-imports.mjs). */
  imports(): string[]
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | null>
}

/**
 * A `--import` module, written for one process, that registers record-imports-hooks.mjs with
 * that process's log file (named here, so the child reads no environment variable for it).
 */
function writeRecorder(dir: string, importLog: string): string {
  const recorder = join(dir, 'record-imports.mjs')
  const data = JSON.stringify({ file: importLog })
  writeFileSync(
    recorder,
    `import { register } from 'node:module'\n` +
      `register(${JSON.stringify(RECORDING_HOOKS)}, { data: ${data} })\n`
  )
  return pathToFileURL(recorder).href
}

/**
 * Starts `dist/<entry>.js` with exactly `env` (and a fixed PATH), nothing inherited from the
 * test process (which runs with APP_ENV=test), and records the modules it resolves.
 *
 * @example
 * const api = startBuiltEntry('server', { DATABASE_URL, SMTP_URL, PUBLIC_BASE_URL, PORT })
 */
export function startBuiltEntry(
  entry: 'server' | 'dispatcher' | 'migrate',
  env: Record<string, string>
): BuiltEntry {
  const bundle = join(DIST, `${entry}.js`)
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build first`)
  const dir = mkdtempSync(join(tmpdir(), 'pc-imports-'))
  const importLog = join(dir, 'imports.txt')
  const child = spawn(process.execPath, ['--import', writeRecorder(dir, importLog), bundle], {
    env: { PATH: '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return {
    output: () => output,
    imports: () =>
      existsSync(importLog) ? readFileSync(importLog, 'utf8').split('\n').filter(Boolean) : [],
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

/** Polls until `condition` holds; fails with `describe()` once `timeoutMs` has passed. */
export async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  describe: () => string,
  timeoutMs = 60_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Waits until the API on `port` answers `/api/ready` with 200 (or fails with its output). */
export async function waitForReady(api: BuiltEntry, port: number): Promise<void> {
  let ended = false
  void api.exited.then(() => (ended = true))
  await waitUntil(
    async () => {
      if (ended) throw new Error(`the API exited before it was ready:\n${api.output()}`)
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null)
      return response?.status === 200
    },
    () => `API on ${port} not ready:\n${api.output()}`
  )
}

/** The answer of {@link rawRequest}. */
export interface RawAnswer {
  status: number
  body: string
}

/**
 * One HTTP/1.1 request with exactly the given headers, `Host` included (fetch would write its
 * own), as a rebinding page or another machine's client would send it.
 */
export function rawRequest(options: {
  port: number
  method?: string
  path: string
  headers?: Record<string, string>
  body?: unknown
}): Promise<RawAnswer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}
