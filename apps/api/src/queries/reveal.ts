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

/**
 * The contact values a partner-facing answer carries (§7): masked by default (M1–M3), as stored
 * only for the columns the caller revealed.
 */
export function revealOrMask(contact: CustomerContact, reveal: ReadonlySet<RevealColumn>) {
  return {
    customerName: reveal.has('name') ? contact.name : (maskName(contact.name) ?? ''),
    email: reveal.has('email') ? contact.email : maskEmail(contact.email),
    mobile: reveal.has('mobile') ? contact.mobile : maskMobile(contact.mobile),
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
