import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HEADER_UNSAFE_CHARACTERS, isHeaderSafe } from './header-safety'
import { isSameMailbox, normalizeEmail } from './normalize-email'

function reasonOf(raw: unknown): unknown {
  const result = normalizeEmail(raw)
  return result.ok ? null : (result.error.details?.fields as { reason: string }[])[0]?.reason
}

function codeOf(raw: unknown): string | null {
  const result = normalizeEmail(raw)
  return result.ok ? null : result.error.code
}

describe('normalizeEmail (R14)', () => {
  it.each([
    ['  New.Alpha@Customer.Example ', 'new.alpha@customer.example'],
    ['a.b+crm@x.example', 'a.b+crm@x.example'],
    ['user@Bücher.example', 'user@xn--bcher-kva.example'],
    ['x@ｃｕｓｔｏｍｅｒ.example', 'x@customer.example'],
    ['Ｘ＠ＣＵＳＴＯＭＥＲ．ＥＸＡＭＰＬＥ', 'x@customer.example'],
    ['x@customer。example', 'x@customer.example'],
    ['user@例子.广告', 'user@xn--fsqu00a.xn--4rr70v'],
    ['ﬁ@ﬁ.example', 'fi@fi.example'],
    ['o!#$%&*+/=?^_{|}~-x@x.example', 'o!#$%&*+/=?^_{|}~-x@x.example'],
    ['a@xn--mnchen-3ya.example', 'a@xn--mnchen-3ya.example'],
  ])('canonicalises %s as %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [undefined, 'REQUIRED'],
    [42, 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['\u3000', 'REQUIRED'],
    ['a@b.example\r\nBcc: x@y.example', 'HEADER_UNSAFE'],
    ['a@b.example\u2028', 'HEADER_UNSAFE'],
    ['a@b.example\u0085', 'HEADER_UNSAFE'],
    ['a b@c.example', 'FORBIDDEN_CHARACTER'],
    ['a\u3000b@c.example', 'FORBIDDEN_CHARACTER'],
    ['"a"@c.example', 'FORBIDDEN_CHARACTER'],
    ['＂a＂@c.example', 'FORBIDDEN_CHARACTER'],
    ["a'b@c.example", 'FORBIDDEN_CHARACTER'],
    ['a`b@c.example', 'FORBIDDEN_CHARACTER'],
    ['<a@c.example>', 'FORBIDDEN_CHARACTER'],
    ['＜a@c.example＞', 'FORBIDDEN_CHARACTER'],
    ['a\tb@c.example', 'FORBIDDEN_CHARACTER'],
    ['a\u200b@c.example', 'FORBIDDEN_CHARACTER'],
    ['ac.example', 'NOT_ONE_AT_SIGN'],
    ['a@b@c.example', 'NOT_ONE_AT_SIGN'],
    ['a＠b@c.example', 'NOT_ONE_AT_SIGN'],
    ['@c.example', 'LOCAL_PART_LENGTH'],
    [`${'a'.repeat(65)}@c.example`, 'LOCAL_PART_LENGTH'],
    ['a,b@c.example', 'LOCAL_PART_CHARACTERS'],
    ['a(b)c@c.example', 'LOCAL_PART_CHARACTERS'],
    ['a;b@c.example', 'LOCAL_PART_CHARACTERS'],
    ['a..b@c.example', 'LOCAL_PART_CHARACTERS'],
    ['.a@c.example', 'LOCAL_PART_CHARACTERS'],
    ['a.@c.example', 'LOCAL_PART_CHARACTERS'],
    ['a@localhost', 'INVALID_DOMAIN'],
    ['a@b_c.example', 'INVALID_DOMAIN'],
    ['a@c.example/x', 'INVALID_DOMAIN'],
    ['a@☃.example', 'INVALID_DOMAIN'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`, 'TOO_LONG'],
  ])('refuses %j with %s', (raw, reason) => {
    expect(codeOf(raw)).toBe('VALIDATION_FAILED')
    expect(reasonOf(raw)).toBe(reason)
  })

  it.each(['用户@例子.广告', 'josé@example.com', 'аdmin@example.com', 'ü@münchen.example'])(
    'refuses %s: a local part still non-ASCII after NFKC has its own code',
    (raw) => {
      expect(codeOf(raw)).toBe('NON_ASCII_LOCAL_PART')
      expect(reasonOf(raw)).toBe('NON_ASCII_LOCAL_PART')
    }
  )

  it.each(['x@раypal.com', 'x@xn--ypal-43d9g.com', 'x@gοogle.com', 'x@例えреаl.jp'])(
    'refuses %s: a label mixing lookalike scripts has its own code',
    (raw) => {
      expect(codeOf(raw)).toBe('MIXED_SCRIPT_DOMAIN')
      expect(reasonOf(raw)).toBe('MIXED_SCRIPT_DOMAIN')
    }
  )

  it('accepts an address of exactly 254 characters', () => {
    const raw = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ex`
    expect(raw).toHaveLength(254)
    expect(normalizeEmail(raw).ok).toBe(true)
  })

  it('is idempotent on its own output and fails only with its three codes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (local, domain) => {
        const first = normalizeEmail(`${local}@${domain}.example`)
        expect(first.ok ? normalizeEmail(first.value) : first).toEqual(first)
        expect(
          first.ok ||
            ['VALIDATION_FAILED', 'NON_ASCII_LOCAL_PART', 'MIXED_SCRIPT_DOMAIN'].includes(
              first.error.code
            )
        ).toBe(true)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('header safety (§3.1, R55)', () => {
  it.each(HEADER_UNSAFE_CHARACTERS)('refuses U+%s', (char) => {
    expect(isHeaderSafe(`Acme${char}Cloud`)).toBe(false)
  })

  it('accepts ordinary text', () => {
    expect(isHeaderSafe('Acme Cloud Services 云')).toBe(true)
  })
})

describe('isSameMailbox', () => {
  it.each([
    ['X@ｃｕｓｔｏｍｅｒ.example', 'x@customer.example', true],
    ['a@Bücher.example', 'A@xn--bcher-kva.example', true],
    ['x.y@customer.example', 'xy@customer.example', false],
    ['x+tag@customer.example', 'x@customer.example', false],
    [' 用户@例子.广告', '用户@例子.广告', true],
    ['用户@例子.广告', 'x@例子.广告', false],
  ])('compares %s and %s: %s', (a, b, same) => {
    expect(isSameMailbox(a, b)).toBe(same)
  })
})
