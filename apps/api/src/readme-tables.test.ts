// Issue 15 item 5: the READMEs' endpoint, layout and environment tables are checked against the
// code, so a route, folder or variable added without its row fails here, naming the row.
import { API_ROUTES, type ApiRoute } from '@partner-center/contracts/routes'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app'
import { DEFAULT_PORTAL_URL } from './config'
import type { AppDeps } from './deps'
import { startDevelopmentServices } from './dev/start-development-services'
import { readEnv } from './env'

const API_README = new URL('../README.md', import.meta.url)
const ROOT_README = new URL('../../../README.md', import.meta.url)
const SRC = new URL('.', import.meta.url)

/**
 * The body rows of every Markdown table whose header row has exactly these cells, as trimmed
 * cells. `\|` inside a cell is text, not a column break.
 */
function tableRows(markdown: string, header: readonly string[]): string[][] {
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
  const lines = markdown.split('\n')
  const rows: string[][] = []
  lines.forEach((line, index) => {
    if (!line.trim().startsWith('|') || cells(line).join('|') !== header.join('|')) return
    for (const row of lines.slice(index + 2)) {
      if (!row.trim().startsWith('|')) break
      rows.push(cells(row))
    }
  })
  return rows
}

/** The text of every `code span` of a cell. */
const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '')

describe('apps/api/README.md endpoint table', () => {
  const HEADER = ['Route', 'Method', 'Path', 'Auth', 'Idempotent', 'API key']
  /** One row as the README writes it, so a failure's diff shows the row to paste. */
  const row = (cells: {
    route: string | null
    method: string
    path: string
    auth: string
    idempotent: boolean
    apiKey: boolean
  }) =>
    `| ${cells.route ? `\`${cells.route}\`` : '—'} | ${cells.method} | \`${cells.path}\` | ${cells.auth} | ${cells.idempotent ? 'yes' : 'no'} | ${cells.apiKey ? 'yes' : 'no'} |`
  const readmeRows = () =>
    tableRows(readFileSync(API_README, 'utf8'), HEADER).map(
      ([route = '', method = '', path = '', auth = '', idempotent = '', apiKey = '']) => ({
        route: codeSpans(route)[0] ?? null,
        method,
        path: codeSpans(path)[0] ?? path,
        auth,
        idempotent: idempotent === 'yes',
        apiKey: apiKey === 'yes',
      })
    )

  let development: Awaited<ReturnType<typeof startDevelopmentServices>>
  let served: string[]

  beforeAll(async () => {
    const deps = {
      db: {},
      dbKind: 'postgres',
      clock: { now: () => new Date() },
      logger: pino({ level: 'silent' }),
      passwords: {},
      keyring: {},
      config: { appEnv: 'test', publicBaseUrl: DEFAULT_PORTAL_URL, bodyLimitBytes: 1024 },
    } as unknown as AppDeps
    // The routes the API mounts outside production, as server.ts mounts them (no seed: no database).
    development = await startDevelopmentServices({
      env: readEnv({ APP_ENV: 'test', DEMO_SEED: 'false' }),
      deps,
    })
    const app = createApp({ ...deps, devRoutes: development.routes })
    served = [
      ...new Set(
        app.routes
          .filter((route) => route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      ),
    ]
  })
  afterAll(async () => {
    await development.stop()
  })

  it('has one row per route of the route table, with its method, path, auth kind and idempotency', () => {
    const table = Object.entries(API_ROUTES).map(([name, route]: [string, ApiRoute]) =>
      row({ ...route, route: name, path: `/api${route.path}` })
    )
    const documented = readmeRows()
      .filter((cells) => cells.route !== null)
      .map(row)
    expect(documented.sort()).toEqual(table.sort())
  })

  it('has one row per route the app serves, the document, reference page and dev routes included', () => {
    expect(served.length).toBeGreaterThan(Object.keys(API_ROUTES).length)
    const documented = readmeRows().map((cells) => `${cells.method} ${cells.path}`)
    expect(documented.sort()).toEqual([...served].sort())
  })
})

describe('apps/api/README.md layout', () => {
  it('names every folder of src/ that holds files, and no other', () => {
    const holdsFiles = (dir: string): boolean =>
      readdirSync(dir).some((name) => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? holdsFiles(path) : true
      })
    const src = fileURLToPath(SRC)
    const folders = readdirSync(src)
      .filter((name) => statSync(join(src, name)).isDirectory() && holdsFiles(join(src, name)))
      .map((name) => `${name}/`)
    const layout = /## Layout\n([\s\S]*?)\n## /.exec(readFileSync(API_README, 'utf8'))?.[1] ?? ''
    const named = codeSpans(layout).filter((span) => /^[\w-]+\/$/.test(span))
    expect([...new Set(named)].sort()).toEqual(folders.sort())
  })
})

describe('README.md environment table', () => {
  const rows = () =>
    tableRows(readFileSync(ROOT_README, 'utf8'), ['Variable', 'Used by', 'When unset']).map(
      ([variable = '', usedBy = '', whenUnset = '']) => ({ variable, usedBy, whenUnset })
    )

  /**
   * Every variable `readEnv` reads, in both profiles (production reads `SMTP_SINK_PORT` to refuse
   * it): the environment is a proxy that records each name asked for.
   */
  function variablesReadEnvReads(): string[] {
    const read = new Set<string>()
    for (const appEnv of ['development', 'production']) {
      const empty: Record<string, string | undefined> = {}
      const source = new Proxy(empty, {
        get: (_, name) => {
          if (typeof name === 'string' && /^[A-Z][A-Z0-9_]*$/.test(name)) read.add(name)
          return name === 'APP_ENV' ? appEnv : undefined
        },
      })
      try {
        readEnv(source)
      } catch {
        // Production refuses an empty environment, after reading every name.
      }
    }
    return [...read].sort()
  }

  it('lists one variable per row', () => {
    const malformed = rows().filter(({ variable }) => !/^`[A-Z][A-Z0-9_]*`$/.test(variable))
    expect(malformed).toEqual([])
  })

  it('lists every variable env.ts reads; a row used by the api or dispatcher names one of them', () => {
    const read = variablesReadEnvReads()
    expect(read).toContain('DATABASE_URL')
    const listed = rows().map(({ variable }) => variable.replaceAll('`', ''))
    expect(read.filter((name) => !listed.includes(name))).toEqual([])
    // Other rows are tooling (tests, e2e, benchmarks) that env.ts never reads.
    const claimed = rows()
      .filter(({ usedBy }) => /\b(api|dispatcher)\b/.test(usedBy))
      .map(({ variable }) => variable.replaceAll('`', ''))
    expect(claimed.filter((name) => !read.includes(name))).toEqual([])
  })

  it('names, in a code span, the default a variable takes when unset outside production', () => {
    const defaults: Record<string, unknown> = {
      ...readEnv({}),
      PUBLIC_BASE_URL: DEFAULT_PORTAL_URL,
    }
    const wrong = rows().flatMap(({ variable, whenUnset }) => {
      const value = defaults[variable.replaceAll('`', '')]
      if (!['string', 'number', 'boolean'].includes(typeof value)) return []
      return codeSpans(whenUnset).includes(String(value))
        ? []
        : [`${variable}: \`${String(value)}\``]
    })
    expect(wrong).toEqual([])
  })
})
