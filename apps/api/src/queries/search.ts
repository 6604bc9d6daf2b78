import { preRegistrations } from '@partner-center/db/schema'
import { or, sql, type SQL } from 'drizzle-orm'
import { escapeLike } from './effective-status'

/**
 * The search of R35 on pre-registrations: a case-insensitive substring of the name or the
 * canonical email, or of the mobile's digits when `q` has at least 4 digits. Matches unmasked
 * values on the server; answers stay masked (M9).
 */
export function preregistrationSearchCondition(q: string): SQL | undefined {
  const t = preRegistrations
  const pattern = `%${escapeLike(q.toLowerCase())}%`
  const digits = q.replace(/\D/g, '')
  return or(
    sql`lower(${t.customerName}) like ${pattern}`,
    sql`${t.emailCanonical} like ${pattern}`,
    digits.length >= 4 ? sql`${t.mobileE164} like ${`%${digits}%`}` : undefined
  )
}
