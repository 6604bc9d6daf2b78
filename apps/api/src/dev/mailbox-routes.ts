import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { devRouteGuard } from './dev-route-guard'
import type { SmtpSink } from './smtp-sink'

/**
 * `GET /api/dev/mailbox`: the messages the development sink caught, newest first. The only place
 * a full invitation link is ever displayed (architecture.md §7); absent in production. It holds
 * every customer's links, so it answers only on loopback (`devRouteGuard`) and only to a
 * signed-in user (401 `NOT_AUTHENTICATED` otherwise). Mount with `{ path: '/dev', app }`.
 */
export function createMailboxRoutes(deps: AppDeps, sink: SmtpSink) {
  return new Hono<AppEnv>()
    .use(devRouteGuard(deps))
    .use(async (c, next) => {
      if (c.get('principal')?.kind !== 'user') throw AppError.of('NOT_AUTHENTICATED')
      await next()
    })
    .get('/mailbox', (c) => {
      c.header('cache-control', 'no-store')
      return c.json({ messages: sink.list() })
    })
    .delete('/mailbox', (c) => {
      sink.clear()
      return c.json({ ok: true })
    })
}
