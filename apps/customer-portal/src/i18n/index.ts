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

const locale = ref<PortalLocale>('en')

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
