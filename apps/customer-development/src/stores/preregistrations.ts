import { ApiError, type PreregistrationItem } from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { inject, ref } from 'vue'
import { API_CLIENT } from '../api'

/** The "From Partner Center" list: one page of the partner's pre-registered customers. */
export const usePreregistrationsStore = defineStore('customer-development/preregistrations', () => {
  const api = inject(API_CLIENT)
  if (!api) throw new Error('customer-development: API client not provided')

  const items = ref<PreregistrationItem[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)

  async function load() {
    status.value = 'loading'
    try {
      const result = await api!.findPreregistrations({ page: page.value, pageSize: pageSize.value })
      items.value = result.items
      total.value = result.total
      status.value = 'success'
      error.value = null
    } catch (cause) {
      // Stale rows stay visible; the error is shown beside them.
      error.value =
        cause instanceof ApiError
          ? cause
          : new ApiError({ code: 'INTERNAL', status: 0, message: String(cause) })
      status.value = 'error'
    }
  }

  return { items, total, page, pageSize, status, error, load }
})
