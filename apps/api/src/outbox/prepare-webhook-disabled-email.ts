import {
  outbox,
  partners,
  users,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '@partner-center/db/schema'
import { DEFAULT_LIMITS, webhookAttemptOutcomeLabel, type Locale } from '@partner-center/domain'
import { and, asc, desc, eq, lte } from 'drizzle-orm'
import type { ClaimedRow } from './claim-outbox-rows'
import type { DeliveryContext, PreparedMessage } from './delivery-context'
import { mailRecipient } from './mail-recipient'

/** One person or mailbox the email goes to, in the locale it is written in. */
interface Recipient {
  to: string
  locale: Locale
}

type Endpoint = NonNullable<Awaited<ReturnType<typeof loadEndpoint>>>

async function loadEndpoint(ctx: DeliveryContext, endpointId: string) {
  const [endpoint] = await ctx.db
    .select({
      id: webhookEndpoints.id,
      partnerId: webhookEndpoints.partnerId,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      status: webhookEndpoints.status,
      disabledReason: webhookEndpoints.disabledReason,
      disabledAt: webhookEndpoints.disabledAt,
      failingSince: webhookEndpoints.failingSince,
      creatorEmail: users.email,
      creatorEmailCanonical: users.emailCanonical,
      creatorLocale: users.locale,
      creatorStatus: users.status,
    })
    .from(webhookEndpoints)
    .innerJoin(users, eq(users.id, webhookEndpoints.createdByUserId))
    .where(eq(webhookEndpoints.id, endpointId))
    .limit(1)
  return endpoint
}

/** The disable this row was queued for, from its dedupe key `webhook-endpoint:{id}:disabled:{ms}`. */
async function queuedDisabledAtMs(ctx: DeliveryContext, row: ClaimedRow): Promise<number | null> {
  const [queued] = await ctx.db
    .select({ dedupeKey: outbox.dedupeKey })
    .from(outbox)
    .where(eq(outbox.id, row.id))
    .limit(1)
  const ms = /:disabled:(\d+)$/.exec(queued?.dedupeKey ?? '')?.[1]
  return ms === undefined ? null : Number(ms)
}

/**
 * Who answers for the endpoint (R134): its creator in their locale while they are `ACTIVE`;
 * else a partner endpoint's partner contact email in the partner's default locale, and a
 * platform endpoint's every `ACTIVE` ecosystem manager in their own locale.
 */
async function recipientsOf(ctx: DeliveryContext, endpoint: Endpoint): Promise<Recipient[]> {
  const creator = mailRecipient({
    canonical: endpoint.creatorEmailCanonical,
    entered: endpoint.creatorEmail,
  })
  if (endpoint.creatorStatus === 'ACTIVE' && creator !== null) {
    return [{ to: creator, locale: endpoint.creatorLocale }]
  }
  if (endpoint.partnerId !== null) {
    const [partner] = await ctx.db
      .select({ contactEmail: partners.contactEmail, locale: partners.defaultLocale })
      .from(partners)
      .where(eq(partners.id, endpoint.partnerId))
      .limit(1)
    // The partner's contact email is stored canonical by the admin endpoint (R14).
    return partner?.contactEmail ? [{ to: partner.contactEmail, locale: partner.locale }] : []
  }
  const managers = await ctx.db
    .select({ email: users.email, emailCanonical: users.emailCanonical, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, 'ecosystem_manager'), eq(users.status, 'ACTIVE')))
    .orderBy(asc(users.emailCanonical))
  return managers.flatMap((manager) => {
    const to = mailRecipient({ canonical: manager.emailCanonical, entered: manager.email })
    return to === null ? [] : [{ to, locale: manager.locale }]
  })
}

/** The last non-test attempt up to the disable: the failure that ended the endpoint's day. */
async function lastAttemptOf(ctx: DeliveryContext, endpointId: string, disabledAt: Date) {
  const [attempt] = await ctx.db
    .select({ outcome: webhookAttempts.outcome, statusCode: webhookAttempts.statusCode })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.isTest, false),
        lte(webhookAttempts.startedAt, disabledAt)
      )
    )
    .orderBy(desc(webhookAttempts.startedAt))
    .limit(1)
  return attempt
}

/**
 * Prepares a `WEBHOOK_ENDPOINT_DISABLED_EMAIL` row (R134, domain.md §13.9.1); the aggregate is
 * the endpoint. The row is cancelled (null) when the endpoint is no longer disabled by the
 * failures this row was queued for: enabled again, deleted, or disabled anew (its own row then
 * carries the newer `disabledAt`), or when nobody can receive it.
 *
 * Several recipients (a platform endpoint whose creator is disabled: every active ecosystem
 * manager) get one message each, in their own locale, all with the same Message-ID: the row is
 * settled once for all of them, so a retry after a partial failure may repeat a copy, which the
 * shared Message-ID lets mail clients fold (at least once, R54).
 *
 * @example
 * const messages = await prepareWebhookDisabledEmail(ctx, row)
 */
export async function prepareWebhookDisabledEmail(
  ctx: DeliveryContext,
  row: ClaimedRow
): Promise<PreparedMessage[] | null> {
  const endpoint = await loadEndpoint(ctx, row.aggregateId)
  if (endpoint?.status !== 'DISABLED' || endpoint.disabledReason !== 'FAILING') return null
  const { disabledAt } = endpoint
  // Disabled anew since this row was queued: the newer disable's own row sends its email.
  const queuedMs = await queuedDisabledAtMs(ctx, row)
  if (disabledAt === null) return null
  if (disabledAt.getTime() !== queuedMs) return null
  const recipients = await recipientsOf(ctx, endpoint)
  if (recipients.length === 0) return null
  const attempt = await lastAttemptOf(ctx, endpoint.id, disabledAt)
  // The hours in the subject and the timeout in a label are the ones this deployment runs with.
  const settings = ctx.config.webhooks ?? {
    timeoutSeconds: DEFAULT_LIMITS.WEBHOOK_TIMEOUT_SECONDS,
    disableAfterHours: DEFAULT_LIMITS.WEBHOOK_DISABLE_AFTER_HOURS,
  }
  const messageId = `<webhook-endpoint.${endpoint.id}.disabled.${disabledAt.getTime()}@${ctx.config.mailDomain}>`
  return Promise.all(
    recipients.map(async ({ to, locale }) => {
      const renderer = await ctx.renderers.get('webhook-endpoint-disabled', locale)
      const email = await renderer.render({
        url: endpoint.url,
        description: endpoint.description,
        failingSince: endpoint.failingSince ?? disabledAt,
        disabledAt,
        // No attempt left (swept with its events): a dash rather than a made-up reason.
        outcome: attempt
          ? webhookAttemptOutcomeLabel(attempt, locale, settings.timeoutSeconds)
          : '—',
        platformName: ctx.config.platformName,
        disableAfterHours: settings.disableAfterHours,
      })
      return { to, ...email, messageId }
    })
  )
}
