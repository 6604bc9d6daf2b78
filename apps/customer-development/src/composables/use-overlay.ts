import { getCurrentInstance, inject } from 'vue'
import { useI18n } from 'vue-i18n'
import { OVERLAY } from '../context'

// Messages and confirmations are loaded on their first use (a delete or a background error),
// not with the list: the first render needs neither.
const loadPopups = () => import('./overlay-popups')

/**
 * Messages and confirmations attached to the module's overlay node (not `body`), with the
 * app's context so the Element Plus locale and z-index base apply.
 */
export function useOverlay() {
  const overlay = inject(OVERLAY)
  const appContext = getCurrentInstance()?.appContext ?? null
  const { t } = useI18n()

  async function notify(
    type: 'success' | 'error' | 'info' | 'warning',
    message: string
  ): Promise<void> {
    const { ElMessage } = await loadPopups()
    ElMessage({ type, message, appendTo: overlay, grouping: true }, appContext)
  }

  /** Resolves true on OK, false on Cancel, Esc or close. */
  async function confirm(message: string, title: string): Promise<boolean> {
    const { ElMessageBox } = await loadPopups()
    try {
      await ElMessageBox.confirm(
        message,
        title,
        {
          confirmButtonText: t('actions.ok'),
          cancelButtonText: t('actions.cancel'),
          type: 'warning',
          appendTo: overlay,
          // Locking would put a class and a width on the host's body (architecture.md §4).
          lockScroll: false,
          closeOnPressEscape: true,
        },
        appContext
      )
      return true
    } catch {
      return false
    }
  }

  return { overlay, notify, confirm }
}
