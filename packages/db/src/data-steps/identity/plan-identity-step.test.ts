import { describe, expect, it } from 'vitest'
import type {
  CanonicalForms,
  CustomerAccountIdentityRow,
  IdentityRows,
  PreregistrationIdentityRow,
} from './identity-rows'
import { planIdentityStep } from './plan-identity-step'

const NOW = new Date('2026-03-02T09:00:00.000Z')
const day = (days: number) => new Date(NOW.getTime() + days * 86_400_000)

// A stand-in for the domain's rules: NFKC + lower case, '!' refused, the UK trunk 0 dropped.
const FORMS: CanonicalForms = {
  email: (raw) => (raw.includes('!') ? null : raw.normalize('NFKC').toLowerCase()),
  mobile: (stored) => stored.replace(/^\+440/, '+44'),
}

function prereg(
  id: string,
  createdDays: number,
  contact: Partial<PreregistrationIdentityRow> = {}
): PreregistrationIdentityRow {
  return {
    id,
    partnerId: 'p1',
    status: 'PRE_REGISTERED',
    email: null,
    emailCanonical: null,
    mobileE164: null,
    customerAccountId: null,
    validUntil: day(createdDays + 15),
    reviewDeadline: null,
    createdAt: day(createdDays),
    ...contact,
  }
}

function account(id: string, createdDays: number, email: string, mobile: string | null = null) {
  const row: CustomerAccountIdentityRow = {
    id,
    email,
    emailCanonical: `old:${email}`,
    mobileE164: mobile,
    createdAt: day(createdDays),
  }
  return row
}

function rows(partial: Partial<IdentityRows>): IdentityRows {
  return { preregistrations: [], invitations: [], customerAccounts: [], users: [], ...partial }
}

const email = (raw: string) => ({ email: raw, emailCanonical: `old:${raw}` })

describe('planIdentityStep', () => {
  it('keeps the earliest claim; a newer row linking two identities does not chain', () => {
    const plan = planIdentityStep(
      rows({
        preregistrations: [
          prereg('c', -1, { ...email('other@x.example'), mobileE164: '+4402079460991' }),
          prereg('a', -3, email('A@Ｘ.example')),
          prereg('b', -2, { ...email('a@x.example'), mobileE164: '+442079460991' }),
        ],
      }),
      FORMS,
      NOW
    )
    expect(plan.preregistrations.merged.map((m) => [m.row.id, m.kept.id])).toEqual([['b', 'a']])
    expect(plan.preregistrations.changes.get('a')).toEqual({
      emailCanonical: 'a@x.example',
      mobileE164: null,
    })
    expect(plan.preregistrations.changes.get('c')?.mobileE164).toBe('+442079460991')
  })

  it('writes a colliding row past its own clock EXPIRED instead of merging it', () => {
    const plan = planIdentityStep(
      rows({
        preregistrations: [
          prereg('old', -20, email('a@x.example')),
          prereg('new', -1, email('A@X.example')),
        ],
      }),
      FORMS,
      NOW
    )
    expect(plan.preregistrations.expired.map((row) => row.id)).toEqual(['old'])
    expect(plan.preregistrations.merged).toEqual([])
  })

  it('merges newer accounts by email or mobile and treats their pre-registrations as one identity', () => {
    const plan = planIdentityStep(
      rows({
        customerAccounts: [
          account('a1', -30, 'Dupe@X.example'),
          account('a2', -10, 'dupe@x.example'),
          account('a3', -30, 'one@x.example', '+442079460992'),
          account('a4', -5, 'two@x.example', '+4402079460992'),
        ],
        preregistrations: [
          prereg('p1', -3, { partnerId: 'p1', customerAccountId: 'a1', ...email('z@x.example') }),
          prereg('p2', -2, {
            partnerId: 'p2',
            customerAccountId: 'a2',
            mobileE164: '+8613800000010',
          }),
        ],
      }),
      FORMS,
      NOW
    )
    expect(plan.customerAccounts.merged.map((m) => [m.row.id, m.kept.id])).toEqual([
      ['a2', 'a1'],
      ['a4', 'a3'],
    ])
    // Merged accounts take `merged:{id}` instead: no canonical change is planned for them.
    expect([...plan.customerAccounts.changes.keys()].sort()).toEqual(['a1', 'a3'])
    expect(plan.preregistrations.merged.map((m) => [m.row.id, m.kept.id])).toEqual([['p2', 'p1']])
  })

  it('keeps a value the current rules refuse, and reports where it is', () => {
    const plan = planIdentityStep(
      rows({ users: [{ id: 'u1', partnerId: 'p1', ...email('bad!@x.example'), createdAt: NOW }] }),
      FORMS,
      NOW
    )
    expect(plan.users.changes.size).toBe(0)
    expect(plan.refused).toEqual([{ table: 'users', id: 'u1', field: 'email' }])
  })

  it('plans nothing for a database already in canonical form', () => {
    const plan = planIdentityStep(
      rows({
        preregistrations: [
          prereg('p', -1, { email: 'a@x.example', emailCanonical: 'a@x.example' }),
        ],
        users: [
          {
            id: 'u',
            partnerId: null,
            email: 'm@x.example',
            emailCanonical: 'm@x.example',
            createdAt: NOW,
          },
        ],
      }),
      FORMS,
      NOW
    )
    expect(plan.preregistrations.changes.size + plan.users.changes.size).toBe(0)
    expect(plan.preregistrations.merged.length + plan.users.merged.length).toBe(0)
  })
})
