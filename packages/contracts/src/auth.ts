import { ROLES } from '@partner-center/domain'
import { z } from './zod'
import { LocaleSchema, Uuid } from './common'

/** `POST /api/v1/auth/sign-in` body. */
export const SignInRequest = z
  .strictObject({
    email: z.string().trim().min(3).max(254),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'SignInRequest' })
export type SignInRequest = z.infer<typeof SignInRequest>

/** The opaque access token, returned once; only its SHA-256 is stored (domain.md R79). */
export const SignInResponse = z
  .object({ token: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'SignInResponse' })
export type SignInResponse = z.infer<typeof SignInResponse>

/** Roles of domain.md §2.3, plus the platform operator. */
export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' })

/**
 * The partner's ecosystem manager, whom its users ask for a capability (domain.md §3.1, S9):
 * name and canonical email, each null when not set.
 */
export const EcosystemManagerContact = z
  .object({ name: z.string().nullable(), email: z.string().nullable() })
  .meta({ id: 'EcosystemManagerContact' })
export type EcosystemManagerContact = z.infer<typeof EcosystemManagerContact>

/**
 * A partner's name, contacts, ecosystem manager and default language (domain.md §3.1), as its
 * own users (`GET /me`) and the ecosystem manager see them. Spread its `shape` into a partner's
 * answer schema.
 */
export const PartnerProfile = z.object({
  id: Uuid,
  name: z.string(),
  contactEmail: z.string().nullable(),
  contactMobile: z.string().nullable(),
  ecosystemManager: EcosystemManagerContact,
  defaultLocale: LocaleSchema,
})

/** Partner capabilities, set only by the ecosystem manager (domain.md §2.2). */
export const PartnerCapabilities = z
  .object({
    customerDevelopmentEnabled: z.boolean(),
    referralModelEnabled: z.boolean(),
    isPrepaid: z.boolean(),
    preregistrationQuota: z.number().int(),
    dailyInviteCap: z.number().int(),
  })
  .meta({ id: 'PartnerCapabilities' })

/**
 * The limits the console states in its texts (domain.md §8): link validity, pre-registration
 * validity, manual review window and account age, and delivery attempts. The page reads them
 * from here instead of writing the numbers, so a deployment's `INVITATION_TTL_DAYS` or
 * `OUTBOX_MAX_ATTEMPTS` is what every text says.
 */
export const ConsoleLimits = z
  .object({
    /** `INVITATION_TTL_DAYS`: days a link works after it is sent (R51). */
    invitationTtlDays: z.number().int(),
    /** `PREREG_VALIDITY_DAYS`: days a pre-registration protects the customer (P1). */
    preregistrationValidityDays: z.number().int(),
    /** `PREREG_REVIEW_TIMEOUT_DAYS`: days the ecosystem manager has for a review (P7). */
    reviewTimeoutDays: z.number().int(),
    /** `ACCOUNT_MAX_AGE_DAYS`: older accounts need a manual review (R25). */
    accountMaxAgeDays: z.number().int(),
    /** `OUTBOX_MAX_ATTEMPTS`: delivery attempts before `FAILED_TO_SEND` (I4). */
    maxDeliveryAttempts: z.number().int(),
    /** `LINK_TAG_MAX`: code points of a custom link's tag (R94). */
    linkTagMax: z.number().int(),
    /** `ACTIVITY_LINK_MAX_DAYS`: longest validity of an activity link, in days (R93). */
    activityLinkMaxDays: z.number().int(),
    /** `INVITATION_REMINDER_HOURS`: hours before expiry of the reminder email; 0 off (R115). */
    invitationReminderHours: z.number().int(),
    /** `API_KEYS_MAX`: `ACTIVE` API keys per partner (R139, R147). */
    apiKeysMax: z.number().int(),
    /** `WEBHOOK_TIMEOUT_SECONDS`: whole attempt, resolution to response headers (R131). */
    webhookTimeoutSeconds: z.number().int(),
    /** `WEBHOOK_RETRY_WINDOW_HOURS`: no automatic attempt after this (R132). */
    webhookRetryWindowHours: z.number().int(),
    /** `WEBHOOK_DISABLE_AFTER_HOURS`: failing time that disables an endpoint (R134). */
    webhookDisableAfterHours: z.number().int(),
    /** `WEBHOOK_SECRET_OVERLAP_HOURS`: the replaced secret still signs this long (R129). */
    webhookSecretOverlapHours: z.number().int(),
    /** `WEBHOOK_LOG_RETENTION_DAYS`: days the delivery log keeps (R145). */
    webhookLogRetentionDays: z.number().int(),
    /** `WEBHOOK_ENDPOINTS_MAX`: endpoints per partner, or platform endpoints (R126). */
    webhookEndpointsMax: z.number().int(),
    /** `EXTERNAL_REF_MAX`: code points of a pre-registration's external reference (R122). */
    externalRefMax: z.number().int(),
  })
  .meta({ id: 'ConsoleLimits' })
export type ConsoleLimits = z.infer<typeof ConsoleLimits>

/**
 * Who calls (R141): a person signed in (`user`), or an API key with its name and `keyPrefix`.
 */
export const MePrincipal = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), id: Uuid }),
    z.object({ kind: z.literal('api_key'), id: Uuid, name: z.string(), keyPrefix: z.string() }),
  ])
  .meta({ id: 'MePrincipal' })
export type MePrincipal = z.infer<typeof MePrincipal>

/**
 * `GET /api/v1/me`: who is signed in and what they may do. For an API key (R141) `principal`
 * names the key, and `user` stands for it: the key's id, its name as `displayName`, its role, the
 * partner's default language and an empty `email` (a key has none).
 */
export const MeResponse = z
  .object({
    // Optional for clients built before issue 21; the API always sends it.
    principal: MePrincipal.optional(),
    user: z.object({
      id: Uuid,
      email: z.string(),
      displayName: z.string(),
      role: RoleSchema,
      locale: LocaleSchema,
    }),
    partner: z.object({ ...PartnerProfile.shape, capabilities: PartnerCapabilities }).nullable(),
    permissions: z.array(z.string()),
    /** The platform's display name (`PLATFORM_NAME`), e.g. for the Referral explanation (S9). */
    platformName: z.string(),
    /** The limits the page's texts state (days, attempts), from the configuration. */
    limits: ConsoleLimits,
  })
  .meta({ id: 'Me' })
export type MeResponse = z.infer<typeof MeResponse>
