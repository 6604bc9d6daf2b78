import { preRegistrations } from '@partner-center/db/schema'
import {
  addDays,
  can,
  checkAssociationType,
  maskEmail,
  maskName,
  type AssociationType,
} from '@partner-center/domain'
import { renderEmail } from '@partner-center/email-templates'
import { and, eq, ne } from 'drizzle-orm'
import type { AppDeps, PartnerScope } from '../deps'
import { AppError, toAppError } from '../errors'
import { actorOf } from '../partner-scope'

/** Options of {@link previewInvitation}. */
export interface PreviewInvitationOptions {
  scope: PartnerScope
  associationType: AssociationType
  locale: 'en' | 'zh-CN'
  preregistrationId?: string
  /** The invitation (default) or its reminder (R119). */
  kind?: 'invitation' | 'reminder'
}

// Shown when no row is chosen: already in masked form, like every customer value of a preview.
const SAMPLE_CUSTOMER = { name: 'C***', email: 'c***@example.com' }

/**
 * `POST …/invitations/preview` (R48, R119): the real invitation template, or with `kind:
 * 'reminder'` its reminder's (§12.7.2), with the customer's data masked (M5), a placeholder link
 * on the configured origin that opens nothing, and the expiry a send now would get. Writes
 * nothing.
 */
export async function previewInvitation(deps: AppDeps, options: PreviewInvitationOptions) {
  const { partner } = options.scope
  let customer = SAMPLE_CUSTOMER
  if (options.preregistrationId) {
    const [row] = await deps.db
      .select()
      .from(preRegistrations)
      .where(
        and(
          eq(preRegistrations.id, options.preregistrationId),
          eq(preRegistrations.partnerId, partner.id),
          ne(preRegistrations.status, 'DELETED')
        )
      )
    if (!row || !can(actorOf(options.scope), 'custdev.invite', row)) {
      throw AppError.of('NOT_FOUND')
    }
    customer = {
      name: maskName(row.customerName) ?? SAMPLE_CUSTOMER.name,
      email: maskEmail(row.email) ?? SAMPLE_CUSTOMER.email,
    }
  }
  // After NOT_FOUND: R3 puts the rules after the existence check.
  const allowed = checkAssociationType(partner, options.associationType)
  if (!allowed.ok) throw toAppError(allowed.error)
  const now = deps.clock.now()
  const origin = deps.config.publicBaseUrl.replace(/\/+$/, '')
  return renderEmail({
    template: options.kind === 'reminder' ? 'invitation-reminder' : 'invitation',
    locale: options.locale,
    linkPolicy: { origin, appEnv: deps.config.appEnv },
    props: {
      partnerName: partner.name,
      customerName: customer.name,
      platformName: deps.config.platformName,
      link: `${origin}/invite#preview`,
      expiresAt: addDays(now, deps.config.invitationTtlDays),
      recipientEmail: customer.email,
      partnerContact: partner.contactEmail ?? partner.contactMobile ?? '',
      associationType: options.associationType,
    },
  })
}
