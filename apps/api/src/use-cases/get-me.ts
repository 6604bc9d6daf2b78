import { partners, users, type PartnerRow } from '@partner-center/db/schema'
import { DEFAULT_LIMITS, permissionsForRole } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { AppError } from '../errors'
import { toEcosystemManager } from '../presenters/admin-partner'

/** `GET /api/v1/me`: the user, their partner with its capabilities, and their permission keys. */
export async function getMe(deps: AppDeps, options: { userId: string }) {
  const [row] = await deps.db
    .select({ user: users, partner: partners })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, options.userId))
    .limit(1)
  if (!row) throw AppError.of('NOT_AUTHENTICATED')
  const { user, partner } = row
  return {
    principal: { kind: 'user' as const, id: user.id },
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
    },
    partner: partner ? mePartner(partner) : null,
    permissions:
      user.role === 'ecosystem_manager'
        ? ['admin.partners', 'admin.reviews']
        : [...permissionsForRole(user.role)],
    platformName: deps.config.platformName,
    limits: meLimits(deps),
  }
}

/** The partner of `GET /me`: its profile and capabilities. */
export function mePartner(partner: PartnerRow) {
  return {
    id: partner.id,
    name: partner.name,
    contactEmail: partner.contactEmail,
    contactMobile: partner.contactMobile,
    // Whom the page names when a capability is missing (S9, S11).
    ecosystemManager: toEcosystemManager(partner),
    defaultLocale: partner.defaultLocale,
    capabilities: {
      customerDevelopmentEnabled: partner.customerDevelopmentEnabled,
      referralModelEnabled: partner.referralModelEnabled,
      isPrepaid: partner.isPrepaid,
      preregistrationQuota: partner.preregistrationQuota,
      dailyInviteCap: partner.dailyInviteCap,
    },
  }
}

/** The numbers the page states: configured ones from the environment, the rest the domain's. */
export function meLimits(deps: AppDeps) {
  return {
    invitationTtlDays: deps.config.invitationTtlDays,
    invitationReminderHours: deps.config.invitationReminderHours,
    preregistrationValidityDays: DEFAULT_LIMITS.PREREG_VALIDITY_DAYS,
    reviewTimeoutDays: DEFAULT_LIMITS.PREREG_REVIEW_TIMEOUT_DAYS,
    accountMaxAgeDays: DEFAULT_LIMITS.ACCOUNT_MAX_AGE_DAYS,
    maxDeliveryAttempts: deps.config.outboxMaxAttempts,
    linkTagMax: DEFAULT_LIMITS.LINK_TAG_MAX,
    activityLinkMaxDays: DEFAULT_LIMITS.ACTIVITY_LINK_MAX_DAYS,
    apiKeysMax: DEFAULT_LIMITS.API_KEYS_MAX,
    webhookTimeoutSeconds:
      deps.config.webhookTimeoutSeconds ?? DEFAULT_LIMITS.WEBHOOK_TIMEOUT_SECONDS,
    webhookRetryWindowHours:
      deps.config.webhookRetryWindowHours ?? DEFAULT_LIMITS.WEBHOOK_RETRY_WINDOW_HOURS,
    webhookDisableAfterHours:
      deps.config.webhookDisableAfterHours ?? DEFAULT_LIMITS.WEBHOOK_DISABLE_AFTER_HOURS,
    webhookSecretOverlapHours: DEFAULT_LIMITS.WEBHOOK_SECRET_OVERLAP_HOURS,
    webhookLogRetentionDays: DEFAULT_LIMITS.WEBHOOK_LOG_RETENTION_DAYS,
    webhookEndpointsMax: DEFAULT_LIMITS.WEBHOOK_ENDPOINTS_MAX,
    externalRefMax: DEFAULT_LIMITS.EXTERNAL_REF_MAX,
  }
}
