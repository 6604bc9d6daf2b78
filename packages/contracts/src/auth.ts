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
 * A partner's name, contacts and default language (domain.md §3.1), as its own users (`GET /me`)
 * and the ecosystem manager see them. Spread its `shape` into a partner's answer schema.
 */
export const PartnerProfile = z.object({
  id: Uuid,
  name: z.string(),
  contactEmail: z.string().nullable(),
  contactMobile: z.string().nullable(),
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

/** `GET /api/v1/me`: who is signed in and what they may do. */
export const MeResponse = z
  .object({
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
  })
  .meta({ id: 'Me' })
export type MeResponse = z.infer<typeof MeResponse>
