import type { Locale, LocalizedText } from '../core/locale'
import type { ActionContact, ActionKey } from './failure-actions'
import { ACTION_CONTACTS, ACTION_TEXTS } from './failure-actions'
import type { FailureCode } from './failure-codes'
import { FAILURE_CODES } from './failure-codes'
import { failureMessageText } from './failure-messages'
import type { RaisedBy } from './failure-meta'
import { FAILURE_META } from './failure-meta'

/**
 * Everything the catalogue says about one code: HTTP status (null for `DELIVERY_FAILED`),
 * raising operations, messages and both suggested actions with their texts.
 *
 * @example
 * getFailure('LINK_EXPIRED').partnerAction?.key // 'RESEND'
 */
export interface FailureEntry {
  code: FailureCode
  httpStatus: number | null
  raisedBy: readonly RaisedBy[]
  message: LocalizedText
  partnerAction: { key: ActionKey; text: LocalizedText } | null
  customerAction: { key: ActionKey; text: LocalizedText } | null
}

function action(key: ActionKey | null): FailureEntry['partnerAction'] {
  return key === null ? null : { key, text: ACTION_TEXTS[key] }
}

/**
 * The whole failure catalogue (domain.md §6) as one typed object keyed by code.
 *
 * @example
 * FAILURE_CATALOGUE.QUOTA_EXCEEDED.message['zh-CN'] // '报备数量已达上限。'
 */
export const FAILURE_CATALOGUE: Readonly<Record<FailureCode, FailureEntry>> = Object.fromEntries(
  FAILURE_CODES.map((code) => {
    const meta = FAILURE_META[code]
    const entry: FailureEntry = {
      code,
      httpStatus: meta.httpStatus,
      raisedBy: meta.raisedBy,
      message: failureMessageText(code),
      partnerAction: action(meta.partnerAction),
      customerAction: action(meta.customerAction),
    }
    return [code, entry]
  })
) as Record<FailureCode, FailureEntry>

/**
 * The catalogue entry of a code.
 *
 * @example
 * getFailure('NOT_FOUND').httpStatus // 404
 */
export function getFailure(code: FailureCode): FailureEntry {
  return FAILURE_CATALOGUE[code]
}

/**
 * The catalogue message of a code in a language (used for error bodies, R8).
 *
 * @example
 * failureMessage('LINK_EXPIRED', 'en') // 'This invitation link has expired.'
 */
export function failureMessage(code: FailureCode, locale: Locale): string {
  return FAILURE_CATALOGUE[code].message[locale]
}

/**
 * The text of the partner's suggested action, or null when the catalogue has none ("—").
 *
 * @example
 * partnerAction('LINK_EXPIRED', 'en') // 'Send the invitation email again.'
 */
export function partnerAction(code: FailureCode, locale: Locale): string | null {
  return FAILURE_CATALOGUE[code].partnerAction?.text[locale] ?? null
}

/**
 * Whom the partner's suggested action names: the partner administrator for a permission the
 * role lacks, the ecosystem manager for a capability the partner lacks; null when nobody.
 *
 * @example
 * partnerContact('PERMISSION_DENIED') // 'PARTNER_ADMIN'
 * partnerContact('REFERRAL_NOT_ENABLED') // 'ECOSYSTEM_MANAGER'
 */
export function partnerContact(code: FailureCode): ActionContact | null {
  const key = FAILURE_CATALOGUE[code].partnerAction?.key
  return (key && ACTION_CONTACTS[key]) ?? null
}

/**
 * The text of the customer's suggested action, or null when the catalogue has none ("—").
 *
 * @example
 * customerAction('LINK_EXPIRED', 'zh-CN') // '请联系合作伙伴重新发送邀请。'
 */
export function customerAction(code: FailureCode, locale: Locale): string | null {
  return FAILURE_CATALOGUE[code].customerAction?.text[locale] ?? null
}

/**
 * The HTTP status of a code; `DELIVERY_FAILED` (dispatcher only) has none.
 *
 * @example
 * httpStatusOf('RESEND_COOLDOWN') // 429
 */
export function httpStatusOf(code: FailureCode): number | null {
  return FAILURE_CATALOGUE[code].httpStatus
}
