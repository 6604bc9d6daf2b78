import type { Ref } from 'vue'
import { webhooksEn } from '../i18n/webhooks/en'
import { useChunkMessages } from './use-chunk-messages'

/** Adds the Webhooks pages' strings (`webhooks.*`, S30–S33) with their chunk; see useChunkMessages. */
export function useWebhooksMessages(): Ref<boolean> {
  return useChunkMessages(webhooksEn, {
    'zh-CN': () => import('../i18n/webhooks/zh-CN').then((module) => module.webhooksZhCN),
  })
}
