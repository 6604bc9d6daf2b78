import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'

// The logger buffers its lines, so what matters is what a real process prints: each case bundles
// a tiny entry around createLogger (pino stays external, as in dist/) and runs it with node.
const workDir = fileURLToPath(new URL('../.cache/logger-test/', import.meta.url))
const loggerPath = fileURLToPath(new URL('./logger.ts', import.meta.url))

const ENTRIES = {
  // A fatal error path: log, then exit at once, as process-guards.ts does.
  exitsRightAway: `
    const logger = createLogger({ level: 'info', name: 'api' })
    logger.info({ step: 1 }, 'first')
    logger.fatal({ step: 2 }, 'uncaught error')
    process.exit(1)`,
  // A quiet process: one line, far below the buffer size, and the process keeps running.
  staysQuiet: `
    const logger = createLogger({ level: 'info', name: 'api' })
    logger.info({ step: 1 }, 'only line')
    setTimeout(() => undefined, 60_000)`,
  // Redaction still applies to the process logger.
  logsASecret: `
    const logger = createLogger({ level: 'info', name: 'api' })
    logger.info({ token: 'raw-token-value', user: { password: 'hunter2' } }, 'careless')
    process.exit(0)`,
} as const

type EntryName = keyof typeof ENTRIES

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true })
  const input: Record<string, string> = {}
  for (const [name, body] of Object.entries(ENTRIES)) {
    const file = `${workDir}${name}.ts`
    writeFileSync(file, `import { createLogger } from ${JSON.stringify(loggerPath)}\n${body}\n`)
    input[name] = file
  }
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      target: 'node24',
      outDir: `${workDir}dist`,
      emptyOutDir: true,
      rollupOptions: { input, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  })
}, 60_000)

/** Runs a bundled entry; resolves with its stdout once `done(stdout)` holds or it exits. */
function run(name: EntryName, done: (stdout: string) => boolean = () => false) {
  return new Promise<{ stdout: string; exitCode: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, [`${workDir}dist/${name}.mjs`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let stdout = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name}: no answer in 10 s; stdout so far: ${stdout}`))
    }, 10_000)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (done(stdout)) {
        clearTimeout(timer)
        child.kill('SIGKILL')
        resolve({ stdout, exitCode: null })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ stdout, exitCode: code })
    })
  })
}

const linesOf = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('createLogger', () => {
  it('writes every buffered line when the process exits right after logging', async () => {
    const { stdout, exitCode } = await run('exitsRightAway')
    expect(exitCode).toBe(1)
    expect(linesOf(stdout).map((line) => [line.msg, line.step, line.level])).toEqual([
      ['first', 1, 30],
      ['uncaught error', 2, 60],
    ])
  })

  it('writes a lone line of a quiet process without waiting for the buffer to fill', async () => {
    const { stdout } = await run('staysQuiet', (out) => out.includes('\n'))
    expect(linesOf(stdout)).toEqual([expect.objectContaining({ msg: 'only line', step: 1 })])
  })

  it('still redacts tokens and passwords', async () => {
    const { stdout } = await run('logsASecret')
    expect(stdout).not.toContain('raw-token-value')
    expect(stdout).not.toContain('hunter2')
    expect(linesOf(stdout)[0]).toMatchObject({
      token: '[redacted]',
      user: { password: '[redacted]' },
    })
  })
})
