import { describe, expect, it } from 'vitest'
import { HOLDING_PREREGISTRATION_STATUSES } from '../schema/index'
import { buildAssociationRows } from './demo-associations'
import { buildCustomerAccountRows } from './demo-customers'
import { demoId } from './demo-ids'
import { buildInvitationRows, DEMO_INVITATIONS } from './demo-invitations'
import { buildUserRows, DEMO_PARTNERS, DEMO_USERS } from './demo-partners'
import { buildPreregistrationRows, demoPreregistrationId } from './demo-preregistrations'

const T = new Date('2025-01-15T09:30:00Z')
const holding: readonly string[] = HOLDING_PREREGISTRATION_STATUSES

describe('demo world', () => {
  it('gives Acme the nine holding pre-registrations of domain.md §10.3', () => {
    const acmeHolding = buildPreregistrationRows(T).filter(
      (row) => row.partnerId === demoId('partner:acme') && holding.includes(row.status)
    )
    expect(acmeHolding.map((row) => row.id).sort()).toEqual(
      (['P01', 'P02', 'P03', 'P04', 'P06', 'P10', 'P11', 'P12', 'P13'] as const)
        .map(demoPreregistrationId)
        .sort()
    )
  })

  it('makes the account manager the creator of exactly P04, P08 and P13', () => {
    const am = DEMO_USERS.find((user) => user.email === 'am@acme.example')
    const own = buildPreregistrationRows(T).filter((row) => row.createdByUserId === am?.id)
    expect(own.map((row) => row.id).sort()).toEqual(
      (['P04', 'P08', 'P13'] as const).map(demoPreregistrationId).sort()
    )
  })

  it('sets validity windows of 15 days ending at the documented offsets', () => {
    const p01 = buildPreregistrationRows(T).find((row) => row.id === demoPreregistrationId('P01'))
    expect(p01?.validUntil?.toISOString()).toBe('2025-01-27T09:30:00.000Z')
    expect(p01?.validFrom?.toISOString()).toBe('2025-01-12T09:30:00.000Z')
  })

  it('lists four partners, eight users and one ecosystem manager without a partner', () => {
    expect(DEMO_PARTNERS).toHaveLength(4)
    expect(buildUserRows(T, 'hash')).toHaveLength(8)
    expect(DEMO_USERS.filter((user) => user.partnerId === null).map((user) => user.role)).toEqual([
      'ecosystem_manager',
    ])
  })

  it('registers the fifteen customer accounts with their offsets', () => {
    const accounts = buildCustomerAccountRows(T, 'hash')
    expect(accounts).toHaveLength(15)
    const oldSpender = accounts.find((row) => row.email === 'old.spender@customer.example')
    expect(oldSpender?.registeredAt.toISOString()).toBe('2024-09-17T09:30:00.000Z')
    expect(oldSpender?.hasCashSpend).toBe(true)
  })

  it('converts P05, P15 and P16 through ACTIVE associations of named accounts (S5)', () => {
    const associations = buildAssociationRows(T)
    const accounts = buildCustomerAccountRows(T, 'hash')
    const invitations = buildInvitationRows(T, 'x')
    const converted = buildPreregistrationRows(T).filter((row) => row.status === 'CONVERTED')
    expect(converted.map((row) => row.id).sort()).toEqual(
      (['P05', 'P15', 'P16'] as const).map(demoPreregistrationId).sort()
    )
    for (const row of converted) {
      const association = associations.find((candidate) => candidate.id === row.associationId)
      expect(association).toMatchObject({ status: 'ACTIVE', preregistrationId: row.id })
      const accepted = invitations.find(
        (invitation) => invitation.associationId === row.associationId
      )
      expect(accepted).toMatchObject({
        status: 'ACCEPTED',
        preregistrationId: row.id,
        acceptedCustomerAccountId: association?.customerAccountId,
      })
      const account = accounts.find((candidate) => candidate.id === association?.customerAccountId)
      expect(account?.displayName).toEqual(expect.any(String))
    }
  })

  it('uses the message id format of domain.md §3.5 and keeps ids unique', () => {
    const rows = buildInvitationRows(T, 'mail.example')
    expect(rows[0]?.messageId).toBe(
      `<invitation.${DEMO_INVITATIONS[0]?.invitationId}@mail.example>`
    )
    expect(new Set(rows.map((row) => row.id)).size).toBe(DEMO_INVITATIONS.length)
  })

  it('keeps the live invitation of P03 inside the 10-minute resend cooldown at T', () => {
    const p03 = buildInvitationRows(T, 'x').find((row) => row.id === demoId('invitation:P03-1'))
    expect(T.getTime() - (p03?.createdAt.getTime() ?? 0)).toBe(5 * 60_000)
    expect(p03?.status).toBe('SENT')
  })
})
