import { createHash } from 'node:crypto'

/**
 * `hashToken`'s synchronous twin on `node:crypto`, for the Node-only paths that hash on every
 * request or every email (the bearer lookup, the dispatcher's token issue, the demo seed): Web
 * Crypto's `digest` schedules a job per call and cost a tenth of the list endpoint's CPU. Same
 * output as `hashToken` (tested); the portable request path keeps `hashToken`.
 */
export function hashTokenSync(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
