import type { ApiError, GeneralInvitationLink } from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { toApiError } from '../errors'

/**
 * The signed-in user's general invitation link (S22, R91, R92): asked for on the first view of
 * the Offline Invitation tab, by users with `custdev.invite` only (the card asks; without the
 * permission no request is made), and replaced by Reset.
 */
export const useGeneralLinkStore = defineStore('customer-development/general-link', () => {
  const api = useModuleApi()

  const link = shallowRef<GeneralInvitationLink | null>(null)
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)

  /** Gets (or on the first call creates) the link; once per mount unless it failed. */
  async function load(): Promise<void> {
    if (status.value === 'loading' || status.value === 'success') return
    status.value = 'loading'
    try {
      link.value = await api.getGeneralInvitationLink()
      error.value = null
      status.value = 'success'
    } catch (cause) {
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  /** Replaces the link (R92); throws the API error for the caller to show. */
  async function reset(): Promise<void> {
    link.value = await api.resetGeneralInvitationLink()
  }

  return { link, status, error, load, reset }
})
