/**
 * Types of the public API. The language and the association type are the domain's own
 * (`@partner-center/domain` owns every value list), re-exported for callers of this package.
 */
import type { AssociationType, Locale } from '@partner-center/domain'

export type { AssociationType, Locale }

/**
 * The deployment environment (`APP_ENV`); only `production` forbids plain-http links.
 *
 * @example
 * const appEnv: AppEnv = 'development'
 */
export type AppEnv = 'development' | 'test' | 'production'

/**
 * The templates `renderEmail` knows.
 *
 * @example
 * const template: TemplateName = 'invitation'
 */
export type TemplateName =
  | 'invitation'
  | 'invitation-reminder'
  | 'association-success'
  | 'renewal-request'
  | 'email-code'
  | 'webhook-endpoint-disabled'

/**
 * Where invitation links may point (domain.md R55): only `https` on `origin`, or `http` on
 * localhost / 127.0.0.1 when `appEnv` is not `production`. `origin` is `PUBLIC_BASE_URL`; any path
 * on it is ignored, only its origin counts.
 *
 * @example
 * const policy: LinkPolicy = { origin: 'https://partners.example.com', appEnv: 'production' }
 */
export interface LinkPolicy {
  origin: string
  appEnv: AppEnv
}

/**
 * Props of the invitation email (domain.md §9.4), sent to the pre-registered customer.
 *
 * @example
 * const props: InvitationProps = {
 *   partnerName: 'Alpha Partner', customerName: 'Alpha Robotics', platformName: 'Example Cloud',
 *   link: 'https://partners.example.com/invite#tok', expiresAt: new Date('2025-01-22T09:30:00Z'),
 *   recipientEmail: 'new.alpha@customer.example', partnerContact: 'sales@alpha.example',
 *   associationType: 'reseller',
 * }
 */
export interface InvitationProps {
  partnerName: string
  customerName: string
  platformName: string
  /** `{PUBLIC_BASE_URL}/invite#{token}` (R56); checked against the link policy. */
  link: string
  expiresAt: Date
  recipientEmail: string
  /** The partner's contact email, or its contact mobile when it has no email. */
  partnerContact: string
  associationType: AssociationType
}

/**
 * Props of the success notice to the customer (domain.md §9.5).
 *
 * @example
 * const props: AssociationSuccessProps = {
 *   partnerName: 'Alpha Partner', platformName: 'Example Cloud', email: 'new.alpha@customer.example',
 *   associatedAt: new Date('2025-01-20T08:00:00Z'), associationType: 'referral',
 *   partnerContact: 'sales@alpha.example',
 * }
 */
export interface AssociationSuccessProps {
  partnerName: string
  platformName: string
  email: string
  associatedAt: Date
  associationType: AssociationType
  partnerContact: string
}

/**
 * Props of the renewal request to the inviting partner user (domain.md §9.6).
 *
 * @example
 * const props: RenewalRequestProps = { maskedEmail: 'n***@customer.example', reason: 'The link has expired.' }
 */
export interface RenewalRequestProps {
  /** Already masked per domain.md M2 by the caller; this package does not mask. */
  maskedEmail: string
  /** The catalogue message of the link answer. */
  reason: string
}

/**
 * Props of the email code email (domain.md §12.7.1, R102): `code` the 6 digits, or null for the
 * "sign in instead" email to an address that already has an account (no code is sent then).
 *
 * @example
 * const props: EmailCodeProps = {
 *   code: '012345', partnerName: 'Alpha Partner', platformName: 'Example Cloud',
 *   email: 'new.customer@customer.example', expiresAt: new Date('2026-03-02T09:10:00Z'),
 * }
 */
export interface EmailCodeProps {
  code: string | null
  partnerName: string
  platformName: string
  /** The canonical address the code proves. */
  email: string
  /** The pending registration's `expiresAt`. */
  expiresAt: Date
}

/**
 * Props of the endpoint disabled email (domain.md §13.9.1) to whoever answers for the endpoint.
 * The URL is printed as origin and path with any query replaced by `?…` (R144) whatever is
 * passed: a receiver's own token in the query never reaches an email.
 *
 * @example
 * const props: WebhookEndpointDisabledProps = {
 *   url: 'https://crm.example.com/hooks?token=abc', description: 'CRM sync',
 *   failingSince: new Date('2026-03-01T08:00:00Z'), disabledAt: new Date('2026-03-02T08:20:00Z'),
 *   outcome: 'HTTP 503', platformName: 'Example Cloud', disableAfterHours: 24,
 * }
 */
export interface WebhookEndpointDisabledProps {
  /** The endpoint's URL; redacted here as R144 asks. */
  url: string
  /** The endpoint's description; '' for none. */
  description: string
  failingSince: Date
  disabledAt: Date
  /** The last attempt's outcome label in the email's locale (the domain's outcome labels). */
  outcome: string
  platformName: string
  /** `WEBHOOK_DISABLE_AFTER_HOURS`, the failing time that disabled the endpoint (R134). */
  disableAfterHours: number
}

/**
 * Props per template name.
 *
 * @example
 * type P = TemplatePropsMap['renewal-request'] // RenewalRequestProps
 */
export interface TemplatePropsMap {
  invitation: InvitationProps
  /** The reminder before the invitation expires (domain.md §12.7.2): the invitation's props. */
  'invitation-reminder': InvitationProps
  'association-success': AssociationSuccessProps
  'renewal-request': RenewalRequestProps
  'email-code': EmailCodeProps
  'webhook-endpoint-disabled': WebhookEndpointDisabledProps
}

/**
 * One request to `renderEmail`. Invitations and their reminders carry links, so they need a
 * `linkPolicy`.
 *
 * @example
 * const request: RenderEmailRequest = {
 *   template: 'renewal-request', locale: 'en',
 *   props: { maskedEmail: 'n***@customer.example', reason: 'The link has expired.' },
 * }
 */
export type RenderEmailRequest =
  | { template: 'invitation'; locale: Locale; props: InvitationProps; linkPolicy: LinkPolicy }
  | {
      template: 'invitation-reminder'
      locale: Locale
      props: InvitationProps
      linkPolicy: LinkPolicy
    }
  | { template: 'association-success'; locale: Locale; props: AssociationSuccessProps }
  | { template: 'renewal-request'; locale: Locale; props: RenewalRequestProps }
  | { template: 'email-code'; locale: Locale; props: EmailCodeProps }
  | { template: 'webhook-endpoint-disabled'; locale: Locale; props: WebhookEndpointDisabledProps }

/**
 * A rendered email: header-safe subject, HTML part and plain-text part with the same content.
 *
 * @example
 * const { subject, html, text }: RenderedEmail = await renderEmail(request)
 */
export interface RenderedEmail {
  subject: string
  html: string
  text: string
}
