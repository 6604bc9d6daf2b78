import { describe, expect, it } from 'vitest'
import { mailRecipient } from './mail-recipient'

describe('mailRecipient', () => {
  it('sends to the stored canonical address', () => {
    expect(
      mailRecipient({ canonical: 'x@customer.example', entered: 'X@ｃｕｓｔｏｍｅｒ.example' })
    ).toBe('x@customer.example')
  })

  it('falls back to the canonical form of the entered address for a merged row', () => {
    expect(
      mailRecipient({
        canonical: 'merged:0f6c5a1e-0000-4000-8000-000000000000',
        entered: 'X@ｃｕｓｔｏｍｅｒ.example',
      })
    ).toBe('x@customer.example')
  })

  it('answers null when neither value is an address', () => {
    expect(mailRecipient({ canonical: 'merged:1', entered: 'not an address' })).toBeNull()
  })
})
