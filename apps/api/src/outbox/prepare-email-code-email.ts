import {
  customerAccounts,
  invitationLinks,
  partners,
  pendingLinkRegistrations,
} from '@partner-center/db/schema'
import { and, eq, gt } from 'drizzle-orm'
import { drawEmailCode, emailCodeHash } from '../security/email-codes'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryContext, PreparedMessage } from './delivery-context'

/**
 * Prepares an `EMAIL_CODE` row (R102, §12.7.1). It re-reads the pending link registration: gone,
 * `VOID`, `CONFIRMED` or past `expiresAt` → null (the row is cancelled). Otherwise it decides at
 * send time: a `REGISTER` row whose address has an account gets the "sign in instead" email and
 * no code; any other draws 6 digits, stores only their keyed hash and `codeIssuedAt` and commits
 * that before SMTP sees the message (as R51), then sends the code email. A retry draws a new code
 * (the undelivered one never worked elsewhere). The code lives only in memory and in the email.
 *
 * @example
 * const message = await prepareEmailCodeEmail(ctx, row, now)
 */
export async function prepareEmailCodeEmail(
  ctx: DeliveryContext,
  row: ClaimedRow,
  now: Date
): Promise<PreparedMessage | null> {
  const [pending] = await ctx.db
    .select({
      id: pendingLinkRegistrations.id,
      purpose: pendingLinkRegistrations.purpose,
      emailCanonical: pendingLinkRegistrations.emailCanonical,
      locale: pendingLinkRegistrations.locale,
      status: pendingLinkRegistrations.status,
      expiresAt: pendingLinkRegistrations.expiresAt,
      partnerName: partners.name,
    })
    .from(pendingLinkRegistrations)
    .innerJoin(invitationLinks, eq(invitationLinks.id, pendingLinkRegistrations.linkId))
    .innerJoin(partners, eq(partners.id, invitationLinks.partnerId))
    .where(eq(pendingLinkRegistrations.id, row.aggregateId))
    .limit(1)
  if (pending?.status !== 'PENDING' || now >= pending.expiresAt) return null
  const [account] = await ctx.db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(eq(customerAccounts.emailCanonical, pending.emailCanonical))
    .limit(1)
  const signInInstead = pending.purpose === 'REGISTER' && account !== undefined
  let code: string | null = null
  if (!signInInstead) {
    if (!ctx.keyring) throw new Error('the dispatcher has no data keyring for email codes')
    code = drawEmailCode()
    const stored = await ctx.db
      .update(pendingLinkRegistrations)
      .set({
        codeHash: await emailCodeHash(ctx.keyring, pending.id, code),
        codeIssuedAt: now,
      })
      .where(
        and(
          eq(pendingLinkRegistrations.id, pending.id),
          eq(pendingLinkRegistrations.status, 'PENDING'),
          gt(pendingLinkRegistrations.expiresAt, now)
        )
      )
      .returning({ id: pendingLinkRegistrations.id })
    // Voided or confirmed meanwhile: no email.
    if (stored.length === 0) return null
  }
  const renderer = await ctx.renderers.get('email-code', pending.locale)
  const email = await renderer.render({
    code,
    partnerName: pending.partnerName,
    platformName: ctx.config.platformName,
    email: pending.emailCanonical,
    expiresAt: pending.expiresAt,
  })
  return {
    to: pending.emailCanonical,
    ...email,
    messageId: `<email-code.${pending.id}@${ctx.config.mailDomain}>`,
  }
}
