// The pnpm patch of postgres.js (patches/postgres@3.4.10.patch, upstream PR porsager/postgres#1209):
// `nextWrite` on a connection whose socket closed settles the waiting query with CONNECTION_CLOSED
// instead of throwing `TypeError: Cannot read properties of null (reading 'write')` from a
// setImmediate, where no caller can catch it. The package ships three copies of the driver, ESM
// (`src/`, what drizzle and the API load), CommonJS (`cjs/src/`) and the workerd entry (`cf/src/`,
// the edge runtime); each must carry the guard.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Duplex } from 'node:stream'
import { pathToFileURL } from 'node:url'
import type postgresType from 'postgres'
import { describe, expect, it } from 'vitest'

type Postgres = typeof postgresType

const require = createRequire(import.meta.url)
// `require.resolve('postgres')` names cjs/src/index.js (the package's `default` export condition).
const packageRoot = join(dirname(require.resolve('postgres')), '..', '..')
const COPIES = ['src', 'cjs/src', 'cf/src'] as const

const GUARD =
  /function nextWrite\(fn\) \{\s*if \(!socket\) \{[^}]*error\(Errors\.connection\('CONNECTION_CLOSED', options\)\)\s*return false\s*\}\s*const x = socket\.write\(chunk, fn\)/

async function loadCopy(copy: (typeof COPIES)[number]): Promise<Postgres> {
  const entry = join(packageRoot, copy, 'index.js')
  if (copy === 'cjs/src') return require(entry) as Postgres
  const loaded = (await import(pathToFileURL(entry).href)) as { default: Postgres }
  return loaded.default
}

/**
 * An in-memory server socket: it answers the start-up message with AuthenticationOk and
 * ReadyForQuery (idle) and every simple query ('Q') with ReadyForQuery, a tick later like a real
 * socket. Enough for postgres.js to open a connection and reserve it.
 */
function fakeServerSocket(): Duplex {
  const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]) // R, length 8, ok
  const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]) // Z, length 5, idle
  let greeted = false
  const socket = new Duplex({
    read() {
      // Replies are pushed from write().
    },
    write(chunk: Buffer, _encoding, done) {
      const reply = greeted
        ? chunk[0] === 0x51
          ? readyForQuery
          : null
        : Buffer.concat([authenticationOk, readyForQuery])
      greeted = true
      if (reply) setImmediate(() => socket.push(reply))
      done()
    },
  })
  return socket
}

describe('the postgres.js patch (nextWrite guard, porsager/postgres#1209)', () => {
  it('is installed on postgres 3.4.10, the version the patch names', () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(manifest.version).toBe('3.4.10')
  })

  it.each(COPIES)('%s/connection.js carries the nextWrite guard', (copy) => {
    const source = readFileSync(join(packageRoot, copy, 'connection.js'), 'utf8')
    expect(source).toMatch(GUARD)
  })

  it.each(COPIES)(
    '%s: a query on a reserved connection whose socket closed rejects with CONNECTION_CLOSED',
    async (copy) => {
      const postgres = await loadCopy(copy)
      const socket = fakeServerSocket()
      let reportClosed: () => void = () => undefined
      const closed = new Promise<void>((resolve) => {
        reportClosed = resolve
      })
      // `socket` (a socket factory) is in postgres.js's README but not in its types.
      const options = {
        max: 1,
        fetch_types: false,
        socket: () => socket,
        onclose: () => reportClosed(),
      }
      const sql = postgres(options)
      try {
        // Open the connection first: reserve() on a cold pool waits for the type fetch.
        await sql.unsafe('select 1')
        const reserved = await sql.reserve()
        // A clean close (hadError false): the driver sets its socket to null and the reserved
        // connection stays pinned; the next query's write is scheduled on the null socket.
        socket.destroy()
        await closed
        await expect(reserved`select 1`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
        // And again: the connection keeps failing catchably instead of crashing the process.
        await expect(reserved`select 2`).rejects.toMatchObject({ code: 'CONNECTION_CLOSED' })
      } finally {
        await sql.end({ timeout: 0 })
      }
    }
  )
})
