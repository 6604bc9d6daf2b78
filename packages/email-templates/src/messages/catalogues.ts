import type { Locale } from '../types'
import type { EmailMessages } from './email-messages'
import { en } from './en'
import { zhCN } from './zh-CN'

/**
 * Every locale's catalogue; the `Record<Locale, …>` type makes a missing locale a type error.
 *
 * @example
 * catalogues['zh-CN'].typeNames.referral // '顾问销售'
 */
export const catalogues: Record<Locale, EmailMessages> = { en, 'zh-CN': zhCN }
