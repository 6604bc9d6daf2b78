import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { API_BUNDLE, DISPATCHER_BUNDLE } from './env'
import { waitFor } from './wait'

/** An API or dispatcher process started from the built bundle, with its log file. */
export interface ManagedProcess {
  name: string
  kind: 'api' | 'dispatcher'
  /** The API's base URL (`http://127.0.0.1:port`); empty for dispatchers. */
  base: string
  logFile: string
  env: Record<string, string>
  /** How many times the process was started (1 after the first start). */
  starts: number
  alive(): boolean
  pid(): number | undefined
  /** Starts (or restarts) the process and waits until it is ready. */
  start(): Promise<void>
  /** Sends a signal and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<void>
  /** Exit codes and signals of every past run, e.g. `SIGKILL` or `1`. */
  exits: string[]
  /** The log of every run so far. */
  log(): string
}

/** Options of {@link createProcess}. */
export interface ProcessOptions {
  name: string
  kind: 'api' | 'dispatcher'
  env: Record<string, string>
  runDir: string
  port?: number
}

/**
 * Wraps one process of the topology: stdout and stderr are appended to `<runDir>/<name>.log`
 * for the log scans; readiness is `/api/ready` for an API and the "dispatcher started" log line
 * for a dispatcher.
 */
export function createProcess(options: ProcessOptions): ManagedProcess {
  const logFile = join(options.runDir, `${options.name}.log`)
  let log: WriteStream | null = null
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  const base = options.port ? `http://127.0.0.1:${options.port}` : ''
  const bundle = options.kind === 'api' ? API_BUNDLE : DISPATCHER_BUNDLE
  const managed: ManagedProcess = {
    name: options.name,
    kind: options.kind,
    base,
    logFile,
    env: options.env,
    starts: 0,
    exits: [],
    alive: () => child !== null && child.exitCode === null && child.signalCode === null,
    pid: () => child?.pid,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8')
      } catch {
        return ''
      }
    },
    async start() {
      if (managed.alive()) throw new Error(`${options.name} is already running`)
      log ??= createWriteStream(logFile, { flags: 'a' })
      const startedAtLength = managed.log().length
      const proc = spawn(process.execPath, [bundle], {
        env: { PATH: '/usr/bin:/bin', ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child = proc
      managed.starts += 1
      proc.stdout?.pipe(log, { end: false })
      proc.stderr?.pipe(log, { end: false })
      exited = new Promise((resolve) =>
        proc.once('exit', (code, signal) => {
          managed.exits.push(signal ?? String(code))
          resolve()
        })
      )
      if (options.kind === 'api') {
        await waitFor(
          `${options.name} ready`,
          async () => {
            if (proc.exitCode !== null) throw new Error(`${options.name} exited on start`)
            try {
              return (await fetch(`${base}/api/ready`)).ok
            } catch {
              return false
            }
          },
          { timeoutMs: 60_000, intervalMs: 50 }
        )
      } else {
        await waitFor(
          `${options.name} started`,
          () => {
            if (proc.exitCode !== null) throw new Error(`${options.name} exited on start`)
            return managed.log().slice(startedAtLength).includes('dispatcher started')
          },
          { timeoutMs: 60_000, intervalMs: 50 }
        )
      }
    },
    async kill(signal) {
      if (!managed.alive()) return
      child?.kill(signal)
      if (signal === 'SIGKILL') return exited
      // A graceful stop gets ten seconds to drain, then it is killed.
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'late'>(
        (resolve) => (timer = setTimeout(() => resolve('late'), 10_000))
      )
      if ((await Promise.race([exited, late])) === 'late') {
        child?.kill('SIGKILL')
        await exited
      }
      clearTimeout(timer)
    },
  }
  return managed
}
