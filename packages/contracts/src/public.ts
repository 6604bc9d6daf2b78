import { z } from './zod'
import { Instant, LocaleSchema, Uuid } from './common'
import { AssociationTypeSchema } from './invitations'

/** The invitation token: 32 random bytes, base64url without padding (domain.md §1). */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not an invitation token')

/** `POST /api/v1/public/invitations/resolve` and `…/renewal-request` body: the token only. */
export const InvitationTokenRequest = z
  .strictObject({ token: InvitationToken })
  .meta({ id: 'InvitationTokenRequest' })
export type InvitationTokenRequest = z.infer<typeof InvitationTokenRequest>

/** What a live link shows the customer (domain.md R58). */
export const InvitationView = z
  .object({
    partnerName: z.string(),
    partnerContactEmail: z.string().nullable(),
    associationType: AssociationTypeSchema,
    invitedEmail: z.string(),
    expiresAt: Instant,
    locale: LocaleSchema,
    platformName: z.string(),
  })
  .meta({ id: 'InvitationView' })
export type InvitationView = z.infer<typeof InvitationView>

/** `POST /api/v1/public/invitations/register` (domain.md R61). The email is the invitation's. */
export const RegisterCustomerRequest = z
  .strictObject({
    token: InvitationToken,
    displayName: z.string().trim().min(1).max(100),
    password: z.string().min(10).max(200),
    mobile: z.string().trim().max(32).optional(),
    termsAccepted: z.literal(true),
  })
  .meta({ id: 'RegisterCustomerRequest' })
export type RegisterCustomerRequest = z.infer<typeof RegisterCustomerRequest>

/** A signed-in customer and their session (R79: the portal keeps it in sessionStorage). */
export const CustomerSession = z
  .object({
    token: z.string(),
    expiresAt: Instant,
    customer: z.object({ id: Uuid, email: z.string(), displayName: z.string() }),
  })
  .meta({ id: 'CustomerSession' })
export type CustomerSession = z.infer<typeof CustomerSession>

/** `POST /api/v1/public/auth/sign-in`. */
export const CustomerSignInRequest = z
  .strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) })
  .meta({ id: 'CustomerSignInRequest' })
export type CustomerSignInRequest = z.infer<typeof CustomerSignInRequest>

/**
 * `GET /api/v1/public/auth/me`: the signed-in customer (ours, for the portal). `emailVerified`
 * false: the customer confirms an email code before accepting through a link (R105).
 */
export const CustomerMe = z
  .object({ id: Uuid, email: z.string(), displayName: z.string(), emailVerified: z.boolean() })
  .meta({ id: 'CustomerMe' })
export type CustomerMe = z.infer<typeof CustomerMe>

/** `POST /api/v1/public/invitations/accept` (domain.md R62). */
export const AcceptInvitationRequest = z
  .strictObject({ token: InvitationToken, instructionsAccepted: z.boolean() })
  .meta({ id: 'AcceptInvitationRequest' })
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>

/** A successful acceptance (domain.md R65). */
export const AcceptInvitationResponse = z
  .object({
    partnerName: z.string(),
    partnerContactEmail: z.string().nullable(),
    associationType: AssociationTypeSchema,
    associatedAt: Instant,
    frozenPendingBudget: z.boolean(),
  })
  .meta({ id: 'AcceptInvitationResponse' })
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponse>

/** `POST /api/v1/public/invitations/renewal-request` answer (domain.md R72). */
export const RenewalRequestResponse = z
  .object({
    requested: z.boolean(),
    alreadyRequested: z.boolean(),
    live: z.boolean(),
    partnerName: z.string(),
  })
  .meta({ id: 'RenewalRequestResponse' })
export type RenewalRequestResponse = z.infer<typeof RenewalRequestResponse>
