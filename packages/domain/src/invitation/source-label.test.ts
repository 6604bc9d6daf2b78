import { describe, expect, it } from 'vitest'
import { INVITATION_CHANNELS } from '../core/value-lists'
import { invitationChannelLabel, invitationSourceLabel } from './source-label'

describe('History Records source (R111)', () => {
  it('names every channel in both languages, as docs R111 writes them', () => {
    expect(INVITATION_CHANNELS.map((channel) => invitationChannelLabel(channel, 'en'))).toEqual([
      'Email',
      'General link',
      'Custom link',
    ])
    expect(INVITATION_CHANNELS.map((channel) => invitationChannelLabel(channel, 'zh-CN'))).toEqual([
      '邮件邀请',
      '通用邀请链接',
      '自定义邀请链接',
    ])
  })

  it.each([
    ['email', null, 'en', 'Email'],
    ['general_link', 'admin@acme.example', 'en', 'General link: admin@acme.example'],
    ['custom_link', '北京展会', 'zh-CN', '自定义邀请链接:北京展会'],
    ['custom_link', null, 'en', 'Custom link'],
  ] as const)('labels a %s row tagged %s in %s as "%s"', (channel, linkTag, locale, label) => {
    expect(invitationSourceLabel({ channel, linkTag }, locale)).toBe(label)
  })
})
