import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { capture } from './run.mjs'

function psqlPath(binDir) {
  if (binDir && existsSync(join(binDir, 'psql'))) return join(binDir, 'psql')
  return 'psql'
}

/**
 * Creates a fresh database on the server of `serverUrl` and returns its URL, so each e2e run
 * starts from the demo seed alone. Returns null when psql cannot reach the server.
 */
export function createFreshDatabase(serverUrl, prefix, binDir) {
  const name = `${prefix}_${Date.now()}_${process.pid}`
  const created = capture(psqlPath(binDir), [
    serverUrl,
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `create database ${name}`,
  ])
  if (created === null) return null
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      capture(psqlPath(binDir), [serverUrl, '-c', `drop database if exists ${name} with (force)`]),
  }
}
