import type { LocalizedText } from '../core/locale'
import type { FailureCode } from './failure-codes'

// Kept as two flat tables, one per language, so a translator can review one column at a time
// and a missing entry is a compile error.
const EN: Readonly<Record<FailureCode, string>> = {
  LINK_NOT_FOUND: 'This invitation link is not valid.',
  LINK_EXPIRED: 'This invitation link has expired.',
  LINK_ALREADY_USED: 'This invitation link has already been used.',
  LINK_SUPERSEDED: 'A newer invitation has replaced this link.',
  LINK_REVOKED: 'This invitation has been withdrawn.',
  CUSTOMER_DEVELOPMENT_NOT_ENABLED: 'Customer Development is not enabled for this partner.',
  REFERRAL_NOT_ENABLED: 'The referral model is not enabled for this partner.',
  PREPAID_PARTNER_RESELLER: 'Prepaid partners cannot invite customers in the reseller model.',
  PERMISSION_DENIED: 'Your role does not allow this.',
  NOT_AUTHENTICATED: 'Please sign in to continue.',
  INVALID_CREDENTIALS: 'The email or password is incorrect.',
  NOT_FOUND: 'The requested item does not exist.',
  VALIDATION_FAILED: 'Some fields are missing or invalid.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  RATE_LIMITED: 'Too many requests. Please wait and try again.',
  SYSTEM_BUSY: 'The system is busy. Please try again later.',
  INTERNAL: 'Something went wrong. Quote the reference when contacting support.',
  PARTNER_CONTACT_MISSING:
    'Add a contact email or mobile number to your partner profile before pre-registering customers.',
  IDENTITY_AMBIGUOUS: 'The email and the mobile number belong to two different accounts.',
  QUOTA_EXCEEDED: 'You have reached your pre-registration quota.',
  ALREADY_PREREGISTERED: 'Your organisation has already pre-registered this customer.',
  PREREGISTERED_BY_ANOTHER_PARTNER: 'This customer is pre-registered by another partner.',
  ALREADY_ASSOCIATED: 'This customer is already associated with a partner.',
  CUSTOMER_IS_PARTNER: 'This account is a partner account and cannot be associated as a customer.',
  SPECIAL_CONTRACT: 'This customer has a special contract with the platform.',
  ACCOUNT_TOO_OLD_OR_HAS_SPEND:
    'The account was registered more than 7 days ago or has cash spending.',
  UNPAID_BILLS: 'The account has unpaid bills.',
  RESELLER_BLOCKED_PROFESSIONAL_SERVICE:
    'Accounts with a professional service contract cannot be associated in the reseller model.',
  RESELLER_BLOCKED_RESERVED_INSTANCES:
    'Accounts with valid reserved instances cannot be associated in the reseller model.',
  RESELLER_BLOCKED_ENTERPRISE_MEMBER:
    'Enterprise member accounts cannot be associated in the reseller model.',
  RESELLER_BLOCKED_MASTER_WITH_MEMBERS:
    'Enterprise master accounts with member accounts cannot be associated in the reseller model.',
  PREREGISTRATION_NOT_ACTIVE: "This customer's pre-registration is not active.",
  PREREGISTRATION_NOT_DELETABLE:
    'The pre-registration of an associated customer cannot be deleted.',
  EMAIL_REQUIRED: 'An email address is required to send an email invitation.',
  RESEND_COOLDOWN: 'An invitation was sent to this customer less than 10 minutes ago.',
  RECIPIENT_DAILY_CAP:
    'This email address has received the maximum number of invitations in the last 24 hours.',
  PARTNER_DAILY_CAP: 'Your organisation has reached its invitation limit for the last 24 hours.',
  BATCH_TOO_LARGE: 'Select at most 100 customers per invitation.',
  IDEMPOTENCY_KEY_REUSED: 'This request key was already used for a different request.',
  RECIPIENT_MISMATCH: 'You are signed in with a different email address than the one invited.',
  AGREEMENT_REQUIRED: 'Please accept the partner association instructions to continue.',
  ACCOUNT_EXISTS: 'An account with this email address already exists.',
  DELIVERY_FAILED: 'The invitation email could not be delivered.',
  NON_ASCII_LOCAL_PART:
    'The part of the email address before the @ may only contain Latin letters, digits and the usual symbols.',
  MIXED_SCRIPT_DOMAIN:
    'The email domain mixes alphabets that look alike (for example Latin and Cyrillic letters); check the address.',
  IDENTITY_MERGED: 'Merged with an earlier pre-registration of the same customer.',
  OFFLINE_LINK_DISABLED: 'The partner has disabled this invitation link.',
  OFFLINE_LINK_RESET: 'This invitation link has been reset and no longer works.',
  OFFLINE_LINK_EXPIRED: 'This activity link has expired.',
  LINK_TAG_INVALID: 'A tag must have 1 to 32 characters and no control or format characters.',
  LINK_TAG_TAKEN: 'This tag is already used by another link or user of your organisation.',
  EMAIL_CODE_INVALID: 'The verification code is incorrect.',
  EMAIL_CODE_EXPIRED: 'The verification code has expired.',
  EMAIL_CODE_TRIES_EXHAUSTED: 'Too many incorrect codes were entered; this code no longer works.',
  EMAIL_CODE_LIMIT: 'Too many verification codes were requested for this email address.',
  EMAIL_NOT_VERIFIED: 'Confirm your email address before accepting through an invitation link.',
  LINK_ASSOCIATED: 'The customer associated through an invitation link or QR code.',
  API_KEY_LIMIT: 'You have reached the maximum number of active API keys.',
  API_KEY_REVOKED: 'This API key has been revoked.',
  API_KEY_NOT_ALLOWED: 'API keys cannot do this; sign in as a person to continue.',
  WEBHOOK_URL_INVALID:
    'The endpoint URL must be a complete https address without a user name, password or fragment.',
  WEBHOOK_URL_NOT_ALLOWED:
    'The endpoint URL points to a private, local or reserved network address.',
  WEBHOOK_ENDPOINT_LIMIT: 'You have reached the maximum number of webhook endpoints.',
  WEBHOOK_ENDPOINT_DISABLED: 'This endpoint is disabled.',
}

