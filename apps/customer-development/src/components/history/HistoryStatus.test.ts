import { describe, expect, it } from 'vitest'
import { fakeApi, fakeHistoryItem } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import HistoryStatus from './HistoryStatus.vue'

function infoLabel(row: Parameters<typeof fakeHistoryItem>[0]): string | null {
  const { wrapper } = mountWith(HistoryStatus, {
    api: fakeApi(),
    props: { row: fakeHistoryItem(row) },
  })
  const info = wrapper.find('[data-testid="failure-info"]')
  const label = info.exists() ? (info.attributes('aria-label') ?? null) : null
  wrapper.unmount()
  return label
}

describe('HistoryStatus', () => {
  it('explains an association failure with the catalogue message and partner action (§4.2)', () => {
    expect(
      infoLabel({
        status: 'ASSOCIATION_FAILED',
        statusFilter: 'ASSOCIATION_FAILED',
        failure: { code: 'UNPAID_BILLS', message: 'x', partnerAction: 'y' },
      })
    ).toBe(
      'Details: The account has unpaid bills. Ask the customer to settle the bills, then send the invitation email again.'
    )
  })

  it("falls back to the server's text for a code the catalogue does not know", () => {
    expect(
      infoLabel({
        status: 'FAILED_TO_SEND',
        statusFilter: 'SENDING_FAILED',
        failure: { code: 'SOMETHING_NEW', message: 'It broke.', partnerAction: 'Retry.' },
      })
    ).toBe('Details: It broke. Retry.')
  })

  it('shows no info icon without a failure', () => {
    expect(infoLabel({ status: 'SENT' })).toBeNull()
  })

  it('says on hover that a withdrawn invitation was merged (IDENTITY_MERGED, issue 13)', () => {
    const merged = {
      status: 'REVOKED',
      statusFilter: 'WITHDRAWN',
      failure: { code: 'IDENTITY_MERGED', message: 'x', partnerAction: 'y' },
    } as const
    expect(statusTitle(merged)).toBe('Merged with an earlier pre-registration of the same customer')
    expect(infoLabel(merged)).toBeNull()
    expect(statusTitle({ status: 'REVOKED', statusFilter: 'WITHDRAWN' })).toBe(
      'The pre-registration was deleted'
    )
  })
})

function statusTitle(row: Parameters<typeof fakeHistoryItem>[0]): string | null {
  const { wrapper } = mountWith(HistoryStatus, {
    api: fakeApi(),
    props: { row: fakeHistoryItem(row) },
  })
  const title = wrapper.find('[data-testid="history-status"]').attributes('title') ?? null
  wrapper.unmount()
  return title
}
