import { partners, type PartnerRow } from '@partner-center/db/schema'
import {
  isHeaderSafe,
  isUuid,
  normalizeEmail,
  validateEcosystemManagerName,
} from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import { eq } from 'drizzle-orm'
import type { AppDeps, RequestMeta } from '../deps'
import { AppError } from '../errors'
import { recordAudits } from '../persistence/audit'
import { toAdminPartner } from '../presenters/admin-partner'

/** Options of {@link updatePartner}. */
export interface UpdatePartnerOptions extends RequestMeta {
  managerId: string
  partnerId: string
  changes: {
    customerDevelopmentEnabled?: boolean
    referralModelEnabled?: boolean
    isPrepaid?: boolean
    preregistrationQuota?: number
    dailyInviteCap?: number
    contactEmail?: string | null
    contactMobile?: string | null
    ecosystemManagerName?: string | null
    ecosystemManagerEmail?: string | null
  }
}

interface ContactIssue {
  path: string
  message: string
}

// Each contact field and the domain rule that gives its stored form: emails canonical (R14),
// mobiles E.164 (R15), the manager's name trimmed, 1–100 characters, no control characters.
const CONTACT_RULES = {
  contactEmail: normalizeEmail,
  contactMobile: normalizeMobile,
  ecosystemManagerName: validateEcosystemManagerName,
  ecosystemManagerEmail: normalizeEmail,
} satisfies Record<string, (raw: unknown) => { ok: true; value: string } | { ok: false }>
type ContactField = keyof typeof CONTACT_RULES

/** Contacts through the domain's rules and header safety (R55); `null` or `''` clears. */
function normalizeContacts(changes: UpdatePartnerOptions['changes']) {
  const issues: ContactIssue[] = []
  const out: Partial<Pick<PartnerRow, ContactField>> = {}
  const check = (field: ContactField) => {
    const raw = changes[field]
    if (raw === undefined) return
    if (raw === null || raw.trim() === '') {
      out[field] = null
      return
    }
    const result = isHeaderSafe(raw) ? CONTACT_RULES[field](raw) : { ok: false as const }
    if (result.ok) out[field] = result.value
    else issues.push({ path: field, message: 'INVALID' })
  }
  for (const field of Object.keys(CONTACT_RULES) as ContactField[]) check(field)
  if (issues.length) throw AppError.of('VALIDATION_FAILED', { issues })
  return out
}

/**
 * `PATCH /api/v1/admin/partners/{id}` (R9): the ecosystem manager changes capabilities, contacts
 * and the partner's ecosystem manager contact; one `partner.capabilities_changed` event with
 * the before and after values of the changed fields, in the same transaction. Applies from the
 * next request.
 */
export async function updatePartner(deps: AppDeps, options: UpdatePartnerOptions) {
  if (!isUuid(options.partnerId)) throw AppError.of('NOT_FOUND')
  const contacts = normalizeContacts(options.changes)
  const now = deps.clock.now()
  return deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(partners)
      .where(eq(partners.id, options.partnerId))
      .for('update')
    if (!before) throw AppError.of('NOT_FOUND')
    const c = options.changes
    const capabilities = {
      customerDevelopmentEnabled: c.customerDevelopmentEnabled,
      referralModelEnabled: c.referralModelEnabled,
      isPrepaid: c.isPrepaid,
      preregistrationQuota: c.preregistrationQuota,
      dailyInviteCap: c.dailyInviteCap,
    }
    const next = Object.fromEntries(
      Object.entries({ ...capabilities, ...contacts }).filter(([, v]) => v !== undefined)
    ) as Partial<PartnerRow>
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (key) => next[key] !== before[key]
    )
    if (changed.length === 0) return toAdminPartner(before)
    const [after] = await tx
      .update(partners)
      .set({ ...next, updatedAt: now })
      .where(eq(partners.id, before.id))
      .returning()
    if (!after) throw new Error('update returned no row')
    await recordAudits(tx, {
      now,
      requestId: options.requestId,
      entries: [
        {
          action: 'partner.capabilities_changed',
          actorType: 'ecosystem_manager',
          actorId: options.managerId,
          partnerId: before.id,
          entityType: 'partner',
          entityId: before.id,
          details: {
            before: Object.fromEntries(changed.map((key) => [key, before[key]])),
            after: Object.fromEntries(changed.map((key) => [key, after[key]])),
          },
        },
      ],
    })
    return toAdminPartner(after)
  })
}
