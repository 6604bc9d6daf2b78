import type { NewPreRegistrationRow, PreregistrationStatus } from '../schema/index'
import { demoCustomerId, demoEmail } from './demo-customers'
import { demoId, offsetFrom } from './demo-ids'
import { demoUserId, type DemoPartnerSeedName } from './demo-partners'

const VALIDITY_DAYS = 15
const REVIEW_REASON = 'ACCOUNT_TOO_OLD_OR_HAS_SPEND'

// prettier-ignore
/** Seed names of the demo pre-registrations of domain.md §10.3. */
export const DEMO_PREREGISTRATION_SEED_NAMES = [
  'P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08', 'P09', 'P10', 'P11', 'P12', 'P13', 'P14',
  'P15', 'P16', 'G01', 'U01',
] as const
/** One of {@link DEMO_PREREGISTRATION_SEED_NAMES}. */
export type DemoPreregistrationSeedName = (typeof DEMO_PREREGISTRATION_SEED_NAMES)[number]

/** `demoId('preregistration:<seedName>')`. */
export function demoPreregistrationId(seedName: DemoPreregistrationSeedName): string {
  return demoId(`preregistration:${seedName}`)
}

interface Spec {
  seedName: DemoPreregistrationSeedName
  partner: DemoPartnerSeedName
  createdBy: string
  customerName: string
  emailLocal?: string
  mobile?: string
  /** Account the identity resolved to at creation (R18). */
  account?: string
  status: PreregistrationStatus
  /** Days from T; for PRE_REGISTERED-like rows `validFrom = validUntil − 15 d = createdAt`. */
  validUntilDays?: number
  /** Days from T when the row has no validity window. */
  createdDays?: number
  extra?: (now: Date) => Partial<NewPreRegistrationRow>
}

