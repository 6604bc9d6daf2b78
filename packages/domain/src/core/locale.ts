/**
 * The languages of the module, in the order the UI offers them.
 *
 * @example
 * LOCALES.includes('zh-CN') // true
 */
export const LOCALES = ['en', 'zh-CN'] as const

/**
 * A supported language.
 *
 * @example
 * const locale: Locale = 'zh-CN'
 */
export type Locale = (typeof LOCALES)[number]

/**
 * A text in every supported language; the type makes a missing translation a compile error.
 *
 * @example
 * const label: LocalizedText = { en: 'Expired', 'zh-CN': '已过期' }
 */
export type LocalizedText = Readonly<Record<Locale, string>>

/**
 * Tells whether a value is a supported locale (for untrusted input).
 *
 * @example
 * isLocale('fr') // false
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
