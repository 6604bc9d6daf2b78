import type { Limits } from '../core/limits'
import { DEFAULT_LIMITS } from '../core/limits'

/**
 * Whether a delivery failure may succeed on retry.
 *
 * @example
 * const kind: SmtpFailureKind = 'TEMPORARY'
 */
export type SmtpFailureKind = 'TEMPORARY' | 'PERMANENT'

/**
 * Classifies a failed send (R53): an SMTP 5xx reply is permanent; a 4xx reply, a connection
 * error or a timeout (no reply code) is temporary. Any other code is treated as temporary, since
 * giving up on an unexpected reply could lose an invitation (R54).
 *
 * @example
 * classifySmtpFailure(550) // 'PERMANENT'
 * classifySmtpFailure(null) // 'TEMPORARY' (connection refused)
 */
export function classifySmtpFailure(replyCode: number | null | undefined): SmtpFailureKind {
  return typeof replyCode === 'number' && replyCode >= 500 && replyCode < 600
    ? 'PERMANENT'
    : 'TEMPORARY'
}

/**
 * What the dispatcher does after attempt `attemptCount` failed: retry (I3) or give up with
 * `FAILED_TO_SEND` (I4) on a permanent failure (an SMTP 5xx `replyCode`, or `permanent` when the
 * failure is known to be final for another reason, e.g. the templates refused the input) or
 * after `OUTBOX_MAX_ATTEMPTS`.
 *
 * @example
 * decideDeliveryFailure({ replyCode: 421, attemptCount: 8 }) // 'GIVE_UP'
 * decideDeliveryFailure({ permanent: true, attemptCount: 1 }) // 'GIVE_UP'
 */
export function decideDeliveryFailure(options: {
  replyCode?: number | null
  permanent?: boolean
  attemptCount: number
  limits?: Limits
}): 'RETRY' | 'GIVE_UP' {
  const { limits = DEFAULT_LIMITS } = options
  if (options.permanent === true) return 'GIVE_UP'
  if (classifySmtpFailure(options.replyCode) === 'PERMANENT') return 'GIVE_UP'
  return options.attemptCount < limits.OUTBOX_MAX_ATTEMPTS ? 'RETRY' : 'GIVE_UP'
}

/**
 * The `Message-ID` of an invitation, the same for every attempt (§3.5), so receivers can
 * de-duplicate copies sent after a crash (R54).
 *
 * @example
 * invitationMessageId('1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'partner-center.local')
 * // '<invitation.1b4e28ba-2fa1-11d2-883f-0016d3cca427@partner-center.local>'
 */
export function invitationMessageId(invitationId: string, mailDomain: string): string {
  return `<invitation.${invitationId}@${mailDomain}>`
}

/**
 * The `Message-ID` of an invitation's reminder (R117), the same for every reminder attempt, so
 * receivers can de-duplicate copies sent after a crash (R54, R116); its `In-Reply-To` and
 * `References` name the invitation's own `Message-ID`.
 *
 * @example
 * reminderMessageId('1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'partner-center.local')
 * // '<invitation.1b4e28ba-2fa1-11d2-883f-0016d3cca427.reminder@partner-center.local>'
 */
export function reminderMessageId(invitationId: string, mailDomain: string): string {
  return `<invitation.${invitationId}.reminder@${mailDomain}>`
}
