import { z } from './zod'

/** One validation problem, addressed by a dotted path (`emails.3`). */
export const ValidationIssue = z.object({ path: z.string(), message: z.string() })

/** The one error body every endpoint answers with (domain.md R8). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'ErrorBody' })
export type ErrorBody = z.infer<typeof ErrorBody>
