import type { Context } from 'hono'
import { errorLogFields } from '../error-log-fields'
import type { AppLogger } from '../logging/app-logger'

function executionContextOf(c: Context): { waitUntil(work: Promise<unknown>): void } | null {
  try {
    return c.executionCtx
  } catch {
    // Hono throws when the runtime passed no execution context (@hono/node-server, app.request).
    return null
  }
}

/**
 * Runs work the answer does not depend on (the session slide). On a runtime with an execution
 * context (the worker) it runs after the response, under `ctx.waitUntil`, so the runtime keeps
 * the request alive until it ends and the worker closes the request's database client only then.
 * Without one (Node) it is awaited before answering: nothing ends the work there, and its write
 * is then ordered before the answer. A failure is logged, never answered.
 */
export async function runAfterResponse(
  c: Context,
  logger: AppLogger,
  name: string,
  work: () => Promise<unknown>
): Promise<void> {
  const settled = work().catch((error: unknown) => {
    logger.warn({ err: errorLogFields(error), work: name }, 'work after the response failed')
  })
  const context = executionContextOf(c)
  if (context) context.waitUntil(settled)
  else await settled
}
