import { describe, expect, it } from 'vitest'
import { PreregistrationListQuery } from './preregistrations'

describe('PreregistrationListQuery', () => {
  it('applies paging defaults and splits comma lists', () => {
    const parsed = PreregistrationListQuery.parse({
      status: 'PRE_REGISTERED,EXPIRED',
      reveal: 'name',
    })
    expect(parsed).toEqual({
      page: 1,
      pageSize: 20,
      status: ['PRE_REGISTERED', 'EXPIRED'],
      reveal: ['name'],
    })
  })

  it('rejects unknown reveal columns, page sizes over 100 and unknown fields', () => {
    expect(PreregistrationListQuery.safeParse({ reveal: 'name,password' }).success).toBe(false)
    expect(PreregistrationListQuery.safeParse({ pageSize: '101' }).success).toBe(false)
    expect(PreregistrationListQuery.safeParse({ partnerId: 'x' }).success).toBe(false)
    expect(PreregistrationListQuery.safeParse({ q: 'a' }).success).toBe(false)
  })
})
