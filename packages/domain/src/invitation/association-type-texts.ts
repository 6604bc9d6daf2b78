import type { Locale, LocalizedText } from '../core/locale'
import type { AssociationType } from '../core/statuses'

/**
 * Who reads an association type text (domain.md §9.0): the partner ("you" is the partner: the
 * Invite dialog, the flowchart, the help view) or the customer ("you" is the customer: the
 * invitation email, its preview and the portal). Both say the same facts of the reference
 * product's definition.
 *
 * @example
 * const audience: AssociationTypeAudience = 'customer'
 */
export type AssociationTypeAudience = 'partner' | 'customer'

/**
 * The texts of one type for one audience: the definition (the reference product's contract,
 * billing and payment facts) and, apart from it, a note of what follows the association
 * (reseller: the account freeze of R66), or null.
 *
 * @example
 * const texts: AssociationTypeTemplates = { definition: { en: '…', 'zh-CN': '…' }, note: null }
 */
export interface AssociationTypeTemplates {
  definition: LocalizedText
  note: LocalizedText | null
}

const TYPE_NAMES: Readonly<Record<AssociationType, LocalizedText>> = {
  reseller: { en: 'Reseller', 'zh-CN': '代售' },
  referral: { en: 'Referral', 'zh-CN': '顾问销售' },
}

/**
 * The one source of every association type definition (domain.md §9.0), per audience, type and
 * locale. Placeholders: `{platform}` the platform's name (`PLATFORM_NAME`); `{partner}` the
 * partner's name (customer texts only). Surfaces that fill placeholders themselves (the email's
 * pre-rendered templates) read these; the others call {@link associationTypeDefinition}.
 *
 * @example
 * ASSOCIATION_TYPE_TEXTS.customer.referral.definition.en
 * // 'You sign a contract with {platform}. {platform} is responsible for …'
 */
export const ASSOCIATION_TYPE_TEXTS: Readonly<
  Record<AssociationTypeAudience, Readonly<Record<AssociationType, AssociationTypeTemplates>>>
> = {
  partner: {
    reseller: {
      definition: {
        en: 'The customer signs a contract with you. You are responsible for the customer’s contracts, billing, invoices and support services, and the customer pays you.',
        'zh-CN': '客户与您签订合同。您负责客户的合同、计费、发票和支持服务,客户向您付款。',
      },
      note: {
        en: 'Once associated, the customer’s account stays frozen until you set a budget for it.',
        'zh-CN': '关联后,客户账号将保持冻结,直至您为其设置预算。',
      },
    },
    referral: {
      definition: {
        en: 'The customer signs a contract with {platform}. {platform} is responsible for the customer’s contracts, billing and invoices, and the customer pays {platform}.',
        'zh-CN':
          '客户与 {platform} 签订合同。{platform} 负责客户的合同、计费和发票,客户向 {platform} 付款。',
      },
      note: null,
    },
  },
  customer: {
    reseller: {
      definition: {
        en: 'You sign a contract with {partner}. {partner} is responsible for your contracts, billing, invoices and support services, and you pay {partner}.',
        'zh-CN':
          '您与 {partner} 签订合同。{partner} 负责您的合同、计费、发票和支持服务,您向 {partner} 付款。',
      },
      note: {
        en: 'Once associated, your account stays frozen until {partner} sets a budget for you.',
        'zh-CN': '关联后,您的账号将保持冻结,直至 {partner} 为您设置预算。',
      },
    },
    referral: {
      definition: {
        en: 'You sign a contract with {platform}. {platform} is responsible for your contracts, billing and invoices, and you pay {platform}.',
        'zh-CN':
          '您与 {platform} 签订合同。{platform} 负责您的合同、计费和发票,您向 {platform} 付款。',
      },
      note: null,
    },
  },
}

/**
 * The names a text of an audience mentions: the platform always, the partner in customer texts.
 *
 * @example
 * const names: AssociationTypeNames<'customer'> = { platform: 'Example Cloud', partner: 'Acme' }
 */
export type AssociationTypeNames<A extends AssociationTypeAudience> = A extends 'customer'
  ? { platform: string; partner: string }
  : { platform: string }

// One pass, so a name that itself contains `{platform}` is never rescanned.
function fillNames(template: string, names: { platform: string; partner?: string }): string {
  return template.replace(/\{(platform|partner)\}/g, (whole, key: 'platform' | 'partner') => {
    return names[key] ?? whole
  })
}

/**
 * The definition of a type for an audience, with the names filled in.
 *
 * @example
 * associationTypeDefinition('referral', 'en', 'partner', { platform: 'Example Cloud' })
 * // 'The customer signs a contract with Example Cloud. Example Cloud is responsible for …'
 */
export function associationTypeDefinition<A extends AssociationTypeAudience>(
  type: AssociationType,
  locale: Locale,
  audience: A,
  names: AssociationTypeNames<A>
): string {
  return fillNames(ASSOCIATION_TYPE_TEXTS[audience][type].definition[locale], names)
}

/**
 * The note shown apart from the definition (reseller: the account freeze), or null.
 *
 * @example
 * associationTypeNote('referral', 'en', 'customer', { platform: 'Example Cloud', partner: 'Acme' }) // null
 */
export function associationTypeNote<A extends AssociationTypeAudience>(
  type: AssociationType,
  locale: Locale,
  audience: A,
  names: AssociationTypeNames<A>
): string | null {
  const note = ASSOCIATION_TYPE_TEXTS[audience][type].note
  return note === null ? null : fillNames(note[locale], names)
}

/**
 * The display name of a type (§9.4), as used in emails, the dialog, the portal and History
 * Records.
 *
 * @example
 * associationTypeLabel('referral', 'zh-CN') // '顾问销售'
 */
export function associationTypeLabel(type: AssociationType, locale: Locale): string {
  return TYPE_NAMES[type][locale]
}
