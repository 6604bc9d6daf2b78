import type { Locale } from '@partner-center/domain'
import type { Locale as HostLocale } from '@partner-center/mfe-contract'
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * The page's language as the domain's `Locale`, for the domain's labels and the failure
 * catalogue (`associationTypeLabel(type, locale.value)`); in a template the ref unwraps. It
 * follows `update({ locale })` like every text of vue-i18n. Read-only: only the mount and
 * `update` set the language.
 *
 * @example
 * const locale = useLocale()
 * const text = computed(() => codeText(code, locale.value).message)
 */
export function useLocale(): Readonly<Ref<Locale>> {
  // vue-i18n types its locale as any string; this module sets it only from the host's `Locale`
  // (`mount`, `update`). Returning that as the domain's `Locale` compiles only while every host
  // language is one the domain knows.
  return useI18n().locale as Ref<HostLocale>
}
