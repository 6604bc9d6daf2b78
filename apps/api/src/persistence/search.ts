import { preRegistrations } from '@partner-center/db/schema'
import { or, sql, type Placeholder, type SQL } from 'drizzle-orm'
import { escapeLike } from './effective-status'

/** The LIKE patterns of a search text: always the text, digits only when it has 4 or more. */
export interface SearchPatterns {
  text: string
  digits?: string
}

/** The LIKE patterns R35 matches a search text with (lower-cased, LIKE wildcards escaped). */
export function searchPatternsOf(q: string): SearchPatterns {
  const digits = q.replace(/\D/g, '')
  return {
    text: `%${escapeLike(q.toLowerCase())}%`,
    digits: digits.length >= 4 ? `%${digits}%` : undefined,
  }
}

/**
 * The search of R35 on pre-registrations, with the patterns of {@link searchPatternsOf} as values
 * or placeholders: a case-insensitive substring of the name or the canonical email, or of the
 * mobile's digits when the text has at least 4 digits. Matches unmasked values on the server;
 * answers stay masked (M9).
 */
export function preregistrationSearchConditionWith(patterns: {
  text: string | Placeholder
  digits?: string | Placeholder
}): SQL | undefined {
  const t = preRegistrations
  return or(
    sql`lower(${t.customerName}) like ${patterns.text}`,
    sql`${t.emailCanonical} like ${patterns.text}`,
    patterns.digits !== undefined ? sql`${t.mobileE164} like ${patterns.digits}` : undefined
  )
}
