import { useI18n } from 'vue-i18n'
import { describeError, toApiError } from '../errors'
import { useManagerForCode } from './use-contact-text'
import { useLocale } from './use-locale'
import { useOverlay } from './use-overlay'

/**
 * What the Offline Invitation tab's buttons share (S22, S23): Copy writes a link to the
 * clipboard and says "Link copied" (R97), and a refused or failed action is said in a message
 * with the catalogue's text, its partner action and whom to ask (S11).
 */
export function useLinkActions() {
  const { t } = useI18n()
  const locale = useLocale()
  const managerFor = useManagerForCode()
  const { notify, confirm } = useOverlay()

  /** The message, action and contact of a failure, as one line. */
  function errorText(cause: unknown): string {
    const text = describeError(toApiError(cause), locale.value)
    return [text.message, text.action, managerFor(text.code)].filter(Boolean).join(' ')
  }

  /** Shows a failure in a message. */
  function showError(cause: unknown): void {
    void notify('error', errorText(cause))
  }

  /** Copies the link `url` gives (asked for now: custom links' URLs are never kept). */
  async function copy(url: () => Promise<string>): Promise<void> {
    try {
      await navigator.clipboard.writeText(await url())
      void notify('success', t('offline.copied'))
    } catch (cause) {
      showError(cause)
    }
  }

  return { copy, showError, errorText, notify, confirm }
}
