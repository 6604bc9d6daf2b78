import type { Locale } from '@partner-center/mfe-contract'
import { createI18n } from 'vue-i18n'
import { en } from './en'

/**
 * The languages other than English, each its own chunk loaded on first use: most pages show one
 * language, and the first view's JavaScript has a budget (issue 19: 150 KB gzip).
 */
const OTHER_LANGUAGES: Record<Exclude<Locale, 'en'>, () => Promise<typeof en>> = {
  'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
}

/**
 * A fresh vue-i18n instance for one mount (two mounts never share state), with English, the
 * fallback; {@link loadLanguage} adds the mount's language before the app renders.
 */
export function createModuleI18n(locale: Locale) {
  return createI18n<[typeof en], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en } as Record<Locale, typeof en>,
  })
}

/** The i18n instance type of this module. */
export type ModuleI18n = ReturnType<typeof createModuleI18n>

/** Adds the messages of `locale` to `i18n` unless it has them; resolves once they are in. */
export async function loadLanguage(i18n: ModuleI18n, locale: Locale): Promise<void> {
  if (locale === 'en' || i18n.global.availableLocales.includes(locale)) return
  i18n.global.setLocaleMessage(locale, await OTHER_LANGUAGES[locale]())
}
