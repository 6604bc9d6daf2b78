import { describe, expect, it } from 'vitest'
import { ACTION_CONTACTS, ACTION_KEYS, ACTION_TEXTS } from './failure-actions'
import {
  customerAction,
  FAILURE_CATALOGUE,
  failureMessage,
  getFailure,
  httpStatusOf,
  partnerAction,
  partnerContact,
} from './failure-catalogue'
import type { FailureCode } from './failure-codes'
import { FAILURE_CODES, isFailureCode } from './failure-codes'

// [code, HTTP status, partner action, customer action] exactly as domain.md §6.2.
const TABLE: [FailureCode, number | null, string | null, string | null][] = [
  ['LINK_NOT_FOUND', 404, 'RESEND', 'ASK_PARTNER_NEW'],
  ['LINK_EXPIRED', 410, 'RESEND', 'ASK_PARTNER_NEW'],
  ['LINK_ALREADY_USED', 409, 'NONE', 'ALREADY_DONE'],
  ['LINK_SUPERSEDED', 410, 'NONE', 'USE_LATEST_EMAIL'],
  ['LINK_REVOKED', 410, 'PREREGISTER_AGAIN', 'CONTACT_PARTNER'],
  ['CUSTOMER_DEVELOPMENT_NOT_ENABLED', 403, 'CONTACT_EM', 'CONTACT_PARTNER'],
  ['REFERRAL_NOT_ENABLED', 403, 'USE_RESELLER_OR_EM', 'CONTACT_PARTNER'],
  ['PREPAID_PARTNER_RESELLER', 403, 'USE_REFERRAL', 'CONTACT_PARTNER'],
  ['PERMISSION_DENIED', 403, 'ASK_ADMIN', null],
  ['NOT_AUTHENTICATED', 401, 'SIGN_IN', 'SIGN_IN'],
  ['INVALID_CREDENTIALS', 401, 'CHECK_CREDENTIALS', 'CHECK_CREDENTIALS'],
  ['NOT_FOUND', 404, 'RELOAD', null],
  ['VALIDATION_FAILED', 400, 'FIX_INPUT', 'FIX_INPUT'],
  ['PAYLOAD_TOO_LARGE', 413, 'SELECT_FEWER', null],
  ['RATE_LIMITED', 429, 'RETRY_LATER', 'RETRY_LATER'],
  ['SYSTEM_BUSY', 503, 'RETRY_SHORTLY', 'RETRY_SHORTLY'],
  ['INTERNAL', 500, 'CONTACT_SUPPORT', 'CONTACT_SUPPORT'],
  ['PARTNER_CONTACT_MISSING', 422, 'CONTACT_EM', null],
  ['IDENTITY_AMBIGUOUS', 422, 'FIX_INPUT', null],
  ['QUOTA_EXCEEDED', 409, 'FREE_QUOTA', null],
  ['ALREADY_PREREGISTERED', 409, 'NONE', null],
  ['PREREGISTERED_BY_ANOTHER_PARTNER', 409, 'NOT_POSSIBLE', 'CONTACT_PARTNER'],
  ['ALREADY_ASSOCIATED', 409, 'NOT_POSSIBLE', 'END_CURRENT'],
  ['CUSTOMER_IS_PARTNER', 422, 'NOT_POSSIBLE', 'CONTACT_SUPPORT'],
  ['SPECIAL_CONTRACT', 422, 'NOT_POSSIBLE', 'CONTACT_SUPPORT'],
  ['ACCOUNT_TOO_OLD_OR_HAS_SPEND', 422, 'REVIEW_ROUTE', 'CONTACT_PARTNER'],
  ['UNPAID_BILLS', 422, 'SETTLE_THEN_RESEND', 'PAY_BILLS'],
  ['RESELLER_BLOCKED_PROFESSIONAL_SERVICE', 422, 'USE_REFERRAL', 'CONTACT_PARTNER'],
  ['RESELLER_BLOCKED_RESERVED_INSTANCES', 422, 'USE_REFERRAL', 'CONTACT_PARTNER'],
  ['RESELLER_BLOCKED_ENTERPRISE_MEMBER', 422, 'USE_REFERRAL', 'CONTACT_PARTNER'],
  ['RESELLER_BLOCKED_MASTER_WITH_MEMBERS', 422, 'USE_REFERRAL', 'CONTACT_PARTNER'],
  ['PREREGISTRATION_NOT_ACTIVE', 409, 'PREREGISTER_AGAIN', null],
  ['PREREGISTRATION_NOT_DELETABLE', 409, 'NONE', null],
  ['EMAIL_REQUIRED', 422, 'PREREGISTER_AGAIN', null],
  ['RESEND_COOLDOWN', 429, 'RETRY_LATER', null],
  ['RECIPIENT_DAILY_CAP', 429, 'RETRY_LATER', null],
  ['PARTNER_DAILY_CAP', 429, 'RETRY_LATER', null],
  ['BATCH_TOO_LARGE', 422, 'SELECT_FEWER', null],
  ['IDEMPOTENCY_KEY_REUSED', 422, 'RELOAD', null],
  ['RECIPIENT_MISMATCH', 403, 'CONFIRM_EMAIL', 'SWITCH_ACCOUNT'],
  ['AGREEMENT_REQUIRED', 422, null, 'ACCEPT_INSTRUCTIONS'],
  ['ACCOUNT_EXISTS', 409, null, 'USE_SIGN_IN'],
  ['DELIVERY_FAILED', null, 'CHECK_AND_RESEND', null],
  ['NON_ASCII_LOCAL_PART', 400, 'FIX_INPUT', 'FIX_INPUT'],
  ['MIXED_SCRIPT_DOMAIN', 400, 'FIX_INPUT', 'FIX_INPUT'],
  ['IDENTITY_MERGED', null, 'NONE', null],
  ['OFFLINE_LINK_DISABLED', 410, 'SHARE_ACTIVE_LINK', 'ASK_PARTNER_LINK'],
  ['OFFLINE_LINK_RESET', 410, 'SHARE_ACTIVE_LINK', 'ASK_PARTNER_LINK'],
  ['OFFLINE_LINK_EXPIRED', 410, 'SHARE_ACTIVE_LINK', 'ASK_PARTNER_LINK'],
  ['LINK_TAG_INVALID', 400, 'FIX_INPUT', null],
  ['LINK_TAG_TAKEN', 409, 'FIX_INPUT', null],
  ['EMAIL_CODE_INVALID', 422, null, 'CHECK_CODE'],
  ['EMAIL_CODE_EXPIRED', 410, null, 'REQUEST_CODE'],
  ['EMAIL_CODE_TRIES_EXHAUSTED', 410, null, 'REQUEST_CODE'],
  ['EMAIL_CODE_LIMIT', 429, null, 'RETRY_LATER'],
  ['EMAIL_NOT_VERIFIED', 403, null, 'VERIFY_EMAIL'],
  ['LINK_ASSOCIATED', null, 'NONE', null],
  ['API_KEY_LIMIT', 409, 'REVOKE_UNUSED_KEY', null],
  ['API_KEY_REVOKED', 401, 'NEW_API_KEY', null],
  ['API_KEY_NOT_ALLOWED', 403, 'SIGN_IN_AS_PERSON', null],
  ['WEBHOOK_URL_INVALID', 400, 'FIX_INPUT', null],
  ['WEBHOOK_URL_NOT_ALLOWED', 422, 'USE_PUBLIC_URL', null],
  ['WEBHOOK_ENDPOINT_LIMIT', 409, 'DELETE_UNUSED_ENDPOINT', null],
  ['WEBHOOK_ENDPOINT_DISABLED', 409, 'ENABLE_ENDPOINT', null],
]

