import type { Ref } from 'vue'
import { apiKeysEn } from '../i18n/api-keys/en'
import { useChunkMessages } from './use-chunk-messages'

/** Adds the API Keys page's strings (`apiKeys.*`, S34) with the page's chunk; see useChunkMessages. */
export function useApiKeysMessages(): Ref<boolean> {
  return useChunkMessages(apiKeysEn, {
    'zh-CN': () => import('../i18n/api-keys/zh-CN').then((module) => module.apiKeysZhCN),
  })
}
