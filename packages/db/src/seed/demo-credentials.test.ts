import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIAL_IDS } from './demo-credentials'
import { buildCustomerAccountRows } from './demo-customers'
import { demoId } from './demo-ids'
import { DEMO_INVITATIONS } from './demo-invitations'
import { buildUserRows } from './demo-partners'

const T = new Date('2025-01-15T09:30:00Z')
const sorted = (ids: readonly (string | undefined)[]) => [...ids].sort()

describe('the ids of seeded credentials', () => {
  it('are exactly the seeded users and customer accounts, all with the demo password', () => {
    expect(sorted(DEMO_CREDENTIAL_IDS.users)).toEqual(
      sorted(buildUserRows(T, 'hash').map((row) => row.id))
    )
    expect(sorted(DEMO_CREDENTIAL_IDS.customerAccounts)).toEqual(
      sorted(buildCustomerAccountRows(T, 'hash').map((row) => row.id))
    )
  })

  it('name one token per seeded invitation with a token, by its seed name', () => {
    expect(DEMO_CREDENTIAL_IDS.invitationTokens).toEqual(
      DEMO_INVITATIONS.filter((invitation) => invitation.hasToken).map((invitation) =>
        demoId(`invitation-token:${invitation.seedName}`)
      )
    )
    expect(DEMO_CREDENTIAL_IDS.invitationTokens.length).toBeGreaterThan(0)
  })

  it('are name-based (v5) ids, which a row created at run time (v4) never has', () => {
    const all = Object.values(DEMO_CREDENTIAL_IDS).flat() as string[]
    expect(all.every((id) => id[14] === '5')).toBe(true)
    expect(new Set(all).size).toBe(all.length)
  })
})