const SPECS: readonly Spec[] = [
  {
    seedName: 'P01',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Alpha Robotics',
    emailLocal: 'new.alpha',
    status: 'PRE_REGISTERED',
    validUntilDays: 12,
  },
  {
    seedName: 'P02',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Beta Foods',
    emailLocal: 'new.beta',
    mobile: '+8613800000002',
    status: 'PRE_REGISTERED',
    validUntilDays: 10,
  },
  {
    seedName: 'P03',
    partner: 'acme',
    createdBy: 'admin@acme.example',
    customerName: 'Fresh Eligible Ltd',
    emailLocal: 'fresh.eligible',
    account: 'fresh.eligible',
    status: 'PRE_REGISTERED',
    validUntilDays: 13,
  },
  {
    seedName: 'P04',
    partner: 'acme',
    createdBy: 'am@acme.example',
    customerName: 'Gamma Retail',
    emailLocal: 'new.gamma',
    status: 'PRE_REGISTERED',
    validUntilDays: 6,
  },
  {
    seedName: 'P05',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Delta Media',
    emailLocal: 'new.delta',
    status: 'CONVERTED',
    validUntilDays: 9,
    extra: (now) => ({
      convertedAt: offsetFrom(now, -4),
      associationId: demoId('association:new.delta'),
      updatedAt: offsetFrom(now, -4),
    }),
  },
  {
    seedName: 'P06',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Old Spender Inc',
    emailLocal: 'old.spender',
    account: 'old.spender',
    status: 'PENDING_REVIEW',
    createdDays: -1,
    extra: (now) => ({ reviewReason: REVIEW_REASON, reviewDeadline: offsetFrom(now, 14) }),
  },
  {
    seedName: 'P07',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Rejected Co',
    emailLocal: 'rejected.co',
    account: 'rejected.co',
    status: 'REJECTED',
    createdDays: -20,
    extra: (now) => ({
      reviewReason: REVIEW_REASON,
      reviewDeadline: offsetFrom(now, -5),
      reviewedByUserId: demoUserId('manager@ecosystem.example'),
      reviewedAt: offsetFrom(now, -18),
      reviewNote:
        'Long-standing direct customer with significant spend; not eligible for partner development.',
      updatedAt: offsetFrom(now, -18),
    }),
  },
  {
    seedName: 'P08',
    partner: 'acme',
    createdBy: 'am@acme.example',
    customerName: 'Epsilon Labs',
    emailLocal: 'new.epsilon',
    status: 'EXPIRED',
    validUntilDays: -3,
    extra: (now) => ({ updatedAt: offsetFrom(now, -3) }),
  },
  {
    seedName: 'P09',
    partner: 'acme',
    createdBy: 'admin@acme.example',
    customerName: 'Legacy Trading',
    emailLocal: 'legacy',
    status: 'NOT_PREREGISTERED',
    createdDays: -90,
    extra: () => ({ source: 'IMPORTED' }),
  },
  {
    seedName: 'P10',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Mobile Only Co',
    mobile: '+8613800000010',
    status: 'PRE_REGISTERED',
    validUntilDays: 11,
  },
  {
    seedName: 'P11',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Unpaid Bills Ltd',
    emailLocal: 'unpaid.bills',
    account: 'unpaid.bills',
    status: 'PRE_REGISTERED',
    validUntilDays: 9,
  },
  {
    seedName: 'P12',
    partner: 'acme',
    createdBy: 'admin@acme.example',
    customerName: 'RI Holdings',
    emailLocal: 'reserved.instances',
    account: 'reserved.instances',
    status: 'PRE_REGISTERED',
    validUntilDays: 9,
  },
  {
    seedName: 'P13',
    partner: 'acme',
    createdBy: 'am@acme.example',
    customerName: 'Zeta Systems',
    emailLocal: 'new.zeta',
    status: 'PRE_REGISTERED',
    validUntilDays: 8,
  },
  {
    seedName: 'P14',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Withdrawn Co',
    emailLocal: 'withdrawn.co',
    status: 'DELETED',
    validUntilDays: 10,
    extra: (now) => ({
      deletedAt: offsetFrom(now, -1),
      deletedByUserId: demoUserId('sales@acme.example'),
      updatedAt: offsetFrom(now, -1),
    }),
  },
  // P15 and P16: associated customers, so the list's account-name column (S5) has content: one
  // registered through its reseller invitation, one accepted with an existing account.
  {
    seedName: 'P15',
    partner: 'acme',
    createdBy: 'sales@acme.example',
    customerName: 'Eta Consulting',
    emailLocal: 'new.eta',
    status: 'CONVERTED',
    validUntilDays: 11,
    extra: (now) => ({
      convertedAt: offsetFrom(now, -2),
      associationId: demoId('association:new.eta'),
      updatedAt: offsetFrom(now, -2),
    }),
  },
  {
    seedName: 'P16',
    partner: 'acme',
    createdBy: 'admin@acme.example',
    customerName: 'Iota Logistics',
    emailLocal: 'iota.logistics',
    account: 'iota.logistics',
    status: 'CONVERTED',
    validUntilDays: 12,
    extra: (now) => ({
      convertedAt: offsetFrom(now, -1),
      associationId: demoId('association:iota.logistics'),
      updatedAt: offsetFrom(now, -1),
    }),
  },
  {
    seedName: 'G01',
    partner: 'globex',
    createdBy: 'admin@globex.example',
    customerName: 'Globex Prospect',
    emailLocal: 'globex.prospect',
    status: 'PRE_REGISTERED',
    validUntilDays: 10,
  },
  {
    seedName: 'U01',
    partner: 'umbrella',
    createdBy: 'admin@umbrella.example',
    customerName: 'Umbrella Prospect',
    emailLocal: 'new.umbrella',
    status: 'PRE_REGISTERED',
    validUntilDays: 12,
  },
]

/** Pre-registration rows as of `now` (domain.md §10.3). */
export function buildPreregistrationRows(now: Date): NewPreRegistrationRow[] {
  return SPECS.map((spec) => {
    const validUntil =
      spec.validUntilDays === undefined ? null : offsetFrom(now, spec.validUntilDays)
    const validFrom = validUntil ? offsetFrom(validUntil, -VALIDITY_DAYS) : null
    const createdAt = validFrom ?? offsetFrom(now, spec.createdDays ?? 0)
    const email = spec.emailLocal ? demoEmail(spec.emailLocal) : null
    return {
      id: demoPreregistrationId(spec.seedName),
      partnerId: demoId(`partner:${spec.partner}`),
      createdByUserId: demoUserId(spec.createdBy),
      source: 'PARTNER_CENTER',
      customerName: spec.customerName,
      email,
      emailCanonical: email,
      mobileE164: spec.mobile ?? null,
      locale: 'en',
      customerAccountId: spec.account ? demoCustomerId(spec.account) : null,
      status: spec.status,
      validFrom,
      validUntil,
      createdAt,
      updatedAt: createdAt,
      ...spec.extra?.(now),
    }
  })
}
