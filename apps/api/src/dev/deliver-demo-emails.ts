import type { Database } from '@partner-center/db/portable'
import { DEMO_INVITATIONS } from '@partner-center/db/seed'
import { maskEmail } from '@partner-center/domain'
import type { AppLogger } from '../logging/app-logger'
import { buildMailOptions } from '../outbox/build-mail-options'
import type { MailTransport } from '../outbox/create-smtp-transport'
import type { DispatcherConfig } from '../outbox/dispatcher-config'
import { createEmailRenderers } from '../outbox/email-renderers'
import { loadInvitationEmail } from '../outbox/load-invitation-email'
import { deriveDemoToken } from './demo-tokens'

/**
 * Delivers the invitation email of every seeded invitation that has a token, live or not, to
 * the development mailbox (domain.md §10 "Demo links"), so each demonstrated link can be
 * clicked. The token is re-derived from `SEED_TOKEN_SECRET` (the seed stored its SHA-256); the
 * email shows the recorded `expiresAt`. Nothing in the database changes: no token, no status,
 * no time, no audit event. Development and test only.
 *
 * @example
 * await deliverDemoEmails({ db, transport, config, logger, seedTokenSecret: env.SEED_TOKEN_SECRET })
 */
export async function deliverDemoEmails(options: {
  db: Database
  transport: MailTransport
  config: DispatcherConfig
  logger: AppLogger
  seedTokenSecret: string
}): Promise<number> {
  const { db, transport, config, logger } = options
  const renderers = createEmailRenderers({ origin: config.publicBaseUrl, appEnv: config.appEnv })
  let delivered = 0
  for (const demo of DEMO_INVITATIONS.filter((invitation) => invitation.hasToken)) {
    const data = await loadInvitationEmail(db, demo.invitationId)
    if (!data?.expiresAt) continue
    const token = deriveDemoToken(options.seedTokenSecret, demo.seedName)
    const renderer = await renderers.get('invitation', data.locale)
    const email = await renderer.render({
      partnerName: data.partnerName,
      customerName: data.customerName,
      platformName: config.platformName,
      link: `${config.publicBaseUrl.replace(/\/+$/, '')}/invite#${token}`,
      expiresAt: data.expiresAt,
      recipientEmail: data.recipientEmail,
      partnerContact: data.partnerContactEmail ?? data.partnerContactMobile ?? '',
      associationType: data.associationType,
    })
    await transport.sendMail(
      buildMailOptions(config.mailFrom, {
        to: data.recipientEmailCanonical,
        ...email,
        messageId: data.messageId,
        ...(data.partnerContactEmail ? { replyTo: data.partnerContactEmail } : {}),
      })
    )
    delivered += 1
    logger.debug({ seedName: demo.seedName, to: maskEmail(data.recipientEmail) }, 'demo email')
  }
  logger.info({ delivered }, 'demo invitation emails delivered to the development mailbox')
  return delivered
}
