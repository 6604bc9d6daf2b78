import type { PortalMessages } from './en'

/** Portal strings (Simplified Chinese). */
export const zhCN = {
  title: '合作伙伴邀请',
  language: '语言',
  loading: '正在校验您的邀请…',
  noLink: '请打开邀请邮件中的链接以继续。',
  invitedBy: '{partner} 邀请您关联 {platform} 账号',
  typeLabel: '关联类型',
  invitedEmail: '受邀邮箱',
  expires: '链接失效时间',
  utc: 'UTC',
  createAccount: '注册新账号',
  haveAccount: '我已有账号',
  register: {
    heading: '注册 {platform} 账号',
    email: '邮箱',
    name: '姓名',
    password: '密码',
    passwordHint: '至少 10 个字符。',
    mobile: '手机号码(选填)',
    mobileHint: '请包含国家代码,例如 +86 138 0000 0000',
    terms: '我已阅读并同意《用户协议》和《隐私政策》',
    submit: '注册',
  },
  signIn: {
    heading: '登录 {platform}',
    email: '邮箱',
    password: '密码',
    submit: '登录',
  },
  accept: {
    heading: '关联合作伙伴 {partner}',
    signedInAs: '当前登录:{email}',
    instructions: '我已阅读并同意《合作伙伴关联须知》',
    showInstructions: '阅读《合作伙伴关联须知》',
    instructionsText: [
      '平台将与合作伙伴共享您账号的联系信息和使用情况。',
      '日后解除关联需要合作伙伴同意。',
    ],
    submit: '接受并关联',
    signOut: '退出登录',
  },
  mismatch: {
    action: '退出并继续',
  },
  result: {
    success: '您已成功关联 {partner}',
    type: '关联类型:{type}',
    at: '关联时间:{time}',
    console: '前往控制台',
    partnerContact: '您的合作伙伴:{partner}({contact})',
    tryAgain: '重试',
  },
  renewal: {
    ask: '请 {partner} 重新发送邀请',
    done: '已通知 {partner},对方可以为您重新发送邀请。',
  },
  fieldRequired: '此项为必填项。',
  passwordTooShort: '请至少输入 10 个字符。',
  mobileInvalid: '请输入包含国家代码的手机号码,例如 +86 138 0000 0000。',
  termsRequired: '请勾选同意后继续。',
} satisfies PortalMessages
