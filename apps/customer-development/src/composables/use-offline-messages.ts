import type { Locale } from '@partner-center/domain'
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { offlineEn, type OfflineMessages } from '../i18n/offline/en'
import { useLocale } from './use-locale'

// The other languages of the tab, each loaded on first use like the module's own (i18n/index.ts).
const OTHER_LANGUAGES: Record<Exclude<Locale, 'en'>, () => Promise<OfflineMessages>> = {
  'zh-CN': () => import('../i18n/offline/zh-CN').then((module) => module.offlineZhCN),
}

/**
 * Adds the Offline Invitation tab's strings (`offline.*`) to the module's messages, in the
 * current language and in each language the page switches to: they come with the tab's chunk,
 * not with the first view, which has a size budget (issue 19). `ready` is false until the
 * current language's strings are in, so the tab never shows a key or a fallback text.
 *
 * The module's messages of a language are in before its locale is set (`update` loads them
 * first), so merging into that language never stands in for them.
 */
export function useOfflineMessages(): Ref<boolean> {
  const i18n = useI18n({ useScope: 'global' })
  const locale = useLocale()
  const ready = ref(false)
  const merged = new Set<Locale>()

  async function add(next: Locale): Promise<void> {
    if (!merged.has(next)) {
      const messages = next === 'en' ? offlineEn : await OTHER_LANGUAGES[next]()
      i18n.mergeLocaleMessage(next, messages)
      merged.add(next)
    }
    // The page may have switched again meanwhile: ready for the language it shows now.
    ready.value = merged.has(locale.value)
  }

  // English is the fallback of every language: always in.
  i18n.mergeLocaleMessage('en', offlineEn)
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
