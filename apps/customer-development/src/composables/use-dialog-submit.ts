import type { ApiError } from '@partner-center/contracts'
import { ref, type Ref } from 'vue'
import { toApiError } from '../errors'

/** What a form dialog needs to send its request: see useDialogSubmit. */
export interface DialogSubmit {
  /** Bind with `ref="shell"` on the dialog's DialogShell: closed when the request succeeds. */
  shell: Ref<{ close: () => void } | null>
  loading: Ref<boolean>
  /** The last refusal no field claimed, said above the form (S11). */
  serverError: Ref<ApiError | null>
  /**
   * Runs `request` unless one already runs; on success closes the dialog, on a refusal keeps
   * it open and sets `serverError`, unless `claim` returns true (the dialog says it elsewhere,
   * under a field).
   */
  send: (request: () => Promise<void>, claim?: (error: ApiError) => boolean) => Promise<void>
}

/**
 * The send-then-close flow the module's form dialogs share (Create API Key, Add/Edit Endpoint,
 * Create Custom Link): one request at a time with a spinner on OK, the dialog closed only when
 * the API accepted, and the refusal kept to be said. Each dialog keeps its own checks before it.
 */
export function useDialogSubmit(): DialogSubmit {
  const shell = ref<{ close: () => void } | null>(null)
  const loading = ref(false)
  const serverError = ref<ApiError | null>(null)

  async function send(
    request: () => Promise<void>,
    claim?: (error: ApiError) => boolean
  ): Promise<void> {
    if (loading.value) return
    serverError.value = null
    loading.value = true
    try {
      await request()
      shell.value?.close()
    } catch (cause) {
      const error = toApiError(cause)
      if (!claim?.(error)) serverError.value = error
    } finally {
      loading.value = false
    }
  }

  return { shell, loading, serverError, send }
}
