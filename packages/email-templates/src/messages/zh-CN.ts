import { typeDefinitions, typeNames, typeNotes } from './association-type-texts.js'
import type { EmailMessages } from './email-messages.js'

/**
 * Simplified Chinese email strings (domain.md §9.4–§9.6, verbatim, including its ASCII
 * punctuation in `,`, `:` and `(UTC)`).
 *
 * @example
 * interpolate(zhCN.invitation.heading, { partner: 'Alpha' }) // '来自 Alpha 的邀请'
 */
export const zhCN = {
  typeNames: typeNames('zh-CN'),
  invitation: {
    subject: '{partner} 邀请您关联 {platform} 账号',
    heading: '来自 {partner} 的邀请',
    greeting: '{customer},您好:',
    typeSentence: '{partner} 希望以「{type}」模式与您在 {platform} 上开展合作。',
    typeExplanation: typeDefinitions('zh-CN'),
    typeNote: typeNotes('zh-CN'),
    button: '查看邀请',
    pasteLink: '如按钮无法打开,请将以下链接复制到浏览器:{link}',
    expiry: '该链接仅可使用一次,将于 {expires} 失效。请使用 {email} 注册或登录。',
    notExpecting: '如果这封邮件并非您所期待的,请忽略;除非您接受邀请,否则不会产生任何变化。',
    footer: '本邮件由 {platform} 合作伙伴中心代 {partner}({contact})发送。',
  },
  associationSuccess: {
    subject: '您已成功关联合作伙伴 {partner}',
    body: '您的 {platform} 账号 {email} 已于 {associatedAt} 以「{type}」模式关联 {partner}。',
    extra: {
      reseller:
        '在 {partner} 为您设置预算之前,您的账号将保持冻结。如需尽快使用资源,请联系 {contact}。',
      referral: '您将继续直接向 {platform} 付款。',
    },
  },
  renewalRequest: {
    subject: '客户请求重新发送邀请',
    body: '{maskedEmail} 无法使用您的邀请({reason}),请求重新发送。请在“历史记录”中重新发送。',
  },
} as const satisfies EmailMessages
