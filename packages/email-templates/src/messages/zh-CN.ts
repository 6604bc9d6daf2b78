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
  reminder: {
    subject: '提醒:{partner} 的邀请将于 {expires} 失效',
    heading: '来自 {partner} 的邀请即将失效',
    greeting: '{customer},您好:',
    typeSentence:
      '{partner} 邀请您以「{type}」模式在 {platform} 上开展合作,该邀请在 {expires} 之前仍然有效。',
    typeExplanation: typeDefinitions('zh-CN'),
    typeNote: typeNotes('zh-CN'),
    button: '查看邀请',
    pasteLink: '如按钮无法打开,请将以下链接复制到浏览器:{link}',
    expiry: '请使用 {email} 注册或登录。之前的邀请邮件同样可用;{expires} 之后均将失效。',
    notExpecting:
      '如无意向,请忽略本邮件;除非您接受邀请,否则不会产生任何变化。这是唯一一封提醒邮件。',
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
  emailCode: {
    subject: '{code} 是您的 {platform} 验证码',
    intro: '请输入以下验证码以验证 {email},并继续处理来自 {partner} 的邀请:{code}',
    expiry: '验证码将于 {expires} 失效,最多可尝试 5 次。',
    ignore: '如果这不是您本人的操作,请忽略本邮件:没有验证码,不会创建账号,也不会产生任何变化。',
    footer: '本邮件由 {platform} 合作伙伴中心发送。',
  },
  emailCodeSignIn: {
    subject: '您已拥有 {platform} 账号',
    body: '有人尝试通过 {partner} 的邀请链接使用 {email} 注册。该邮箱已注册 {platform} 账号,因此未发送验证码:请在邀请页面直接登录后继续。',
    ignore: '如果这不是您本人的操作,请忽略本邮件;不会产生任何变化。',
    footer: '本邮件由 {platform} 合作伙伴中心发送。',
  },
  webhookEndpointDisabled: {
    subject: 'Webhook 端点连续 {hours} 小时发送失败,已停用',
    body: '自 {since} 起,合作伙伴中心无法向 {url}({description})发送事件,最近一次尝试的结果为:{outcome}。该端点已于 {disabledAt} 停用,不再接收新事件。',
    bodyWithoutDescription:
      '自 {since} 起,合作伙伴中心无法向 {url} 发送事件,最近一次尝试的结果为:{outcome}。该端点已于 {disabledAt} 停用,不再接收新事件。',
    action: '请修复接收端后,在 {page} 页面重新启用该端点,并在发送记录中重新发送所需的事件。',
    page: 'Webhook',
    footer: '本邮件由 {platform} 合作伙伴中心发送。',
  },
} as const satisfies EmailMessages
