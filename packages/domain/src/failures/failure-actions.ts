import type { LocalizedText } from '../core/locale'

/**
 * Keys of the suggested actions (domain.md §6.1). A code names one action for the partner page
 * and one for the customer portal.
 *
 * @example
 * ACTION_KEYS.includes('RESEND') // true
 */
export const ACTION_KEYS = [
  'RESEND',
  'NOT_POSSIBLE',
  'NONE',
  'PREREGISTER_AGAIN',
  'REVIEW_ROUTE',
  'CONTACT_EM',
  'ASK_ADMIN',
  'FIX_INPUT',
  'RETRY_LATER',
  'RETRY_SHORTLY',
  'FREE_QUOTA',
  'USE_REFERRAL',
  'USE_RESELLER_OR_EM',
  'CONFIRM_EMAIL',
  'CHECK_AND_RESEND',
  'SETTLE_THEN_RESEND',
  'SELECT_FEWER',
  'RELOAD',
  'SIGN_IN',
  'ASK_PARTNER_NEW',
  'USE_LATEST_EMAIL',
  'ALREADY_DONE',
  'CONTACT_PARTNER',
  'CONTACT_SUPPORT',
  'END_CURRENT',
  'SWITCH_ACCOUNT',
  'PAY_BILLS',
  'ACCEPT_INSTRUCTIONS',
  'USE_SIGN_IN',
  'CHECK_CREDENTIALS',
  'ASK_PARTNER_LINK',
  'SHARE_ACTIVE_LINK',
  'CHECK_CODE',
  'REQUEST_CODE',
  'VERIFY_EMAIL',
  'REVOKE_UNUSED_KEY',
  'NEW_API_KEY',
  'SIGN_IN_AS_PERSON',
  'USE_PUBLIC_URL',
  'DELETE_UNUSED_ENDPOINT',
  'ENABLE_ENDPOINT',
] as const

/**
 * One suggested action key.
 *
 * @example
 * const key: ActionKey = 'RETRY_LATER'
 */
export type ActionKey = (typeof ACTION_KEYS)[number]

/**
 * The text of every action in both languages, exactly as in §6.1.
 *
 * @example
 * ACTION_TEXTS.RESEND.en // 'Send the invitation email again.'
 */
