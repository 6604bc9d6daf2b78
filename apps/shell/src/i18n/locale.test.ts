import { describe, expect, it } from 'vitest'
import { en } from './en'
import { initialLocale, saveLocale } from './index'
import { zhCN } from './zh-CN'

function memoryStorage(): Storage {
  const values = new Map<string, string>()
  return {
    get length() {
      return values.size
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => values.delete(key),
    setItem: (key, value) => values.set(key, value),
  }
}

describe('shell locale', () => {
  it('remembers the chosen language for the next visit', () => {
    const storage = memoryStorage()
    saveLocale('zh-CN', storage)
    expect(initialLocale(storage)).toBe('zh-CN')
    saveLocale('en', storage)
    expect(initialLocale(storage)).toBe('en')
  })

  it('ignores a stored value that is not a supported language', () => {
    const storage = memoryStorage()
    storage.setItem('partner-center.locale', 'fr')
    expect(['en', 'zh-CN']).toContain(initialLocale(storage))
  })

  it('translates every navigation label into Chinese', () => {
    for (const key of Object.keys(en.nav) as (keyof typeof en.nav)[]) {
      expect(zhCN.nav[key]).not.toBe(en.nav[key])
    }
  })
})
