import { Hono } from 'hono'
import type { AppEnv } from '../deps'
import type { SmtpSink } from './smtp-sink'

/**
 * `GET /api/dev/mailbox`: the messages the development sink caught, newest first. The only place
 * a full invitation link is ever displayed (architecture.md §7); absent in production.
 */
export function createMailboxRoutes(sink: SmtpSink) {
  return new Hono<AppEnv>()
    .get('/mailbox', (c) => {
      c.header('cache-control', 'no-store')
      return c.json({ messages: sink.list() })
    })
    .delete('/mailbox', (c) => {
      sink.clear()
      return c.json({ ok: true })
    })
}
