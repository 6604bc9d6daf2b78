import type { AppLogger } from './logging/app-logger'
import { startupFailureText } from './error-log-fields'

/**
 * Runs an entry point (`server.ts`, `dispatcher.ts`). A startup failure prints its allow-listed
 * text (no statement, no value, R77) and ends the process with 1: nothing is running yet that
 * could drain.
 *
 * @example
 * runEntryPoint(main)
 */
export function runEntryPoint(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(startupFailureText(error))
    process.exit(1)
  })
}

/**
 * Stops the process once on SIGTERM or SIGINT: logs `<name> stopping`, awaits `drain` (which
 * closes what the process opened, in order), then exits 0. A second signal while draining is
 * ignored, so a container's repeated TERM never cuts a drain short.
 *
 * @example
 * stopOnSignals(logger, 'dispatcher', async () => {
 *   await dispatcher.stop()
 *   await handle.close()
 * })
 */
export function stopOnSignals(logger: AppLogger, name: string, drain: () => Promise<void>): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, `${name} stopping`)
    await drain()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}
