import type {
  ApiError,
  InvitationBatchProgress,
  InvitationBatchResponse,
} from '@partner-center/contracts'
import type { AssociationType } from '@partner-center/domain'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { toApiError } from '../errors'

/** The counts the progress bar needs (R49); the first poll's answer replaces the initial guess. */
export type InviteProgress = Pick<
  InvitationBatchProgress,
  'pending' | 'sent' | 'failed' | 'cancelled' | 'done'
>

const FIRST_POLL_MS = 2_000
const MAX_POLL_MS = 10_000

/** One invitation batch of the Invite dialog: submit once per key, then poll its progress. */
export const useInviteBatchStore = defineStore('customer-development/invite-batch', () => {
  const api = useModuleApi()

  const idempotencyKey = ref('')
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)
  const result = ref<InvitationBatchResponse | null>(null)
  const progress = ref<InviteProgress | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  let delay = FIRST_POLL_MS

  /** Starts a new dialog: a fresh key, so a double click on OK sends one batch (R43). */
  function start(): void {
    stop()
    idempotencyKey.value = crypto.randomUUID()
    status.value = 'idle'
    error.value = null
    result.value = null
    progress.value = null
  }

  function stop(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  async function poll(batchId: string): Promise<void> {
    timer = null
    try {
      progress.value = await api.getInvitationBatch(batchId)
    } catch {
      // A failed poll is retried with the next, longer delay; the last counts stay shown.
    }
    if (progress.value?.done) return
    delay = Math.min(MAX_POLL_MS, Math.round(delay * 1.5))
    timer = setTimeout(() => void poll(batchId), delay)
  }

  /** Sends the batch; ignored while a request with this key is running or after success. */
  async function submit(ids: string[], associationType: AssociationType): Promise<void> {
    if (status.value === 'loading' || status.value === 'success') return
    status.value = 'loading'
    error.value = null
    try {
      const answer = await api.sendInvitations(
        { preregistrationIds: ids, associationType },
        idempotencyKey.value
      )
      result.value = answer
      status.value = 'success'
      if (answer.queued > 0) {
        progress.value = { pending: answer.queued, sent: 0, failed: 0, cancelled: 0, done: false }
        delay = FIRST_POLL_MS
        timer = setTimeout(() => void poll(answer.batchId), delay)
      }
    } catch (cause) {
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  return { idempotencyKey, status, error, result, progress, start, stop, submit }
})
