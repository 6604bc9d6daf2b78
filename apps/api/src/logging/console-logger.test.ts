import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { LOG_REDACT_CENSOR, LOG_REDACT_PATHS, type LogFields } from './app-logger'
import { createConsoleLogger } from './console-logger'

// What a careless caller might log: every path of LOG_REDACT_PATHS, and look-alikes that must stay.
const CASES: LogFields[] = [
  { token: 'raw-token', password: 'hunter2', link: 'https://x/i/abc' },
  { user: { token: 't', id: 7 }, invitation: { link: 'https://x/i/def', status: 'SENT' } },
  { authorization: 'Bearer abc', req: { headers: { authorization: 'Bearer def', host: 'h' } } },
  { deep: { inner: { token: 'three levels down is not a path' } } },
  { tokenId: 'an id, not a token', passwordChanged: true, items: [{ token: 'in an array' }] },
  { err: { type: 'Error', code: 'E' }, count: 3 },
  { key: 'pck_raw', apiKey: { key: 'pck_raw', keyPrefix: 'pck_abcdefgh' }, secret: 'whsec_x' },
]

function pinoLine(fields: LogFields, message: string): Record<string, unknown> {
  let written = ''
  const logger = pino(
    { level: 'info', redact: { paths: [...LOG_REDACT_PATHS], censor: LOG_REDACT_CENSOR } },
    { write: (line: string) => void (written = line) }
  )
  logger.info(fields, message)
  return JSON.parse(written) as Record<string, unknown>
}

function consoleLine(fields: LogFields, message: string): Record<string, unknown> {
  let written = ''
  const logger = createConsoleLogger({ level: 'info', name: 'api', write: (l) => (written = l) })
  logger.info(fields, message)
  return JSON.parse(written) as Record<string, unknown>
}

/** The fields a line carries beyond the runtime's own (time, pid, hostname, name). */
function fieldsOf(line: Record<string, unknown>) {
  const rest = { ...line }
  for (const key of ['time', 'pid', 'hostname', 'name']) delete rest[key]
  return rest
}

describe('the console logger of the worker', () => {
  it.each(CASES.map((fields, index) => [index, fields] as const))(
    'redacts case %i exactly as pino does with the same paths',
    (_index, fields) => {
      expect(fieldsOf(consoleLine(fields, 'm'))).toEqual(fieldsOf(pinoLine(fields, 'm')))
    }
  )

  it("never changes the caller's object", () => {
    const fields = { user: { token: 't' }, token: 'u' }
    consoleLine(fields, 'm')
    expect(fields).toEqual({ user: { token: 't' }, token: 'u' })
  })

  it('writes nothing below its level and child bindings on every line', () => {
    const lines: string[] = []
    const logger = createConsoleLogger({ level: 'warn', name: 'api', write: (l) => lines.push(l) })
    logger.info({ a: 1 }, 'dropped')
    logger.child({ component: 'x', token: 'bound secret' }).warn({ b: 2 }, 'kept')
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 40,
        component: 'x',
        token: '[redacted]',
        b: 2,
        msg: 'kept',
      }),
    ])
  })

  it('turns redaction off only for a child asked to, as the access log does', () => {
    const lines: string[] = []
    const logger = createConsoleLogger({ level: 'info', name: 'api', write: (l) => lines.push(l) })
    logger.child({}, { redact: [] }).info({ route: '/api/x', token: 'fixed field' }, 'request')
    logger.info({ token: 'still redacted' }, 'other')
    expect(lines.map((line) => (JSON.parse(line) as { token: string }).token)).toEqual([
      'fixed field',
      '[redacted]',
    ])
  })
})
