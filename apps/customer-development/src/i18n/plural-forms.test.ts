import { describe, expect, it } from 'vitest'
import { createModuleI18n, loadLanguage } from './index'

// Issue 16 item 6: day counts are real plurals ("1 day left", not "1 days left"); Chinese has one
// form for every count. Item 7: the preview's "Subject" label carries its own spacing.
async function translator(locale: 'en' | 'zh-CN') {
  const i18n = createModuleI18n(locale)
  await loadLanguage(i18n, locale)
  return i18n.global
}

describe('plural forms of the day texts', () => {
  it.each([
    [1, '1 day', '1 day left'],
    [5, '5 days', '5 days left'],
    [0, '0 days', '0 days left'],
  ])('English says %i as %j and %j', async (n, days, left) => {
    const { t } = await translator('en')
    expect(t('days', n)).toBe(days)
    expect(t('daysLeft', n)).toBe(left)
  })

  it.each([1, 5])('Chinese says %i days with its one form', async (n) => {
    const { t } = await translator('zh-CN')
    expect(t('days', n)).toBe(`${n} 天`)
    expect(t('daysLeft', n)).toBe(`剩余 ${n} 天`)
  })

  it('fills a sentence with the plural of its limit', async () => {
    const en = await translator('en')
    expect(en.t('invite.validityNote', { days: en.t('days', 1) })).toBe(
      'Each link works once and stops working 1 day after it is sent. Ask your customers to act before then.'
    )
    const zh = await translator('zh-CN')
    expect(zh.t('invite.validityNote', { days: zh.t('days', 5) })).toBe(
      '每个链接仅可使用一次,发送后 5 天失效。请提醒客户在此之前完成操作。'
    )
  })
})

describe('the preview subject label', () => {
  it('ends in a colon and a space in English, in the full-width colon alone in Chinese', async () => {
    expect((await translator('en')).t('preview.subject')).toBe('Subject: ')
    expect((await translator('zh-CN')).t('preview.subject')).toBe('主题:')
  })
})
