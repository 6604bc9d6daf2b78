// The API's worker (apps/api/src/worker.ts) served by workerd, the runtime of Cloudflare Workers,
// for the benchmarks that compare it with the Node API on the same database: the bundle and the
// workerd process come from apps/api/scripts (worker-bundle.mjs, workerd.mjs), as in the edge suite.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('../../apps/api/', import.meta.url))
/** The client address Cloudflare would put in cf-connecting-ip (BEHIND_CLOUDFLARE, as deployed). */
export const WORKER_CLIENT_ADDRESS = '203.0.113.50'

/** Headers every request to the worker carries: the address Cloudflare would have set. */
export const WORKER_HEADERS = { 'cf-connecting-ip': WORKER_CLIENT_ADDRESS }

/**
 * Bundles the worker as `wrangler deploy` does (apps/api/scripts/worker-bundle.mjs), into a
 * folder of its own: apps/api/dist-worker is rewritten by every edge test run, possibly mid-run.
 * Answers the bundle's path and a function removing the folder.
 */
export async function bundleWorkerForBench() {
  const { bundleWorker } = await import(join(API_DIR, 'scripts', 'worker-bundle.mjs'))
  const outdir = mkdtempSync(join(tmpdir(), 'pc-bench-worker-'))
  const bundle = await bundleWorker(outdir)
  return { file: bundle.file, remove: () => rmSync(outdir, { recursive: true, force: true }) }
}

/**
 * The bindings of a production deployment (wrangler.jsonc's vars and the secret), with the
 * database given as DATABASE_URL instead of Hyperdrive and the per-address limits raised: every
 * request of a benchmark comes from one client address.
 */
export function benchWorkerBindings(databaseUrl) {
  return {
    APP_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PUBLIC_BASE_URL: 'https://portal.bench.example',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BEHIND_CLOUDFLARE: 'true',
    LOG_LEVEL: 'info',
    SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_MAX_FAILURES: '10000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    PREREGISTRATION_RATE_LIMIT_PER_USER_PER_HOUR: '1000000',
    PREREGISTRATION_RATE_LIMIT_PER_PARTNER_PER_HOUR: '1000000',
  }
}

/**
 * Starts workerd serving `bundle` on 127.0.0.1:`port` (apps/api/scripts/workerd.mjs, as the edge
 * suite does) and waits until `/api/ready` answers (the worker reaches its database). Its
 * stdout, one access line per request, is dropped as the Node API's is. Answers its origin as
 * `base`, the workerd process id (for /proc/<pid>/stat), and `stop()`.
 *
 * @example
 * const worker = await startWorkerd({ bundle, port: 3914, bindings: benchWorkerBindings(url) })
 * await fetch(`${worker.base}/api/health`)
 * await worker.stop()
 */
export async function startWorkerd({ bundle, port, bindings }) {
  const { startWorkerd: start } = await import(join(API_DIR, 'scripts', 'workerd.mjs'))
  const worker = await start({
    bundle,
    bindings,
    port,
    readyPath: '/api/ready',
    readyHeaders: WORKER_HEADERS,
    keepOutput: false,
  })
  return { base: worker.origin, pid: worker.pid, stop: worker.stop }
}
