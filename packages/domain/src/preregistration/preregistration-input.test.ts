import { describe, expect, it } from 'vitest'
import { normalizeMobile } from '../phone/normalize-mobile'
import type { PreregistrationInput } from './preregistration-input'
import { validatePreregistrationInput } from './preregistration-input'

const validate = (input: PreregistrationInput) =>
  validatePreregistrationInput(input, { normalizeMobile })

function failure(input: PreregistrationInput) {
  const result = validate(input)
  return result.ok
    ? null
    : {
        code: result.error.code,
        fields: (result.error.details?.fields as { path: string; reason: string }[]).map(
          (field) => `${field.path}:${field.reason}`
        ),
      }
}

describe('validatePreregistrationInput (R19)', () => {
  it('canonicalises the email and the mobile with the injected normaliser', () => {
    expect(
      validate({
        customerName: ' Beta ',
        email: ' X@ｃｕｓｔｏｍｅｒ.example ',
        mobile: '+44 020 7946 0991',
      })
    ).toEqual({
      ok: true,
      value: {
        customerName: 'Beta',
        email: 'X@ｃｕｓｔｏｍｅｒ.example',
        emailCanonical: 'x@customer.example',
        mobileE164: '+442079460991',
        locale: null,
        externalRef: null,
      },
    })
  })

  it('keeps a trimmed external reference and names its issue beside the others (R122)', () => {
    const stored = validate({
      customerName: 'Beta',
      mobile: '+8613800000002',
      externalRef: ' CRM-1 ',
    })
    expect(stored.ok && stored.value.externalRef).toBe('CRM-1')
    const refused = validate({
      customerName: '',
      mobile: '+8613800000002',
      externalRef: 'x'.repeat(65),
    })
    expect(refused.ok ? [] : refused.error.details?.fields).toEqual([
      { path: 'customerName', reason: 'REQUIRED' },
      { path: 'externalRef', reason: 'TOO_LONG' },
    ])
  })

  it('uses only the normaliser it is given for the mobile', () => {
    const result = validatePreregistrationInput(
      { customerName: 'Beta', mobile: 'anything' },
      { normalizeMobile: () => ({ ok: true, value: '+10000000000' }) }
    )
    expect(result.ok && result.value.mobileE164).toBe('+10000000000')
  })

  it.each([
    [
      { customerName: 'X', email: '用户@例子.广告' },
      { code: 'NON_ASCII_LOCAL_PART', fields: ['email:NON_ASCII_LOCAL_PART'] },
    ],
    [
      { customerName: '', email: 'x@раypal.com', mobile: '12' },
      {
        code: 'MIXED_SCRIPT_DOMAIN',
        fields: ['customerName:REQUIRED', 'email:MIXED_SCRIPT_DOMAIN', 'mobile:NOT_E164'],
      },
    ],
    [
      { customerName: '', mobile: '+86 138 0000 0010' },
      { code: 'VALIDATION_FAILED', fields: ['customerName:REQUIRED'] },
    ],
    [
      { customerName: 'X', email: 'a b@c.example' },
      { code: 'VALIDATION_FAILED', fields: ['email:FORBIDDEN_CHARACTER'] },
    ],
  ])('refuses %j as %j, naming every failing field', (input, expected) => {
    expect(failure(input)).toEqual(expected)
  })
})
