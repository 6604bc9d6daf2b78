import {
  ASSOCIATION_TYPE_TEXTS,
  ASSOCIATION_TYPES,
  associationTypeLabel,
  type AssociationType,
  type Locale,
} from '@partner-center/domain'

type PerType = Record<AssociationType, string>

function perType(text: (type: AssociationType) => string): PerType {
  return Object.fromEntries(ASSOCIATION_TYPES.map((type) => [type, text(type)])) as PerType
}

/**
 * The type names of a locale, from the domain (domain.md §9.0).
 *
 * @example
 * typeNames('zh-CN').referral // '顾问销售'
 */
export function typeNames(locale: Locale): PerType {
  return perType((type) => associationTypeLabel(type, locale))
}

/**
 * The customer-facing definitions of a locale, from the domain, with `{partner}` and
 * `{platform}` left for `interpolate` (the pre-rendered templates fill them per recipient).
 *
 * @example
 * typeDefinitions('en').referral // 'You sign a contract with {platform}. …'
 */
export function typeDefinitions(locale: Locale): PerType {
  return perType((type) => ASSOCIATION_TYPE_TEXTS.customer[type].definition[locale])
}

/**
 * The customer-facing note shown apart from each definition (reseller: the account freeze), from
 * the domain; '' for a type without one (the template then leaves the paragraph out).
 *
 * @example
 * typeNotes('en').referral // ''
 */
export function typeNotes(locale: Locale): PerType {
  return perType((type) => ASSOCIATION_TYPE_TEXTS.customer[type].note?.[locale] ?? '')
}
