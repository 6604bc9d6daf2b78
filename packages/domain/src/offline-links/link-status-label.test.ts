import { describe, expect, it } from 'vitest'
import { INVITATION_LINK_STATUSES } from '../core/statuses'
import { invitationLinkStatusLabel } from './link-status-label'

describe('invitation link status labels (§12.3.1)', () => {
  it('names every status in both languages as the document does', () => {
    expect(INVITATION_LINK_STATUSES.map((s) => invitationLinkStatusLabel(s, 'en'))).toEqual([
      'Active',
      'Disabled',
      'Expired',
      'Reset',
    ])
    expect(INVITATION_LINK_STATUSES.map((s) => invitationLinkStatusLabel(s, 'zh-CN'))).toEqual([
      '生效中',
      '已停用',
      '已过期',
      '已重置',
    ])
  })
})
