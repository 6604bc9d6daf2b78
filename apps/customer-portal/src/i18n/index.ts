import { computed, ref } from 'vue'
import { en, type PortalMessages } from './en'
import { zhCN } from './zh-CN'

export type { PortalMessages } from './en'

/** Languages the portal speaks (the same as the invitation's locale). */
export type PortalLocale = 'en' | 'zh-CN'

const catalogues: Record<PortalLocale, PortalMessages> = { en, 'zh-CN': zhCN }

/** Fills `{name}` placeholders; partner-supplied values stay text (Vue escapes on render). */
export function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole)
}

/**
 * The portal's language before a page knows the invitation's or link's: the first of the
 * browser's preferred languages the portal speaks (any Chinese is `zh-CN`), else English. An
 * error answer (a stopped link, an expired token) carries no locale, so without this a Chinese
 * customer would read it in English.
 *
 * @example
 * preferredPortalLocale(['zh-TW', 'en-US']) // 'zh-CN'
 */
export function preferredPortalLocale(languages: readonly string[]): PortalLocale {
  for (const language of languages) {
    const tag = language.toLowerCase()
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN'
    if (tag === 'en' || tag.startsWith('en-')) return 'en'
  }
  return 'en'
}

const locale = ref<PortalLocale>(
  preferredPortalLocale(typeof navigator === 'undefined' ? [] : navigator.languages)
)
if (typeof document !== 'undefined') document.documentElement.lang = locale.value

/**
 * The portal's tiny translator: a reactive locale and its message catalogue. The portal is a
 * handful of pages, so it carries no i18n library.
 */
export function usePortalI18n() {
  const messages = computed(() => catalogues[locale.value])
  function setLocale(next: PortalLocale) {
    locale.value = next
    document.documentElement.lang = next
  }
  return { locale, messages, setLocale }
}
