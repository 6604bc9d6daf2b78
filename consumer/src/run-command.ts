import { spawn } from 'node:child_process'

/** What a finished command printed and how it ended. */
export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** Where and how to run a command. */
export interface CommandOptions {
  cwd: string
  env: Record<string, string>
  /** Stopped (SIGTERM, then SIGKILL) after this long, ending with code 124. Default 5 minutes. */
  timeoutMs?: number
}

const TIMED_OUT = 124

/**
 * Runs a command to its end without a shell and resolves with its output, whatever its exit code.
 * A command that outlives `timeoutMs`, or this process, is stopped: no install or compiler is
 * left running after the test has given up on it.
 *
 * @example
 * const { code, stdout } = await runCommand('npm', ['--version'], { cwd, env })
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions
): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 300_000
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const stop = () => {
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
    }
    const timer = setTimeout(() => {
      timedOut = true
      stop()
    }, timeoutMs)
    process.once('exit', stop)
    const settle = () => {
      clearTimeout(timer)
      process.off('exit', stop)
    }
    child.on('error', (error) => {
      settle()
      reject(error)
    })
    child.on('close', (code, signal) => {
      settle()
      if (timedOut) stderr += `\n(stopped after ${timeoutMs} ms)`
      resolve({ code: timedOut ? TIMED_OUT : (code ?? (signal ? 128 : 1)), stdout, stderr })
    })
  })
}

/**
 * Like {@link runCommand}, but rejects when the command fails, with the end of its output, so a
 * failing step says why.
 */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: CommandOptions
): Promise<CommandResult> {
  const result = await runCommand(command, args, options)
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n')
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code} in ${options.cwd}:\n${output}`
    )
  }
  return result
}