const ZH_CN: Readonly<Record<FailureCode, string>> = {
  LINK_NOT_FOUND: '该邀请链接无效。',
  LINK_EXPIRED: '该邀请链接已过期。',
  LINK_ALREADY_USED: '该邀请链接已被使用。',
  LINK_SUPERSEDED: '该邀请链接已被新的邀请替代。',
  LINK_REVOKED: '该邀请已被撤销。',
  CUSTOMER_DEVELOPMENT_NOT_ENABLED: '该合作伙伴未开通客户拓展功能。',
  REFERRAL_NOT_ENABLED: '该合作伙伴未开通顾问销售模式。',
  PREPAID_PARTNER_RESELLER: '预付费合作伙伴不能以代售模式邀请客户。',
  PERMISSION_DENIED: '您的角色无权执行此操作。',
  NOT_AUTHENTICATED: '请先登录。',
  INVALID_CREDENTIALS: '邮箱或密码错误。',
  NOT_FOUND: '请求的对象不存在。',
  VALIDATION_FAILED: '部分字段缺失或无效。',
  PAYLOAD_TOO_LARGE: '请求内容过大。',
  RATE_LIMITED: '请求过于频繁,请稍后重试。',
  SYSTEM_BUSY: '系统繁忙,请稍后重试。',
  INTERNAL: '系统出现错误。联系客服时请提供参考编号。',
  PARTNER_CONTACT_MISSING: '报备客户前,请先在合作伙伴信息中预留联系邮箱或手机号码。',
  IDENTITY_AMBIGUOUS: '该邮箱与手机号码分属两个不同的账号。',
  QUOTA_EXCEEDED: '报备数量已达上限。',
  ALREADY_PREREGISTERED: '贵单位已报备该客户。',
  PREREGISTERED_BY_ANOTHER_PARTNER: '该客户已被其他合作伙伴报备。',
  ALREADY_ASSOCIATED: '该客户已关联合作伙伴。',
  CUSTOMER_IS_PARTNER: '该账号为合作伙伴账号,不能作为客户关联。',
  SPECIAL_CONTRACT: '该客户已与平台签订特殊合同。',
  ACCOUNT_TOO_OLD_OR_HAS_SPEND: '该账号注册已超过 7 天或存在现金消费记录。',
  UNPAID_BILLS: '该账号存在未结清的账单。',
  RESELLER_BLOCKED_PROFESSIONAL_SERVICE: '签有专业服务合同的账号不能以代售模式关联。',
  RESELLER_BLOCKED_RESERVED_INSTANCES: '持有有效预留实例的账号不能以代售模式关联。',
  RESELLER_BLOCKED_ENTERPRISE_MEMBER: '企业成员账号不能以代售模式关联。',
  RESELLER_BLOCKED_MASTER_WITH_MEMBERS: '拥有成员账号的企业主账号不能以代售模式关联。',
  PREREGISTRATION_NOT_ACTIVE: '该客户的报备未处于有效状态。',
  PREREGISTRATION_NOT_DELETABLE: '已关联客户的报备不能删除。',
  EMAIL_REQUIRED: '发送邮件邀请需要客户邮箱。',
  RESEND_COOLDOWN: '10 分钟内已向该客户发送过邀请。',
  RECIPIENT_DAILY_CAP: '该邮箱在 24 小时内收到的邀请已达上限。',
  PARTNER_DAILY_CAP: '贵单位 24 小时内的邀请数量已达上限。',
  BATCH_TOO_LARGE: '每次最多邀请 100 个客户。',
  IDEMPOTENCY_KEY_REUSED: '该请求标识已用于其他请求。',
  RECIPIENT_MISMATCH: '当前登录账号的邮箱与受邀邮箱不一致。',
  AGREEMENT_REQUIRED: '请先同意合作伙伴关联须知。',
  ACCOUNT_EXISTS: '该邮箱已注册账号。',
  DELIVERY_FAILED: '邀请邮件发送失败。',
  NON_ASCII_LOCAL_PART: '邮箱地址中 @ 之前的部分只能包含拉丁字母、数字和常用符号。',
  MIXED_SCRIPT_DOMAIN: '邮箱域名混用了外形相似的不同文字（例如拉丁字母和西里尔字母），请检查地址。',
  IDENTITY_MERGED: '已与同一客户较早的报备合并。',
  OFFLINE_LINK_DISABLED: '合作伙伴已停用该邀请链接。',
  OFFLINE_LINK_RESET: '该邀请链接已被重置,不再有效。',
  OFFLINE_LINK_EXPIRED: '该活动链接已过期。',
  LINK_TAG_INVALID: '标签须为 1 至 32 个字符,且不能包含控制字符或格式字符。',
  LINK_TAG_TAKEN: '该标签已被贵单位的其他链接或用户使用。',
  EMAIL_CODE_INVALID: '验证码错误。',
  EMAIL_CODE_EXPIRED: '验证码已过期。',
  EMAIL_CODE_TRIES_EXHAUSTED: '验证码输入错误次数过多,该验证码已失效。',
  EMAIL_CODE_LIMIT: '该邮箱获取验证码过于频繁。',
  EMAIL_NOT_VERIFIED: '通过邀请链接接受关联前,请先验证您的邮箱。',
  LINK_ASSOCIATED: '客户已通过邀请链接或二维码关联。',
  API_KEY_LIMIT: '有效 API 密钥数量已达上限。',
  API_KEY_REVOKED: '该 API 密钥已被吊销。',
  API_KEY_NOT_ALLOWED: 'API 密钥无权执行此操作,请使用个人账号登录后操作。',
  WEBHOOK_URL_INVALID: '端点 URL 必须是完整的 https 地址,且不能包含用户名、密码或片段(#)。',
  WEBHOOK_URL_NOT_ALLOWED: '端点 URL 指向私有、本地或保留的网络地址。',
  WEBHOOK_ENDPOINT_LIMIT: 'Webhook 端点数量已达上限。',
  WEBHOOK_ENDPOINT_DISABLED: '该端点已停用。',
}

/**
 * The catalogue message of a code in one language (domain.md §6.2).
 *
 * @example
 * failureMessageText('LINK_EXPIRED').en // 'This invitation link has expired.'
 */
export function failureMessageText(code: FailureCode): LocalizedText {
  return { en: EN[code], 'zh-CN': ZH_CN[code] }
}
