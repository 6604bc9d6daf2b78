import { describe, expect, it } from 'vitest'
import { asCatalogueSnapshot, compareCatalogues, type CatalogueSnapshot } from './catalogue-compat'

const released: CatalogueSnapshot = {
  actionKeys: ['RESEND', 'NONE'],
  failureCodes: {
    LINK_EXPIRED: { httpStatus: 410 },
    LINK_REVOKED: { httpStatus: 410 },
    DELIVERY_FAILED: { httpStatus: null },
  },
}

describe('compareCatalogues', () => {
  it('reports a removed code, a changed HTTP status (null included) and a removed action key', () => {
    const next: CatalogueSnapshot = {
      actionKeys: ['NONE'],
      failureCodes: { LINK_EXPIRED: { httpStatus: 404 }, DELIVERY_FAILED: { httpStatus: 502 } },
    }
    expect(compareCatalogues(released, next)).toEqual([
      'failure code LINK_EXPIRED: httpStatus 410 → 404',
      'failure code LINK_REVOKED: removed',
      'failure code DELIVERY_FAILED: httpStatus null → 502',
      'action key RESEND: removed',
    ])
  })

  it('breaks nothing with new codes and action keys', () => {
    const next: CatalogueSnapshot = {
      actionKeys: ['RESEND', 'NONE', 'CALL_US'],
      failureCodes: { ...released.failureCodes, NEW_CODE: { httpStatus: 409 } },
    }
    expect(compareCatalogues(released, next)).toEqual([])
  })
})

describe('asCatalogueSnapshot', () => {
  it('accepts the snapshot shape and refuses another', () => {
    expect(asCatalogueSnapshot(JSON.parse(JSON.stringify(released)))).toEqual(released)
    expect(() => asCatalogueSnapshot({ failureCodes: {} })).toThrow(/not a failure catalogue/)
    expect(() =>
      asCatalogueSnapshot({ actionKeys: [], failureCodes: { X: { httpStatus: '404' } } })
    ).toThrow(/not a failure catalogue/)
  })
})
