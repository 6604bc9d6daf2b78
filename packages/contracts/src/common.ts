import { LOCALES } from '@partner-center/domain'
import { z } from './zod'

/** A UUID as the API writes it (lower-case, any version). */
export const Uuid = z.uuid({ version: undefined })

/** An ISO-8601 UTC instant as the API writes it (`2025-01-22T09:30:00.000Z`). */
export const Instant = z.iso.datetime()

/** UI and email languages (domain.md §3.1). */
export const LocaleSchema = z.enum(LOCALES).meta({ id: 'Locale' })

/** `?page=&pageSize=` of every console list (architecture.md §5 Pagination). */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

/**
 * Wraps an item schema into the page envelope `{ items, total, page, pageSize }`.
 *
 * @example
 * const PreregistrationPage = pageOf(PreregistrationItem)
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  })
}

/** `{ ok: true }`: an action that returns nothing else. */
export const OkResponse = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' })
