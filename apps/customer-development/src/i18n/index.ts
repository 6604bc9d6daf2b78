import type { Locale } from '@partner-center/mfe-contract'
import { createI18n } from 'vue-i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

/** A fresh vue-i18n instance for one mount (two mounts never share state). */
export function createModuleI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
  })
}

/** The i18n instance type of this module. */
export type ModuleI18n = ReturnType<typeof createModuleI18n>
