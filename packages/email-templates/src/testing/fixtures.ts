import type {
  AssociationSuccessProps,
  InvitationProps,
  LinkPolicy,
  RenewalRequestProps,
} from '../types.js'

/**
 * Test data shared by the test files (never exported from the package).
 *
 * @example
 * await renderEmail({ template: 'invitation', locale: 'en', linkPolicy: POLICY, props: invitation() })
 */
export const POLICY: LinkPolicy = { origin: 'https://partners.example.com', appEnv: 'production' }

/** The invitation link of R56 on `POLICY`. @example LINK.endsWith('#tok_AbC-123') */
export const LINK = 'https://partners.example.com/invite#tok_AbC-123'

/**
 * Invitation props with overrides.
 *
 * @example
 * invitation({ associationType: 'referral' })
 */
export function invitation(overrides: Partial<InvitationProps> = {}): InvitationProps {
  return {
    partnerName: 'Alpha Partner',
    customerName: 'Alpha Robotics',
    platformName: 'Example Cloud',
    link: LINK,
    expiresAt: new Date('2025-01-22T09:30:00Z'),
    recipientEmail: 'new.alpha@customer.example',
    partnerContact: 'sales@alpha.example',
    associationType: 'reseller',
    ...overrides,
  }
}

/**
 * Success notice props with overrides.
 *
 * @example
 * associationSuccess({ associationType: 'referral' })
 */
export function associationSuccess(
  overrides: Partial<AssociationSuccessProps> = {}
): AssociationSuccessProps {
  return {
    partnerName: 'Alpha Partner',
    platformName: 'Example Cloud',
    email: 'new.alpha@customer.example',
    associatedAt: new Date('2025-01-20T08:05:00Z'),
    associationType: 'reseller',
    partnerContact: 'sales@alpha.example',
    ...overrides,
  }
}

/**
 * Renewal request props with overrides.
 *
 * @example
 * renewalRequest({ reason: 'The link was replaced.' })
 */
export function renewalRequest(overrides: Partial<RenewalRequestProps> = {}): RenewalRequestProps {
  return { maskedEmail: 'n***@customer.example', reason: 'The link has expired.', ...overrides }
}
