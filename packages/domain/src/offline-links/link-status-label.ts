import type { Locale, LocalizedText } from '../core/locale'
import type { InvitationLinkStatus } from '../core/statuses'

const LABELS: Readonly<Record<InvitationLinkStatus, LocalizedText>> = {
  ACTIVE: { en: 'Active', 'zh-CN': '生效中' },
  DISABLED: { en: 'Disabled', 'zh-CN': '已停用' },
  EXPIRED: { en: 'Expired', 'zh-CN': '已过期' },
  RESET: { en: 'Reset', 'zh-CN': '已重置' },
}

/**
 * The label of a link's effective status (§12.3.1), as the custom links list and its status
 * filter show it (S23).
 *
 * @example
 * invitationLinkStatusLabel('ACTIVE', 'zh-CN') // '生效中'
 */
export function invitationLinkStatusLabel(status: InvitationLinkStatus, locale: Locale): string {
  return LABELS[status][locale]
}
