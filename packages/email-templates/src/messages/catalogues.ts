import type { Locale } from '../types.js'
import type { EmailMessages } from './email-messages.js'
import { en } from './en.js'
import { zhCN } from './zh-CN.js'

/**
 * Every locale's catalogue; the `Record<Locale, …>` type makes a missing locale a type error.
 *
 * @example
 * catalogues['zh-CN'].typeNames.referral // '顾问销售'
 */
export const catalogues: Record<Locale, EmailMessages> = { en, 'zh-CN': zhCN }
