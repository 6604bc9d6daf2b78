import { z } from './zod'

/** `GET /api/health`: the process is up. */
export const HealthResponse = z
  .object({
    status: z.literal('ok'),
    /** The JavaScript runtime's Node.js major version; outside production only (the start log has it there). */
    nodeMajor: z.number().int().optional(),
  })
  .meta({ id: 'Health' })

/**
 * `GET /api/ready`: the process can reach its database. `database` names the API's driver, a
 * deployment detail rather than a domain value list, so it is spelled here.
 */
export const ReadyResponse = z
  .object({ status: z.literal('ready'), database: z.enum(['postgres', 'pglite']) })
  .meta({ id: 'Ready' })
