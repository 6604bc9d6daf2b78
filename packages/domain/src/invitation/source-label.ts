import type { Locale, LocalizedText } from '../core/locale'
import type { InvitationChannel } from '../core/value-lists'

// History Records' "Source" (domain.md R111): the channel of a row, with the link's tag.

const CHANNEL_LABELS: Readonly<Record<InvitationChannel, LocalizedText>> = {
  email: { en: 'Email', 'zh-CN': '邮件邀请' },
  general_link: { en: 'General link', 'zh-CN': '通用邀请链接' },
  custom_link: { en: 'Custom link', 'zh-CN': '自定义邀请链接' },
}

/**
 * The name of a channel, as the "Source" filter lists it (R111).
 *
 * @example
 * invitationChannelLabel('general_link', 'zh-CN') // '通用邀请链接'
 */
export function invitationChannelLabel(channel: InvitationChannel, locale: Locale): string {
  return CHANNEL_LABELS[channel][locale]
}

/**
 * A row's "Source" cell (R111): "Email", or the link kind with the tag the row kept
 * ("General link: {tag}" / "通用邀请链接:{tag}"). A link row always has its tag (§12.2.3); a
 * missing one shows the kind alone rather than a dangling colon.
 *
 * @example
 * invitationSourceLabel({ channel: 'custom_link', linkTag: 'Spring Fair' }, 'en') // 'Custom link: Spring Fair'
 */
export function invitationSourceLabel(
  row: { channel: InvitationChannel; linkTag: string | null },
  locale: Locale
): string {
  const name = invitationChannelLabel(row.channel, locale)
  if (row.channel === 'email' || row.linkTag === null) return name
  return locale === 'zh-CN' ? `${name}:${row.linkTag}` : `${name}: ${row.linkTag}`
}
