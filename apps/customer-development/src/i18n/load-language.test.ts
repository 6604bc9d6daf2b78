import { describe, expect, it } from 'vitest'
import { createModuleI18n, loadLanguage } from './index'

describe('loadLanguage: languages besides English load on first use', () => {
  it('starts with English only, adds Chinese once, and translates with it', async () => {
    const i18n = createModuleI18n('zh-CN')
    expect(i18n.global.availableLocales).toEqual(['en'])
    // Until Chinese is in, English is the fallback (the module awaits it before rendering).
    expect(i18n.global.t('columns.status')).toBe('Status')
    await loadLanguage(i18n, 'zh-CN')
    await loadLanguage(i18n, 'zh-CN')
    expect([...i18n.global.availableLocales].sort()).toEqual(['en', 'zh-CN'])
    expect(i18n.global.t('columns.status')).toBe('状态')
  })

  it('needs nothing for English', async () => {
    const i18n = createModuleI18n('en')
    await loadLanguage(i18n, 'en')
    expect(i18n.global.availableLocales).toEqual(['en'])
  })
})
