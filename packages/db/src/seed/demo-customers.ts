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
  /**
   * Registered through its reseller invitation's link, so frozen by that association until the
   * partner sets a budget (R61, R66).
   */
  viaResellerLink?: boolean
}

// domain.md §10.2, in table order.
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
  // The associated customers of P05, P15 and P16 (their names fill the list's S5 column).
  { local: 'new.delta', displayName: 'Delta Media', registeredDaysAgo: 4, viaResellerLink: true },
  { local: 'new.eta', displayName: 'Lin Hao', registeredDaysAgo: 2, viaResellerLink: true },
  { local: 'iota.logistics', displayName: 'Zhou Min', registeredDaysAgo: 6 },
]

/** A demo customer account, for printing customer sign-ins (password: `DEMO_PASSWORD`). */
export interface DemoCustomerAccount {
  /** The local part, e.g. `fresh.eligible`; the id is `demoId('customer:<seedName>')`. */
  seedName: string
  id: string
  email: string
}

/** Every demo customer account of domain.md §10.2. */
export const DEMO_CUSTOMER_ACCOUNTS: readonly DemoCustomerAccount[] = ACCOUNT_SPECS.map(
  ({ local }) => ({ seedName: local, id: demoId(`customer:${local}`), email: demoEmail(local) })
)

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
  return ACCOUNT_SPECS.map((spec) => {
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
      emailVerified: true,
      ...flags,
      ...(spec.viaResellerLink
        ? { registeredVia: 'INVITATION', frozen: true, frozenReason: 'RESELLER_BUDGET_PENDING' }
        : { registeredVia: 'SEED' }),
      createdAt: registeredAt,
      updatedAt: registeredAt,
    }
  })
}
