/** The handle of scripts/lib/postgres-cluster.mjs (see that module's documentation). */
export interface Cluster {
  url: string
  binDir: string
  port: number
  user: string
  dataDir: string
  logFile: string
  startServer(): Promise<boolean>
  stopServer(mode?: 'smart' | 'fast' | 'immediate'): Promise<boolean>
  restart(mode?: 'smart' | 'fast' | 'immediate'): Promise<boolean>
  stop(): Promise<void>
  stopSync(): void
}

interface ClusterModule {
  startThrowawayCluster(options?: {
    maxConnections?: number
    quiet?: boolean
  }): Promise<Cluster | null>
}

// scripts/ is not a workspace package, so the shared module is loaded by its location at run time.
const CLUSTER_MODULE = new URL('../../scripts/lib/postgres-cluster.mjs', import.meta.url)

/**
 * Starts this suite's own PostgreSQL cluster (initdb + pg_ctl on a free loopback port), so
 * stopping and restarting it touches nothing else on the machine.
 */
export async function startCluster(): Promise<Cluster> {
  const module = (await import(CLUSTER_MODULE.href)) as ClusterModule
  const cluster = await module.startThrowawayCluster({ maxConnections: 200, quiet: true })
  if (!cluster) throw new Error('no initdb/pg_ctl on this machine: the suite needs its own cluster')
  return cluster
}
