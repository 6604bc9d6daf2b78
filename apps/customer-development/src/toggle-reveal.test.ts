import { describe, expect, it } from 'vitest'
import { toggleRevealColumn } from './toggle-reveal'

describe('toggleRevealColumn', () => {
  it('reveals a masked column and masks a revealed one again', () => {
    expect(toggleRevealColumn(['name'], 'email')).toEqual(['name', 'email'])
    expect(toggleRevealColumn(['name', 'email'], 'name')).toEqual(['email'])
  })
})
