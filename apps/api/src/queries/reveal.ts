import type { Database } from '@partner-center/db'
import { maskEmail, maskMobile, maskName } from '@partner-center/domain'
import type { PartnerScope } from '../deps'
import { recordAudits } from './audit'

/** Columns a caller may unmask (M6). */
export type RevealColumn = 'name' | 'email' | 'mobile'

/** A customer's contact values as stored. */
export interface CustomerContact {
  name: string
  email: string | null
  mobile: string | null
}

/** A customer name as a partner-facing answer carries it: masked (M1) unless revealed. */
export function shownName(name: string, reveal: ReadonlySet<RevealColumn>): string {
  return reveal.has('name') ? name : (maskName(name) ?? '')
}

/** An email as a partner-facing answer carries it: masked (M2) unless revealed. */
export function shownEmail(email: string | null, reveal: ReadonlySet<RevealColumn>) {
  return reveal.has('email') ? email : maskEmail(email)
}

/** A mobile number as a partner-facing answer carries it: masked (M3) unless revealed. */
export function shownMobile(mobile: string | null, reveal: ReadonlySet<RevealColumn>) {
  return reveal.has('mobile') ? mobile : maskMobile(mobile)
}

/**
 * The contact values a partner-facing answer carries (§7): masked by default (M1–M3), as stored
 * only for the columns the caller revealed.
 */
export function revealOrMask(contact: CustomerContact, reveal: ReadonlySet<RevealColumn>) {
  return {
    customerName: shownName(contact.name, reveal),
    email: shownEmail(contact.email, reveal),
    mobile: shownMobile(contact.mobile, reveal),
  }
}

/** Options of {@link recordReveal}. */
export interface RecordRevealOptions {
  scope: PartnerScope
  now: Date
  requestId: string
  /** The endpoint as `METHOD /path`, so the audit reader knows which list was unmasked. */
  endpoint: string
  reveal: ReadonlySet<RevealColumn>
  /** Ids of the rows the answer carries, possibly none. */
  rowIds: readonly string[]
}

/**
 * Writes the one `pii.revealed` event of a request that revealed columns (M7), naming the
 * columns and the rows returned (even none); nothing when nothing was revealed.
 */
export async function recordReveal(db: Database, options: RecordRevealOptions): Promise<void> {
  if (options.reveal.size === 0) return
  await recordAudits(db, {
    now: options.now,
    requestId: options.requestId,
    entries: [
      {
        action: 'pii.revealed',
        actorType: 'partner_user',
        actorId: options.scope.userId,
        partnerId: options.scope.partner.id,
        entityType: 'partner',
        entityId: options.scope.partner.id,
        details: {
          endpoint: options.endpoint,
          columns: [...options.reveal].sort(),
          rowIds: [...options.rowIds],
        },
      },
    ],
  })
}
