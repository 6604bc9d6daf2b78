import { describe, expect, it } from 'vitest'
import { account } from '../../test/fixtures'
import {
  accountKeys,
  keysOverlap,
  preregistrationKeys,
  requestKeys,
  resolveIdentity,
} from './identity'

describe('identity keys (R17)', () => {
  it('takes the non-null email, mobile and account of a stored row', () => {
    expect(
      preregistrationKeys({
        emailCanonical: 'a@b.example',
        mobileE164: '+8613800000010',
        customerAccountId: 'c1',
      })
    ).toEqual(['email:a@b.example', 'mobile:+8613800000010', 'account:c1'])
    expect(
      preregistrationKeys({ emailCanonical: null, mobileE164: null, customerAccountId: null })
    ).toEqual([])
  })

  it('adds the keys of every resolved account to a request, sorted and unique', () => {
    const resolved = account({
      id: 'c1',
      emailCanonical: 'a@b.example',
      mobileE164: '+8613800000099',
    })
    expect(
      requestKeys({ emailCanonical: 'a@b.example', mobileE164: null, accounts: [resolved] })
    ).toEqual(['account:c1', 'email:a@b.example', 'mobile:+8613800000099'])
  })

  it('takes id and email, and mobile when present, of an account', () => {
    expect(accountKeys({ id: 'c1', emailCanonical: 'a@b.example', mobileE164: null })).toEqual([
      'account:c1',
      'email:a@b.example',
    ])
  })

  it('overlaps on any shared key and never across kinds', () => {
    expect(keysOverlap(['email:a@b.example'], ['mobile:+1', 'email:a@b.example'])).toBe(true)
    expect(keysOverlap(['email:x'], ['account:x', 'mobile:x'])).toBe(false)
  })
})

describe('resolveIdentity (R18)', () => {
  const byEmail = account({ id: 'c1', emailCanonical: 'a@b.example', mobileE164: null })
  const byMobile = account({
    id: 'c2',
    emailCanonical: 'z@b.example',
    mobileE164: '+8613800000099',
  })

  it('resolves by email, then by mobile', () => {
    expect(
      resolveIdentity({ emailCanonical: 'a@b.example', mobileE164: null, accounts: [byEmail] })
    ).toEqual({
      ok: true,
      value: byEmail,
    })
    expect(
      resolveIdentity({ emailCanonical: null, mobileE164: '+8613800000099', accounts: [byMobile] })
    ).toEqual({
      ok: true,
      value: byMobile,
    })
  })

  it('resolves to nothing when no account matches', () => {
    expect(
      resolveIdentity({ emailCanonical: 'n@b.example', mobileE164: '+1', accounts: [byEmail] })
    ).toEqual({
      ok: true,
      value: null,
    })
  })

  it('is ambiguous when email and mobile resolve to different accounts', () => {
    const result = resolveIdentity({
      emailCanonical: 'a@b.example',
      mobileE164: '+8613800000099',
      accounts: [byEmail, byMobile],
    })
    expect(result).toEqual({ ok: false, error: { code: 'IDENTITY_AMBIGUOUS' } })
  })

  it('is not ambiguous when both resolve to the same account', () => {
    const both = account({ id: 'c3', emailCanonical: 'a@b.example', mobileE164: '+1' })
    expect(
      resolveIdentity({ emailCanonical: 'a@b.example', mobileE164: '+1', accounts: [both] }).ok
    ).toBe(true)
  })
})
