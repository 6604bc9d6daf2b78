// The API on Cloudflare Workers (workerd): the same createApp as server.ts, served per request
// with a database client of the request's own (issue 17, README "Deploying the API to
// Cloudflare Workers"). Migrations, the outbox dispatcher and the expiry sweeper stay on Node.
import { createPostgresDb } from '@partner-center/db/portable'
import { createApp, type App } from './app'
import { startupFailureText } from './error-log-fields'
import { createRequestDatabase } from './worker/request-database'
import { createWorkerDeps } from './worker/worker-deps'
import { readWorkerEnv, type WorkerBindings } from './worker/worker-env'

/** The parts of workerd's ExecutionContext the worker uses. */
interface WorkerContext {
  waitUntil(work: Promise<unknown>): void
  passThroughOnException(): void
  props: unknown
}

interface Worker {
  app: App
  databaseUrl: string
}

const requestDatabase = createRequestDatabase()
// Built on the first request from the bindings (the isolate's settings never change): plain
// objects and closures, no socket, no timer.
let worker: Worker | null = null

function workerFor(bindings: WorkerBindings): Worker {
  if (worker) return worker
  const env = readWorkerEnv(bindings)
  if (!env.DATABASE_URL) throw new Error('The worker needs a HYPERDRIVE binding or DATABASE_URL')
  worker = { app: createApp(createWorkerDeps(env, requestDatabase)), databaseUrl: env.DATABASE_URL }
  return worker
}

export default {
  async fetch(request: Request, bindings: WorkerBindings, ctx: WorkerContext): Promise<Response> {
    let served: Worker
    try {
      served = workerFor(bindings)
    } catch (error) {
      // The settings' own words name the variable and never its value.
      console.error(startupFailureText(error))
      throw error
    }
    // One client per request, a few connections at most (opened on first use): Hyperdrive pools
    // them in production, and workerd refuses a socket used by a request that did not open it.
    const handle = createPostgresDb(served.databaseUrl, { max: 5 })
    const afterResponse: Promise<unknown>[] = []
    const requestCtx: WorkerContext = {
      waitUntil: (work) => void afterResponse.push(work),
      passThroughOnException: () => ctx.passThroughOnException(),
      props: ctx.props,
    }
    try {
      return await requestDatabase.run(handle.db, () =>
        served.app.fetch(request, bindings, requestCtx)
      )
    } finally {
      // The client closes once the work after the response (the session slide) has ended.
      ctx.waitUntil(Promise.allSettled(afterResponse).then(() => handle.close()))
    }
  },
}
