import type { NewPartnerRow, NewUserRow, UserRole } from '../schema/index'
import { demoId, offsetFrom } from './demo-ids'

/** The password of every demo user and demo customer account (domain.md §10). */
export const DEMO_PASSWORD = 'Passw0rd!demo'

/** Seed names of the demo partners. */
export type DemoPartnerSeedName = 'acme' | 'globex' | 'initech' | 'umbrella'

/** A demo partner of domain.md §10.1. */
export interface DemoPartner {
  seedName: DemoPartnerSeedName
  /** `demoId('partner:<seedName>')`. */
  id: string
  name: string
  contactEmail: string
  /** The partner's ecosystem manager, named by the console when a capability is missing. */
  ecosystemManager: { name: string; email: string }
}

/** A demo user of domain.md §10.1, for printing sign-ins. All use {@link DEMO_PASSWORD}. */
export interface DemoUser {
  /** `demoId('user:<email>')`. */
  id: string
  email: string
  displayName: string
  role: UserRole
  /** Null only for the ecosystem manager. */
  partnerSeedName: DemoPartnerSeedName | null
  partnerId: string | null
}

interface PartnerSpec {
  seedName: DemoPartnerSeedName
  name: string
  custdev: boolean
  referral: boolean
  prepaid: boolean
  quota: number
}

const PARTNER_SPECS: readonly PartnerSpec[] = [
  {
    seedName: 'acme',
    name: 'Acme Cloud Services',
    custdev: true,
    referral: true,
    prepaid: false,
    quota: 100,
  },
  {
    seedName: 'globex',
    name: 'Globex Partners',
    custdev: true,
    referral: false,
    prepaid: true,
    quota: 1,
  },
  {
    seedName: 'initech',
    name: 'Initech',
    custdev: false,
    referral: false,
    prepaid: false,
    quota: 100,
  },
  {
    seedName: 'umbrella',
    name: 'Umbrella Solutions',
    custdev: true,
    referral: false,
    prepaid: false,
    quota: 100,
  },
]

/**
 * The ecosystem manager contact of every demo partner (domain.md §10.1), so the Referral hint of
 * the Invite dialog (S9) and refused answers (S11) name someone.
 */
const DEMO_ECOSYSTEM_MANAGER = { name: 'Mei Chen', email: 'mei.chen@ecosystem.example' }

/** The four demo partners, in the order of domain.md §10.1. */
export const DEMO_PARTNERS: readonly DemoPartner[] = PARTNER_SPECS.map((spec) => ({
  seedName: spec.seedName,
  id: demoId(`partner:${spec.seedName}`),
  name: spec.name,
  contactEmail: `partners@${spec.seedName}.example`,
  ecosystemManager: DEMO_ECOSYSTEM_MANAGER,
}))

function demoUser(
  email: string,
  displayName: string,
  role: UserRole,
  partnerSeedName: DemoPartnerSeedName | null
): DemoUser {
  return {
    id: demoId(`user:${email}`),
    email,
    displayName,
    role,
    partnerSeedName,
    partnerId: partnerSeedName ? demoId(`partner:${partnerSeedName}`) : null,
  }
}

/** Every demo user, partner staff first, the ecosystem manager last. */
export const DEMO_USERS: readonly DemoUser[] = [
  demoUser('admin@acme.example', 'Acme Admin', 'admin', 'acme'),
  demoUser('sales@acme.example', 'Acme Sales', 'sales', 'acme'),
  demoUser('am@acme.example', 'Acme Account Manager', 'account_manager', 'acme'),
  demoUser('viewer@acme.example', 'Acme Viewer', 'read_only', 'acme'),
  demoUser('admin@globex.example', 'Globex Admin', 'admin', 'globex'),
  demoUser('admin@initech.example', 'Initech Admin', 'admin', 'initech'),
  demoUser('admin@umbrella.example', 'Umbrella Admin', 'admin', 'umbrella'),
  demoUser('manager@ecosystem.example', 'Ecosystem Manager', 'ecosystem_manager', null),
]

/** The id of a demo user by email; throws on a typo so the seed never writes a dangling id. */
export function demoUserId(email: string): string {
  const user = DEMO_USERS.find((candidate) => candidate.email === email)
  if (!user) throw new Error(`Unknown demo user ${email}`)
  return user.id
}

/** Partner rows as of `now` (created a year earlier). */
export function buildPartnerRows(now: Date): NewPartnerRow[] {
  const createdAt = offsetFrom(now, -365)
  return PARTNER_SPECS.map((spec) => ({
    id: demoId(`partner:${spec.seedName}`),
    name: spec.name,
    contactEmail: `partners@${spec.seedName}.example`,
    contactMobile: null,
    ecosystemManagerName: DEMO_ECOSYSTEM_MANAGER.name,
    ecosystemManagerEmail: DEMO_ECOSYSTEM_MANAGER.email,
    defaultLocale: 'en',
    customerDevelopmentEnabled: spec.custdev,
    referralModelEnabled: spec.referral,
    isPrepaid: spec.prepaid,
    preregistrationQuota: spec.quota,
    dailyInviteCap: 500,
    createdAt,
    updatedAt: createdAt,
  }))
}

/** User rows as of `now`, all with the caller's hash of {@link DEMO_PASSWORD}. */
export function buildUserRows(now: Date, passwordHash: string): NewUserRow[] {
  const createdAt = offsetFrom(now, -365)
  return DEMO_USERS.map((user) => ({
    id: user.id,
    partnerId: user.partnerId,
    email: user.email,
    emailCanonical: user.email,
    displayName: user.displayName,
    role: user.role,
    locale: 'en',
    status: 'ACTIVE',
    passwordHash,
    createdAt,
    updatedAt: createdAt,
  }))
}
