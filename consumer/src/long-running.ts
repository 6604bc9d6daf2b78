import { spawn, type ChildProcess } from 'node:child_process'

/** A server process started by the test, stopped by it. */
export interface LongRunning {
  /** The last lines it printed (stdout and stderr), for error messages. */
  output(): string
  /** Whether it has exited (by itself or after {@link LongRunning.stop}). */
  exited(): boolean
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>
}

const KEPT_LINES = 200

/**
 * Starts a server process without a shell. Its output is kept (the last 200 lines) rather than
 * printed, so a passing run stays quiet and a failing one can show what the server said.
 *
 * @example
 * const api = startLongRunning('node', ['dist/server.js'], { cwd, env })
 * await api.stop()
 */
export function startLongRunning(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> }
): LongRunning {
  const child: ChildProcess = spawn(command, args, {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const keep = (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean))
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES)
  }
  child.stdout?.setEncoding('utf8').on('data', keep)
  child.stderr?.setEncoding('utf8').on('data', keep)
  // If this process ends without stop() (a crashed worker), the server must not outlive it.
  const orphanGuard = () => child.kill('SIGTERM')
  process.once('exit', orphanGuard)
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', orphanGuard)
      resolve()
    })
  )
  // A failed spawn (missing binary) is reported through exited() and output(), not thrown.
  child.on('error', (error) => keep(`spawn failed: ${error.message}`))
  return {
    output: () => lines.join('\n'),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exit
      clearTimeout(killer)
    },
  }
}

/**
 * Polls `url` until `accept(response)` is true; rejects after `timeoutMs`, or at once when the
 * process behind it has exited, with what it printed.
 */
export async function waitForUrl(
  url: string,
  server: LongRunning,
  timeoutMs: number,
  accept: (response: Response) => boolean = (response) => response.ok
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (server.exited()) throw new Error(`the server of ${url} exited:\n${server.output()}`)
    try {
      const response = await fetch(url)
      if (accept(response)) return
      last = `answered ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} was not ready in ${timeoutMs} ms (${last}):\n${server.output()}`)
}
