import type { Locale } from '@partner-center/domain'
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useLocale } from './use-locale'

/** The other languages of a page's strings, each loaded on first use. */
export type OtherLanguages<M> = Record<Exclude<Locale, 'en'>, () => Promise<M>>

/**
 * Adds a lazily loaded page's strings to the module's messages, in the current language and in
 * each language the page switches to: they come with the page's chunk, not with the first view,
 * which has a size budget (issue 19). `ready` is false until the current language's strings are
 * in, so the page never shows a key or a fallback text.
 */
export function useChunkMessages<M extends Record<string, unknown>>(
  english: M,
  others: OtherLanguages<M>
): Ref<boolean> {
  const i18n = useI18n({ useScope: 'global' })
  const locale = useLocale()
  const ready = ref(false)
  const merged = new Set<Locale>()

  async function add(next: Locale): Promise<void> {
    if (!merged.has(next)) {
      const messages = next === 'en' ? english : await others[next]()
      i18n.mergeLocaleMessage(next, messages)
      merged.add(next)
    }
    // The page may have switched again meanwhile: ready for the language it shows now.
    ready.value = merged.has(locale.value)
  }

  // English is the fallback of every language: always in.
  i18n.mergeLocaleMessage('en', english)
  merged.add('en')
  watch(
    locale,
    (current) => {
      ready.value = merged.has(current)
      void add(current)
    },
    { immediate: true }
  )
  return ready
}
