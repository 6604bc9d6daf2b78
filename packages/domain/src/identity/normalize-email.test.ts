import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HEADER_UNSAFE_CHARACTERS, isHeaderSafe } from './header-safety'
import { domainToAscii, normalizeEmail } from './normalize-email'
import { punycodeEncode } from './punycode'

function reasonOf(raw: unknown): unknown {
  const result = normalizeEmail(raw)
  return result.ok ? null : (result.error.details?.fields as { reason: string }[])[0]?.reason
}

describe('punycodeEncode', () => {
  // Vectors checked against the WHATWG URL parser (Node's `new URL().hostname`).
  it.each([
    ['münchen', 'mnchen-3ya'],
    ['bücher', 'bcher-kva'],
    ['中国', 'fiqs8s'],
    ['日本語', 'wgv71a119e'],
    ['例え', 'r8jz45g'],
    ['пример', 'e1afmkfd'],
    ['рф', 'p1ai'],
    ['abc', 'abc-'],
  ])('encodes %s as %s', (label, expected) => {
    expect(punycodeEncode(label)).toBe(expected)
  })
})

describe('domainToAscii', () => {
  it('converts Unicode labels and keeps ASCII ones', () => {
    expect(domainToAscii('München.中国.Example')).toBe('xn--mnchen-3ya.xn--fiqs8s.example')
  })

  it('maps ideographic full stops to dots', () => {
    expect(domainToAscii('例え。jp')).toBe('xn--r8jz45g.jp')
  })

  it.each(['localhost', 'a..b', 'a.b.', '-a.example', 'a-.example', 'a_b.example', '☃.example'])(
    'refuses %s',
    (domain) => {
      expect(domainToAscii(domain)).toBeNull()
    }
  )

  it('refuses a label longer than 63 characters', () => {
    expect(domainToAscii(`${'a'.repeat(64)}.example`)).toBeNull()
    expect(domainToAscii(`${'a'.repeat(63)}.example`)).not.toBeNull()
  })
})

describe('normalizeEmail (R14)', () => {
  it.each([
    ['  New.Alpha@Customer.Example ', 'new.alpha@customer.example'],
    ['a.b+crm@x.example', 'a.b+crm@x.example'],
    ['user@Bücher.example', 'user@xn--bcher-kva.example'],
    ['用户@例子.广告', '用户@xn--fsqu00a.xn--4rr70v'],
  ])('canonicalises %s as %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [undefined, 'REQUIRED'],
    [42, 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['a@b.example\r\nBcc: x@y.example', 'HEADER_UNSAFE'],
    ['a@b.example\u2028', 'HEADER_UNSAFE'],
    ['a@b.example\u0085', 'HEADER_UNSAFE'],
    ['a b@c.example', 'FORBIDDEN_CHARACTER'],
    ['"a"@c.example', 'FORBIDDEN_CHARACTER'],
    ["a'b@c.example", 'FORBIDDEN_CHARACTER'],
    ['a`b@c.example', 'FORBIDDEN_CHARACTER'],
    ['<a@c.example>', 'FORBIDDEN_CHARACTER'],
    ['a\tb@c.example', 'FORBIDDEN_CHARACTER'],
    ['a\u200b@c.example', 'FORBIDDEN_CHARACTER'],
    ['ac.example', 'NOT_ONE_AT_SIGN'],
    ['a@b@c.example', 'NOT_ONE_AT_SIGN'],
    ['@c.example', 'LOCAL_PART_LENGTH'],
    [`${'a'.repeat(65)}@c.example`, 'LOCAL_PART_LENGTH'],
    ['a@localhost', 'INVALID_DOMAIN'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`, 'TOO_LONG'],
  ])('refuses %j with %s', (raw, reason) => {
    expect(normalizeEmail(raw).ok).toBe(false)
    expect(reasonOf(raw)).toBe(reason)
  })

  it('accepts an address of exactly 254 characters', () => {
    const raw = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.ex`
    expect(raw).toHaveLength(254)
    expect(normalizeEmail(raw).ok).toBe(true)
  })

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (local, domain) => {
        const first = normalizeEmail(`${local}@${domain}.example`)
        expect(first.ok ? normalizeEmail(first.value) : first).toEqual(first)
        expect(first.ok || first.error.code === 'VALIDATION_FAILED').toBe(true)
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
