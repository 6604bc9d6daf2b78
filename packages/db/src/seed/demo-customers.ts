import type { NewCustomerAccountRow } from '../schema/index'
import { demoId, offsetFrom } from './demo-ids'

/** Domain of every demo customer email (domain.md §10.2). */
export const DEMO_CUSTOMER_DOMAIN = 'customer.example'

type Flag =
  | 'hasCashSpend'
  | 'hasSpecialContract'
  | 'isPartner'
  | 'hasUnpaidBills'
  | 'hasProfessionalServiceContract'
  | 'hasValidReservedInstances'
  | 'isEnterpriseMember'
  | 'isEnterpriseMasterWithMembers'

interface AccountSpec {
  local: string
  displayName: string
  registeredDaysAgo: number
  flags?: Flag[]
  mobile?: string
}

// domain.md §10.2, in table order. new.delta is added separately: it registered through a link.
const ACCOUNT_SPECS: readonly AccountSpec[] = [
  { local: 'fresh.eligible', displayName: 'Fresh Eligible', registeredDaysAgo: 2 },
  {
    local: 'old.spender',
    displayName: 'Old Spender',
    registeredDaysAgo: 120,
    flags: ['hasCashSpend'],
  },
  {
    local: 'rejected.co',
    displayName: 'Rejected Co',
    registeredDaysAgo: 400,
    flags: ['hasCashSpend'],
  },
  {
    local: 'globex.client',
    displayName: 'Globex Client',
    registeredDaysAgo: 30,
    flags: ['hasCashSpend'],
  },
  {
    local: 'special.contract',
    displayName: 'Special Contract',
    registeredDaysAgo: 3,
    flags: ['hasSpecialContract'],
  },
  {
    local: 'partner.account',
    displayName: 'Partner Account',
    registeredDaysAgo: 3,
    flags: ['isPartner'],
  },
  {
    local: 'unpaid.bills',
    displayName: 'Unpaid Bills',
    registeredDaysAgo: 1,
    flags: ['hasUnpaidBills'],
  },
  {
    local: 'ps.contract',
    displayName: 'PS Contract',
    registeredDaysAgo: 1,
    flags: ['hasProfessionalServiceContract'],
  },
  {
    local: 'reserved.instances',
    displayName: 'Reserved Instances',
    registeredDaysAgo: 1,
    flags: ['hasValidReservedInstances'],
  },
  {
    local: 'enterprise.member',
    displayName: 'Enterprise Member',
    registeredDaysAgo: 1,
    flags: ['isEnterpriseMember'],
  },
  {
    local: 'enterprise.master',
    displayName: 'Enterprise Master',
    registeredDaysAgo: 1,
    flags: ['isEnterpriseMasterWithMembers'],
  },
  {
    local: 'other.person',
    displayName: 'Other Person',
    registeredDaysAgo: 1,
    mobile: '+8613800000099',
  },
]

/** A demo customer account, for printing customer sign-ins (password: `DEMO_PASSWORD`). */
export interface DemoCustomerAccount {
  /** The local part, e.g. `fresh.eligible`; the id is `demoId('customer:<seedName>')`. */
  seedName: string
  id: string
  email: string
}

/** Every demo customer account of domain.md §10.2. */
export const DEMO_CUSTOMER_ACCOUNTS: readonly DemoCustomerAccount[] = [
  ...ACCOUNT_SPECS.map((spec) => spec.local),
  'new.delta',
].map((local) => ({ seedName: local, id: demoId(`customer:${local}`), email: demoEmail(local) }))

/** `<local>@customer.example`. */
export function demoEmail(local: string): string {
  return `${local}@${DEMO_CUSTOMER_DOMAIN}`
}

/** The id of a demo customer account by local part. */
export function demoCustomerId(local: string): string {
  return demoId(`customer:${local}`)
}

/** Customer account rows as of `now`, all with the caller's hash of the demo password. */
export function buildCustomerAccountRows(now: Date, passwordHash: string): NewCustomerAccountRow[] {
  const rows: NewCustomerAccountRow[] = ACCOUNT_SPECS.map((spec) => {
    const registeredAt = offsetFrom(now, -spec.registeredDaysAgo)
    const flags = Object.fromEntries((spec.flags ?? []).map((flag) => [flag, true]))
    return {
      id: demoCustomerId(spec.local),
      email: demoEmail(spec.local),
      emailCanonical: demoEmail(spec.local),
      mobileE164: spec.mobile ?? null,
      displayName: spec.displayName,
      passwordHash,
      registeredAt,
      registeredVia: 'SEED',
      emailVerified: true,
      ...flags,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    }
  })
  // The converted customer of P05: registered through the link and frozen by its reseller
  // association until Acme sets a budget (R61, R66).
  const deltaRegisteredAt = offsetFrom(now, -4)
  rows.push({
    id: demoCustomerId('new.delta'),
    email: demoEmail('new.delta'),
    emailCanonical: demoEmail('new.delta'),
    mobileE164: null,
    displayName: 'Delta Media',
    passwordHash,
    registeredAt: deltaRegisteredAt,
    registeredVia: 'INVITATION',
    emailVerified: true,
    frozen: true,
    frozenReason: 'RESELLER_BUDGET_PENDING',
    createdAt: deltaRegisteredAt,
    updatedAt: deltaRegisteredAt,
  })
  return rows
}