describe('failure catalogue', () => {
  it('lists every code of §6.2 once, in catalogue order', () => {
    expect(FAILURE_CODES).toEqual(TABLE.map(([code]) => code))
    expect(new Set(FAILURE_CODES).size).toBe(FAILURE_CODES.length)
  })

  it.each(TABLE)('gives %s status %s and actions %s / %s', (code, status, partner, customer) => {
    const entry = getFailure(code)
    expect(entry.code).toBe(code)
    expect(entry.httpStatus).toBe(status)
    expect(httpStatusOf(code)).toBe(status)
    expect(entry.partnerAction?.key ?? null).toBe(partner)
    expect(entry.customerAction?.key ?? null).toBe(customer)
    expect(entry.raisedBy.length).toBeGreaterThan(0)
  })

  it.each(FAILURE_CODES)('has an English and a Chinese message and an action for %s', (code) => {
    expect(failureMessage(code, 'en')).toMatch(/^[A-Z].*\.$/)
    expect(failureMessage(code, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
    expect(failureMessage(code, 'zh-CN')).toMatch(/。$/)
    const actions = [partnerAction(code, 'en'), customerAction(code, 'en')]
    expect(actions.some((a) => a !== null)).toBe(true)
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(partnerAction(code, locale) === null).toBe(getFailure(code).partnerAction === null)
      expect(customerAction(code, locale) === null).toBe(getFailure(code).customerAction === null)
    }
  })

  it('quotes the catalogue texts exactly', () => {
    expect(failureMessage('LINK_EXPIRED', 'en')).toBe('This invitation link has expired.')
    expect(failureMessage('QUOTA_EXCEEDED', 'zh-CN')).toBe('报备数量已达上限。')
    expect(partnerAction('LINK_EXPIRED', 'en')).toBe('Send the invitation email again.')
    expect(customerAction('LINK_EXPIRED', 'zh-CN')).toBe('请联系合作伙伴重新发送邀请。')
    expect(partnerAction('AGREEMENT_REQUIRED', 'en')).toBeNull()
    expect(customerAction('NOT_FOUND', 'en')).toBeNull()
  })

  it('has no HTTP status only for DELIVERY_FAILED, IDENTITY_MERGED and LINK_ASSOCIATED', () => {
    const withoutStatus = FAILURE_CODES.filter(
      (code) => FAILURE_CATALOGUE[code].httpStatus === null
    )
    expect(withoutStatus).toEqual(['DELIVERY_FAILED', 'IDENTITY_MERGED', 'LINK_ASSOCIATED'])
  })

  it('has both texts for every action of §6.1', () => {
    expect(ACTION_KEYS).toHaveLength(41)
    for (const key of ACTION_KEYS) {
      expect(ACTION_TEXTS[key].en).toMatch(/\.$/)
      expect(ACTION_TEXTS[key]['zh-CN']).toMatch(/。$/)
    }
  })

  it.each([
    ['PERMISSION_DENIED', 'PARTNER_ADMIN', 'partner administrator', '管理员'],
    ['CUSTOMER_DEVELOPMENT_NOT_ENABLED', 'ECOSYSTEM_MANAGER', 'ecosystem manager', '生态经理'],
    ['REFERRAL_NOT_ENABLED', 'ECOSYSTEM_MANAGER', 'ecosystem manager', '生态经理'],
    ['PREPAID_PARTNER_RESELLER', 'ECOSYSTEM_MANAGER', 'ecosystem manager', '生态经理'],
    ['PARTNER_CONTACT_MISSING', 'ECOSYSTEM_MANAGER', 'ecosystem manager', '生态经理'],
    ['QUOTA_EXCEEDED', 'ECOSYSTEM_MANAGER', 'ecosystem manager', '生态经理'],
  ] as const)('tells whom to contact for %s: %s', (code, contact, en, zh) => {
    expect(partnerContact(code)).toBe(contact)
    expect(partnerAction(code, 'en')).toContain(en)
    expect(partnerAction(code, 'zh-CN')).toContain(zh)
  })

  it('names nobody for a refusal no one can lift, nor for an action without a partner text', () => {
    expect(partnerContact('LINK_EXPIRED')).toBeNull()
    expect(partnerContact('AGREEMENT_REQUIRED')).toBeNull()
  })

  it('marks exactly the actions whose texts name the administrator or the ecosystem manager', () => {
    for (const key of ACTION_KEYS) {
      const { en, 'zh-CN': zh } = ACTION_TEXTS[key]
      const named =
        en.includes('ecosystem manager') && zh.includes('生态经理')
          ? 'ECOSYSTEM_MANAGER'
          : en.includes('partner administrator') && zh.includes('管理员')
            ? 'PARTNER_ADMIN'
            : undefined
      expect({ key, contact: ACTION_CONTACTS[key] }).toEqual({ key, contact: named })
    }
  })

  it('recognises catalogue codes only', () => {
    expect(isFailureCode('LINK_EXPIRED')).toBe(true)
    expect(isFailureCode('INVALID_TRANSITION')).toBe(false)
    expect(isFailureCode(42)).toBe(false)
  })
})
