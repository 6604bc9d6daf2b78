import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import postgres from 'postgres'
import { startCluster, type Cluster } from './cluster'
import { RUNS_DIR } from './env'
import { createProcess, type ManagedProcess } from './processes'
import { startSink, type Sink } from './smtp-sink'

/** Where invitation links point; never reached, only recognised in emails, dumps and logs. */
export const PUBLIC_BASE_URL = 'http://127.0.0.1:9/portal'
export const LINK_PREFIX = `${PUBLIC_BASE_URL}/invite#`
/** Where offline invitation links point (domain.md R99): the code in the fragment as well. */
export const JOIN_LINK_PREFIX = `${PUBLIC_BASE_URL}/join#`
const LINK_PATTERN = /http:\/\/127\.0\.0\.1:9\/portal\/invite#([A-Za-z0-9_-]{43})/

/** Dispatcher settings of the topology; the in-flight window is `batchSize × claimLoops`. */
export const DISPATCHER_SETTINGS = {
  OUTBOX_BATCH_SIZE: '10',
  OUTBOX_CLAIM_LOOPS: '2',
  OUTBOX_SEND_CONCURRENCY: '10',
  OUTBOX_LEASE_SECONDS: '5',
  OUTBOX_POLL_INTERVAL_MS: '50',
  OUTBOX_BACKOFF_BASE_SECONDS: '1',
  OUTBOX_BACKOFF_CAP_SECONDS: '2',
  OUTBOX_MAX_ATTEMPTS: '50',
}
export const IN_FLIGHT_WINDOW =
  Number(DISPATCHER_SETTINGS.OUTBOX_BATCH_SIZE) * Number(DISPATCHER_SETTINGS.OUTBOX_CLAIM_LOOPS)

/** Raised limits for load and fuzzing; the brute-force topology keeps the defaults. */
export const RAISED_LIMITS = {
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
  SIGN_IN_MAX_FAILURES: '10000',
  SIGN_IN_BACKOFF_CAP_SECONDS: '0',
  PREREGISTRATION_RATE_LIMIT_PER_USER_PER_HOUR: '1000000',
  PREREGISTRATION_RATE_LIMIT_PER_PARTNER_PER_HOUR: '1000000',
}

/** Options of {@link startTopology}. */
export interface TopologyOptions {
  /** Extra API environment, e.g. rate limits. */
  apiEnv?: Record<string, string>
  dispatcherEnv?: Record<string, string>
}

/** Two APIs, two dispatchers, one PostgreSQL cluster and one SMTP sink, all on loopback. */
export interface Topology {
  name: string
  runDir: string
  cluster: Cluster
  databaseUrl: string
  databaseName: string
  /** A small pool for checks in SQL. */
  sql: postgres.Sql
  sink: Sink
  apis: ManagedProcess[]
  dispatchers: ManagedProcess[]
  all(): ManagedProcess[]
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const live = new Set<Topology>()
let trapsInstalled = false

// Whatever ends the run (failure, Ctrl-C, SIGTERM), no process or cluster outlives it.
function installTraps() {
  if (trapsInstalled) return
  trapsInstalled = true
  const killEverything = () => {
    for (const topology of live) {
      for (const p of topology.all()) {
        const pid = p.pid()
        if (pid && p.alive()) {
          try {
            process.kill(pid, 'SIGKILL')
          } catch {
            // already gone
          }
        }
      }
      topology.cluster.stopSync()
    }
    live.clear()
  }
  process.on('exit', killEverything)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killEverything()
      process.exit(130)
    })
  }
}

/**
 * Starts the production-shaped topology of issue 8: its own cluster, one sink in this process,
 * two API processes and two dispatcher processes from `apps/api/dist`, each on a free port,
 * `APP_ENV=test` (so the fixture endpoints exist) and logs captured per process.
 */
export async function startTopology(name: string, options: TopologyOptions = {}) {
  installTraps()
  const runDir = join(RUNS_DIR, name)
  rmSync(runDir, { recursive: true, force: true })
  mkdirSync(runDir, { recursive: true })
  const cluster = await startCluster()
  const processes: ManagedProcess[] = []
  const sink = await startSink(LINK_PATTERN)
  const placeholder = {
    all: () => processes,
    cluster,
  } as unknown as Topology
  live.add(placeholder)
  try {
    const databaseName = 'partner_center'
    const admin = postgres(cluster.url, { max: 1, onnotice: () => undefined })
    await admin.unsafe(`create database ${databaseName}`)
    await admin.end({ timeout: 5 })
    const url = new URL(cluster.url)
    url.pathname = `/${databaseName}`
    const databaseUrl = url.toString()
    const common = {
      APP_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SMTP_URL: sink.url,
      PUBLIC_BASE_URL,
      MAIL_DOMAIN: 'reliability.example',
      LOG_LEVEL: 'info',
      DEMO_SEED: 'false',
      SEED_TOKEN_SECRET: `reliability-${Math.random().toString(36).slice(2)}-secret`,
      SWEEP_INTERVAL_SECONDS: '60',
    }
    const apis = [] as ManagedProcess[]
    for (const n of [1, 2]) {
      apis.push(
        createProcess({
          name: `api-${n}`,
          kind: 'api',
          runDir,
          port: await freePort(),
          env: { ...common, HOST: '127.0.0.1', ...(options.apiEnv ?? {}) },
        })
      )
    }
    for (const api of apis) api.env.PORT = api.base.split(':').at(-1) ?? '0'
    const dispatchers = [1, 2].map((n) =>
      createProcess({
        name: `dispatcher-${n}`,
        kind: 'dispatcher',
        runDir,
        env: { ...common, ...DISPATCHER_SETTINGS, ...(options.dispatcherEnv ?? {}) },
      })
    )
    processes.push(...apis, ...dispatchers)
    // The first API applies the migrations; the others start against the migrated schema.
    await apis[0]?.start()
    await Promise.all([...apis.slice(1), ...dispatchers].map((p) => p.start()))
    const sql = postgres(databaseUrl, { max: 4, onnotice: () => undefined })
    const topology: Topology = {
      name,
      runDir,
      cluster,
      databaseUrl,
      databaseName,
      sql,
      sink,
      apis,
      dispatchers,
      all: () => processes,
      async stop() {
        await Promise.all(processes.map((p) => p.kill('SIGTERM')))
        // The server log (deadlocks, connection errors) stays beside the process logs.
        try {
          copyFileSync(cluster.logFile, join(runDir, 'postgres.log'))
        } catch {
          // no server log
        }
        await sql.end({ timeout: 5 })
        await sink.close()
        await cluster.stop()
        live.delete(placeholder)
      },
    }
    return topology
  } catch (error) {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')))
    await sink.close()
    await cluster.stop()
    live.delete(placeholder)
    throw error
  }
}
