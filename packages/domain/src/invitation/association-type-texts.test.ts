import { describe, expect, it } from 'vitest'
import { LOCALES } from '../core/locale'
import { ASSOCIATION_TYPES } from '../core/statuses'
import {
  ASSOCIATION_TYPE_TEXTS,
  associationTypeDefinition,
  associationTypeLabel,
  associationTypeNote,
  type AssociationTypeAudience,
} from './association-type-texts'

const AUDIENCES: AssociationTypeAudience[] = ['partner', 'customer']
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('association type texts (§9.0, the reference product’s definitions)', () => {
  it.each(AUDIENCES.flatMap((audience) => ASSOCIATION_TYPES.map((type) => ({ audience, type }))))(
    'has a $audience $type definition in every locale with the same placeholders',
    ({ audience, type }) => {
      const { definition } = ASSOCIATION_TYPE_TEXTS[audience][type]
      for (const locale of LOCALES) expect(definition[locale].length).toBeGreaterThan(20)
      expect(placeholders(definition['zh-CN'])).toEqual(placeholders(definition.en))
    }
  )

  it('addresses the partner without naming them, the customer with the partner’s name', () => {
    for (const type of ASSOCIATION_TYPES) {
      for (const locale of LOCALES) {
        const partner = ASSOCIATION_TYPE_TEXTS.partner[type].definition[locale]
        expect(partner).not.toContain('{partner}')
      }
    }
    expect(ASSOCIATION_TYPE_TEXTS.customer.reseller.definition.en).toContain('{partner}')
    expect(ASSOCIATION_TYPE_TEXTS.customer.referral.definition.en).not.toContain('{partner}')
  })

  it('states the reference facts of each type', () => {
    const names = { platform: 'Example Cloud', partner: 'Acme' }
    expect(associationTypeDefinition('reseller', 'en', 'partner', names)).toBe(
      'The customer signs a contract with you. You are responsible for the customer’s contracts, billing, invoices and support services, and the customer pays you.'
    )
    expect(associationTypeDefinition('referral', 'en', 'partner', names)).toBe(
      'The customer signs a contract with Example Cloud. Example Cloud is responsible for the customer’s contracts, billing and invoices, and the customer pays Example Cloud.'
    )
    expect(associationTypeDefinition('reseller', 'en', 'customer', names)).toBe(
      'You sign a contract with Acme. Acme is responsible for your contracts, billing, invoices and support services, and you pay Acme.'
    )
    expect(associationTypeDefinition('referral', 'en', 'customer', names)).toBe(
      'You sign a contract with Example Cloud. Example Cloud is responsible for your contracts, billing and invoices, and you pay Example Cloud.'
    )
    expect(associationTypeDefinition('referral', 'zh-CN', 'customer', names)).toBe(
      '您与 Example Cloud 签订合同。Example Cloud 负责您的合同、计费和发票,您向 Example Cloud 付款。'
    )
  })

  it('keeps the account freeze out of every definition and in the reseller note only', () => {
    const names = { platform: 'Example Cloud', partner: 'Acme' }
    for (const audience of AUDIENCES) {
      for (const locale of LOCALES) {
        for (const type of ASSOCIATION_TYPES) {
          expect(associationTypeDefinition(type, locale, audience, names)).not.toMatch(
            /frozen|冻结/
          )
        }
        expect(associationTypeNote('reseller', locale, audience, names)).toMatch(/frozen|冻结/)
        expect(associationTypeNote('referral', locale, audience, names)).toBeNull()
      }
    }
    expect(associationTypeNote('reseller', 'zh-CN', 'customer', names)).toBe(
      '关联后,您的账号将保持冻结,直至 Acme 为您设置预算。'
    )
  })

  it('fills names once, without rescanning a name that looks like a placeholder', () => {
    expect(
      associationTypeDefinition('reseller', 'en', 'customer', {
        platform: 'Example Cloud',
        partner: '{platform}',
      })
    ).toBe(
      'You sign a contract with {platform}. {platform} is responsible for your contracts, billing, invoices and support services, and you pay {platform}.'
    )
  })

  it('names the types as the China edition does', () => {
    expect(ASSOCIATION_TYPES.map((type) => associationTypeLabel(type, 'zh-CN'))).toEqual([
      '代售',
      '顾问销售',
    ])
    expect(ASSOCIATION_TYPES.map((type) => associationTypeLabel(type, 'en'))).toEqual([
      'Reseller',
      'Referral',
    ])
  })
})
