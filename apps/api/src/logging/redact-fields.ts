import { LOG_REDACT_CENSOR } from './app-logger'

type Path = readonly string[]

function redactAt(value: unknown, path: Path): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value
  }
  const [head = '', ...rest] = path
  const source = value as Record<string, unknown>
  let copy: Record<string, unknown> | null = null
  for (const key of head === '*' ? Object.keys(source) : [head]) {
    if (!Object.hasOwn(source, key)) continue
    const next = rest.length === 0 ? LOG_REDACT_CENSOR : redactAt(source[key], rest)
    if (next === source[key]) continue
    copy ??= { ...source }
    copy[key] = next
  }
  return copy ?? value
}

/**
 * Applies pino-style redaction paths (`a.b`, `*.token`) to a log line's fields without touching
 * the caller's object: only the objects on a redacted path are copied. A path replaces a value
 * only where its key exists, as pino does.
 *
 * @example
 * redactFields({ user: { token: 't', id: 1 } }, [['*', 'token']]) // { user: { token: '[redacted]', id: 1 } }
 */
export function redactFields<T>(fields: T, paths: readonly Path[]): T {
  let result: unknown = fields
  for (const path of paths) result = redactAt(result, path)
  return result as T
}
