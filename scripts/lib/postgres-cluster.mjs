import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { capture, run } from './run.mjs'

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function findBinDir() {
  const pgConfig = capture('pg_config', ['--bindir'])
  const candidates = [
    pgConfig,
    '/usr/local/bin',
    '/usr/lib/postgresql/15/bin',
    '/usr/lib/postgresql/16/bin',
  ]
  return candidates.find(
    (dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))
  )
}

/**
 * Creates a throwaway PostgreSQL cluster with the machine's initdb and pg_ctl on a free port
 * (architecture.md §9), so tests never touch another server. As root, the cluster runs as the
 * `postgres` user because PostgreSQL refuses to run as root. Returns null when there is none.
 *
 * Besides `url`, `binDir` and `stop`, the handle can take the server down and bring it back on
 * the same port and data folder (`stopServer`, `startServer`, `restart`), for fault tests, and
 * `stopSync` ends it from an `exit` handler. `options.maxConnections` defaults to 300.
 *
 * @example
 * const cluster = await startThrowawayCluster()
 * await cluster.restart() // fast shutdown, then start again on the same port
 * await cluster.stop()
 */
export async function startThrowawayCluster(options = {}) {
  const binDir = findBinDir()
  if (!binDir) return null
  const asRoot = process.getuid?.() === 0
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-pg-'))
  const port = await freePort()
  const uid = asRoot ? Number(capture('id', ['-u', 'postgres'])) : null
  const gid = asRoot ? Number(capture('id', ['-g', 'postgres'])) : null
  if (asRoot && Number.isInteger(uid)) chownSync(dataDir, uid, gid)
  const wrap = (command, args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  const quiet = options.quiet ? { stdio: 'ignore' } : {}
  const asUser = (command, args) => run(...wrap(command, args), quiet)
  const user = asRoot ? 'postgres' : (capture('id', ['-un']) ?? 'postgres')
  if (
    (await asUser(join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      user,
      '--no-sync',
    ])) !== 0
  ) {
    return null
  }
  const maxConnections = options.maxConnections ?? 300
  const serverOptions = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=${maxConnections}`
  const pgCtl = join(binDir, 'pg_ctl')
  const logFile = join(dataDir, 'log')
  const startServer = async () =>
    (await asUser(pgCtl, ['-D', dataDir, '-o', serverOptions, '-w', '-l', logFile, 'start'])) === 0
  const stopServer = async (mode = 'fast') =>
    (await asUser(pgCtl, ['-D', dataDir, '-m', mode, '-w', 'stop'])) === 0
  if (!(await startServer())) return null
  let removed = false
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    binDir,
    port,
    user,
    dataDir,
    logFile,
    startServer,
    stopServer,
    restart: async (mode = 'fast') => (await stopServer(mode)) && (await startServer()),
    stop: async () => {
      if (removed) return
      removed = true
      await asUser(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop'])
      rmSync(dataDir, { recursive: true, force: true })
    },
    stopSync: () => {
      if (removed) return
      removed = true
      const [command, args] = wrap(pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop'])
      spawnSync(command, args, { stdio: 'ignore' })
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
