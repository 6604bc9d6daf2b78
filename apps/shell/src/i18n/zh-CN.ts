import type { ShellMessages } from './en'

/** Shell strings (Simplified Chinese). */
export const zhCN = {
  brand: '合作伙伴中心',
  nav: {
    sales: '销售',
    leads: '线索与商机',
    customerDevelopment: '客户拓展',
    partners: '合作伙伴',
    mailbox: '邮箱',
    signOut: '退出登录',
    language: '语言',
  },
  signIn: {
    title: '登录合作伙伴中心',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    failed: '登录失败。',
  },
  home: {
    welcome: '欢迎,{name}',
    hint: '请打开 销售 › 线索与商机 › 客户拓展 来拓展客户。',
  },
  mfe: {
    loading: '正在加载客户拓展…',
    unavailable: '客户拓展暂时不可用。',
    retry: '重试',
    notEnabled: '贵单位未开通客户拓展功能,请联系您的生态经理。',
  },
} satisfies ShellMessages
