import { ApiError } from '@partner-center/contracts'
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

/** The message keys of a page's confirmations and failures (each page has its own). */
export interface RowActionKeys {
  ok: string
  cancel: string
  /** Said for a failure that is not the API's refusal; without it, the failure itself. */
  failed?: string
}

/** What useRowActions gives a page. */
export interface RowActions {
  /** The id of the row whose request runs: its buttons spin or are disabled meanwhile. */
  busy: Ref<string | null>
  showError: (cause: unknown) => void
  /** A warning confirmation; true when the user confirmed. */
  ask: (message: string, title: string) => Promise<boolean>
  /** Runs a row's request with `busy` set, saying a failure as a message. */
  run: (id: string, action: () => Promise<void>) => Promise<void>
}

/**
 * The row actions the API Keys and Webhooks pages share (revoke, rotate, delete, redeliver):
 * a confirmation first where it is asked, one row busy at a time, and a refusal said with the
 * API's own message.
 */
export function useRowActions(keys: RowActionKeys): RowActions {
  const { t } = useI18n()
  const busy = ref<string | null>(null)

  function showError(cause: unknown): void {
    const fallback = keys.failed === undefined ? String(cause) : t(keys.failed)
    ElMessage.error(cause instanceof ApiError ? cause.message : fallback)
  }

  async function ask(message: string, title: string): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, title, {
        confirmButtonText: t(keys.ok),
        cancelButtonText: t(keys.cancel),
        type: 'warning',
      })
      return true
    } catch {
      return false
    }
  }

  async function run(id: string, action: () => Promise<void>): Promise<void> {
    busy.value = id
    try {
      await action()
    } catch (cause) {
      showError(cause)
    } finally {
      busy.value = null
    }
  }

  return { busy, showError, ask, run }
}
