import { createI18n } from 'vue-i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

/** Languages the console offers (the same as the micro-frontend contract's `Locale`). */
export type ShellLocale = 'en' | 'zh-CN'

const STORAGE_KEY = 'partner-center.locale'

/** The language chosen earlier in this browser, else the browser's own preference. */
export function initialLocale(storage: Storage = localStorage): ShellLocale {
  const saved = storage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'zh-CN') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Remembers the language for the next visit. */
export function saveLocale(locale: ShellLocale, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, locale)
}

/** The shell's vue-i18n instance. */
export function createShellI18n(locale: ShellLocale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
  })
}