export const ACTION_TEXTS: Readonly<Record<ActionKey, LocalizedText>> = {
  RESEND: { en: 'Send the invitation email again.', 'zh-CN': '重新发送邀请邮件。' },
  NOT_POSSIBLE: { en: 'Not possible.', 'zh-CN': '无法处理。' },
  NONE: { en: 'No action needed.', 'zh-CN': '无需处理。' },
  PREREGISTER_AGAIN: {
    en: 'Pre-register the customer again, then invite.',
    'zh-CN': '请重新报备该客户后再邀请。',
  },
  REVIEW_ROUTE: {
    en: 'Not possible by invitation; pre-register the customer again to request a manual review.',
    'zh-CN': '无法直接通过邀请关联;请重新报备该客户以申请人工审核。',
  },
  CONTACT_EM: { en: 'Contact your ecosystem manager.', 'zh-CN': '请联系您的生态经理。' },
  ASK_ADMIN: {
    en: 'Ask your partner administrator to give your role this permission.',
    'zh-CN': '请联系本单位管理员为您的角色开通该权限。',
  },
  FIX_INPUT: {
    en: 'Correct the marked fields and try again.',
    'zh-CN': '请修改标出的字段后重试。',
  },
  RETRY_LATER: { en: 'Try again after the time shown.', 'zh-CN': '请在提示的时间之后重试。' },
  RETRY_SHORTLY: {
    en: 'Try again in a few minutes; if it persists, contact platform support.',
    'zh-CN': '请几分钟后重试;如仍失败,请联系平台客服。',
  },
  FREE_QUOTA: {
    en: 'Delete pre-registrations you no longer need, wait for some to expire, or ask your ecosystem manager for a higher quota.',
    'zh-CN': '请删除不再需要的报备、等待部分报备失效,或联系生态经理提高名额。',
  },
  USE_REFERRAL: {
    en: 'Invite in the referral model; if it is not enabled for you, ask your ecosystem manager to apply for it.',
    'zh-CN': '请改用顾问销售模式邀请;如未开通,请联系您的生态经理申请权限。',
  },
  USE_RESELLER_OR_EM: {
    en: 'Use the reseller model, or ask your ecosystem manager to apply for the referral permission.',
    'zh-CN': '请改用代售模式,或联系您的生态经理申请顾问销售权限。',
  },
  CONFIRM_EMAIL: {
    en: "Confirm the customer's email; if it changed, pre-register again with the new address.",
    'zh-CN': '请与客户确认邮箱;如已变更,请使用新邮箱重新报备。',
  },
  CHECK_AND_RESEND: {
    en: 'Check the email address with the customer, then send the invitation email again.',
    'zh-CN': '请与客户核对邮箱后,重新发送邀请邮件。',
  },
  SETTLE_THEN_RESEND: {
    en: 'Ask the customer to settle the bills, then send the invitation email again.',
    'zh-CN': '请客户结清账单后,重新发送邀请邮件。',
  },
  SELECT_FEWER: {
    en: 'Select at most 100 customers and try again.',
    'zh-CN': '请最多选择 100 个客户后重试。',
  },
  RELOAD: { en: 'Reload the page and try again.', 'zh-CN': '请刷新页面后重试。' },
  SIGN_IN: { en: 'Sign in and try again.', 'zh-CN': '请登录后重试。' },
  ASK_PARTNER_NEW: {
    en: 'Ask your partner to send a new invitation.',
    'zh-CN': '请联系合作伙伴重新发送邀请。',
  },
  USE_LATEST_EMAIL: {
    en: 'Open the most recent invitation email from this partner.',
    'zh-CN': '请打开该合作伙伴发送的最新邀请邮件。',
  },
  ALREADY_DONE: {
    en: 'This invitation was already accepted; sign in to your console.',
    'zh-CN': '该邀请已被接受,请直接登录控制台。',
  },
  CONTACT_PARTNER: { en: 'Contact your partner.', 'zh-CN': '请联系您的合作伙伴。' },
  CONTACT_SUPPORT: { en: 'Contact platform support.', 'zh-CN': '请联系平台客服。' },
  END_CURRENT: {
    en: 'To change partner, end your current association first.',
    'zh-CN': '如需更换合作伙伴,请先解除当前关联。',
  },
  SWITCH_ACCOUNT: {
    en: 'Sign out, then sign in or register with the invited email address.',
    'zh-CN': '请退出当前账号,使用受邀邮箱登录或注册。',
  },
  PAY_BILLS: {
    en: 'Pay your outstanding bills, then ask your partner for a new invitation.',
    'zh-CN': '请结清未付账单后,联系合作伙伴重新发送邀请。',
  },
  ACCEPT_INSTRUCTIONS: {
    en: 'Read and accept the partner association instructions.',
    'zh-CN': '请阅读并勾选同意合作伙伴关联须知。',
  },
  USE_SIGN_IN: {
    en: 'Sign in with this email instead of registering.',
    'zh-CN': '请直接使用该邮箱登录,无需重新注册。',
  },
  CHECK_CREDENTIALS: { en: 'Check your email and password.', 'zh-CN': '请检查邮箱和密码。' },
  ASK_PARTNER_LINK: {
    en: 'Ask the partner for a new link.',
    'zh-CN': '请联系合作伙伴获取新的链接。',
  },
  SHARE_ACTIVE_LINK: {
    en: 'Give the customer an invitation link or QR code that is active.',
    'zh-CN': '请向客户提供有效的邀请链接或二维码。',
  },
  CHECK_CODE: {
    en: 'Check the code in the latest email and enter it again.',
    'zh-CN': '请核对最新邮件中的验证码后重新输入。',
  },
  REQUEST_CODE: {
    en: 'Request a new code and enter it within 10 minutes.',
    'zh-CN': '请重新获取验证码,并在 10 分钟内输入。',
  },
  VERIFY_EMAIL: {
    en: 'Request a code by email and enter it to confirm your address.',
    'zh-CN': '请获取邮件验证码并输入,以验证您的邮箱。',
  },
  REVOKE_UNUSED_KEY: {
    en: 'Revoke an API key you no longer need, then try again.',
    'zh-CN': '请吊销不再需要的 API 密钥后重试。',
  },
  NEW_API_KEY: {
    en: "Ask whoever manages your organisation's API keys for a new key.",
    'zh-CN': '请联系贵单位的 API 密钥管理人员获取新密钥。',
  },
  SIGN_IN_AS_PERSON: {
    en: 'Sign in to Partner Center with your own account to do this.',
    'zh-CN': '请使用您本人的账号登录合作伙伴中心后操作。',
  },
  USE_PUBLIC_URL: {
    en: 'Use a public https address of your receiver that the internet can reach.',
    'zh-CN': '请使用可从互联网访问的接收端公网 https 地址。',
  },
  DELETE_UNUSED_ENDPOINT: {
    en: 'Delete an endpoint you no longer need, then try again.',
    'zh-CN': '请删除不再需要的端点后重试。',
  },
  ENABLE_ENDPOINT: {
    en: 'Enable the endpoint, then try again.',
    'zh-CN': '请先启用该端点后重试。',
  },
}

/**
 * Whom a partner action sends the user to: the partner administrator for a permission the
 * user's role lacks, the ecosystem manager for a capability or limit of the partner (§6.1).
 *
 * @example
 * const contact: ActionContact = 'ECOSYSTEM_MANAGER'
 */
export type ActionContact = 'PARTNER_ADMIN' | 'ECOSYSTEM_MANAGER'

/**
 * The actions that name someone to contact, and whom; every other action names nobody. The
 * partner page adds the ecosystem manager's name and email (from `GET /me`) where it is known.
 *
 * @example
 * ACTION_CONTACTS.ASK_ADMIN // 'PARTNER_ADMIN'
 */
export const ACTION_CONTACTS: Readonly<Partial<Record<ActionKey, ActionContact>>> = {
  ASK_ADMIN: 'PARTNER_ADMIN',
  CONTACT_EM: 'ECOSYSTEM_MANAGER',
  FREE_QUOTA: 'ECOSYSTEM_MANAGER',
  USE_REFERRAL: 'ECOSYSTEM_MANAGER',
  USE_RESELLER_OR_EM: 'ECOSYSTEM_MANAGER',
}
