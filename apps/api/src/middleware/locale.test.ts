import { describe, expect, it } from 'vitest'
import { pickLocale } from './locale'

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR,zh;q=0.5,en;q=0.4', 'zh-CN'],
    ['de', 'en'],
    ['zh;q=0, en', 'en'],
  ] as const)('answers %s with %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected)
  })
})
