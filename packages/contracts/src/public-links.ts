import { z } from './zod'
import { Instant, LocaleSchema, Uuid } from './common'
import { AssociationTypeSchema } from './invitations'

/** The code of an invitation link: 32 random bytes, base64url without padding (domain.md R99). */
export const InvitationLinkCode = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a link code')

/** An email code: exactly 6 ASCII digits, nothing trimmed (domain.md R104, `isEmailCodeFormat`). */
export const EmailCode = z.string().regex(/^[0-9]{6}$/, 'not a 6-digit code')

/** `POST /api/v1/public/invitation-links/resolve` body: the link code only (R100). */
export const InvitationLinkCodeRequest = z
  .strictObject({ code: InvitationLinkCode })
  .meta({ id: 'InvitationLinkCodeRequest' })
export type InvitationLinkCodeRequest = z.infer<typeof InvitationLinkCodeRequest>

/**
 * What an `ACTIVE` invitation link shows the customer (R100). Never the tag, the kind, the
 * creator or the counters. `expiresAt` is set for activity links only; `locale` is the partner's
 * `defaultLocale`.
 */
export const InvitationLinkView = z
  .object({
    partnerName: z.string(),
    partnerContactEmail: z.string().nullable(),
    associationType: AssociationTypeSchema,
    expiresAt: Instant.nullable(),
    locale: LocaleSchema,
    platformName: z.string(),
  })
  .meta({ id: 'InvitationLinkView' })
export type InvitationLinkView = z.infer<typeof InvitationLinkView>

/**
 * `POST /api/v1/public/invitation-links/register/code` (R101): starts a registration through a
 * link; nothing is created until the emailed code is confirmed. The email is the customer's own
 * (R14 is checked by the API, answering `VALIDATION_FAILED` on `email`).
 */
export const LinkRegisterCodeRequest = z
  .strictObject({
    code: InvitationLinkCode,
    email: z.string().trim().min(3).max(254),
    displayName: z.string().trim().min(1).max(100),
    password: z.string().min(10).max(200),
    mobile: z.string().trim().max(32).optional(),
    termsAccepted: z.literal(true),
    locale: LocaleSchema,
  })
  .meta({ id: 'LinkRegisterCodeRequest' })
export type LinkRegisterCodeRequest = z.infer<typeof LinkRegisterCodeRequest>

/**
 * 202 answer of both code requests (R101, R105): the same shape whether or not an account has
 * the address (R103). `resendAfterSeconds`: wait this long before asking again (R102).
 */
export const EmailCodeRequested = z
  .object({
    pendingRegistrationId: Uuid,
    expiresAt: Instant,
    resendAfterSeconds: z.number().int().min(0),
  })
  .meta({ id: 'EmailCodeRequested' })
export type EmailCodeRequested = z.infer<typeof EmailCodeRequested>

/**
 * `POST /api/v1/public/invitation-links/register` (R104) and `…/verify-email` (R105): the link
 * code, the pending registration answered by the code request and the emailed code.
 */
export const EmailCodeConfirmRequest = z
  .strictObject({
    code: InvitationLinkCode,
    pendingRegistrationId: Uuid,
    emailCode: EmailCode,
  })
  .meta({ id: 'EmailCodeConfirmRequest' })
export type EmailCodeConfirmRequest = z.infer<typeof EmailCodeConfirmRequest>

/**
 * `POST /api/v1/public/invitation-links/verify-email/code` (R105): a signed-in customer asks for
 * a code to their own address; `locale` is the language of the code email.
 */
export const LinkVerifyEmailCodeRequest = z
  .strictObject({ code: InvitationLinkCode, locale: LocaleSchema })
  .meta({ id: 'LinkVerifyEmailCodeRequest' })
export type LinkVerifyEmailCodeRequest = z.infer<typeof LinkVerifyEmailCodeRequest>

/** `POST /api/v1/public/invitation-links/accept` (R107). The answer is `AcceptInvitationResponse`. */
export const AcceptInvitationLinkRequest = z
  .strictObject({ code: InvitationLinkCode, instructionsAccepted: z.boolean() })
  .meta({ id: 'AcceptInvitationLinkRequest' })
export type AcceptInvitationLinkRequest = z.infer<typeof AcceptInvitationLinkRequest>
