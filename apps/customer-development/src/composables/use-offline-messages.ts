import type { Ref } from 'vue'
import { offlineEn } from '../i18n/offline/en'
import { useChunkMessages } from './use-chunk-messages'

/**
 * Adds the Offline Invitation tab's strings (`offline.*`) with the tab's chunk, in the current
 * language and in each language the page switches to; see useChunkMessages.
 *
 * The module's messages of a language are in before its locale is set (`update` loads them
 * first), so merging into that language never stands in for them.
 */
export function useOfflineMessages(): Ref<boolean> {
  return useChunkMessages(offlineEn, {
    'zh-CN': () => import('../i18n/offline/zh-CN').then((module) => module.offlineZhCN),
  })
}
