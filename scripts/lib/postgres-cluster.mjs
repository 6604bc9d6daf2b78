import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
 */
export async function startThrowawayCluster() {
  const binDir = findBinDir()
  if (!binDir) return null
  const asRoot = process.getuid?.() === 0
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-pg-'))
  const port = await freePort()
  const uid = asRoot ? Number(capture('id', ['-u', 'postgres'])) : null
  const gid = asRoot ? Number(capture('id', ['-g', 'postgres'])) : null
  if (asRoot && Number.isInteger(uid)) chownSync(dataDir, uid, gid)
  const asUser = (command, args) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args)
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
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`
  if (
    (await asUser(join(binDir, 'pg_ctl'), [
      '-D',
      dataDir,
      '-o',
      options,
      '-w',
      '-l',
      join(dataDir, 'log'),
      'start',
    ])) !== 0
  ) {
    return null
  }
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    binDir,
    stop: async () => {
      await asUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop'])
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
