import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeRow } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import EmailPreviewDialog from './EmailPreviewDialog.vue'

// Issue 16 item 7 (S9): the "Preview for" selector names customers masked whatever the list's
// eye state, and "Subject:" has its space.
describe('EmailPreviewDialog', () => {
  it('offers each customer masked in the "Preview for" selector, even from revealed rows', async () => {
    const revealed = [
      fakeRow({ customerName: 'Alpha Robotics', email: 'new.alpha@customer.example' }),
      fakeRow({
        id: '10000000-0000-4000-8000-000000000002',
        customerName: 'Beta Foods',
        email: 'beta@customer.example',
      }),
    ]
    const { overlay, wrapper } = mountWith(EmailPreviewDialog, {
      api: fakeApi(),
      props: { rows: revealed, associationType: 'reseller' },
    })
    await flushPromises()
    const options = [...overlay.querySelectorAll('.cd-el-select-dropdown__item')].map((option) =>
      option.textContent?.trim()
    )
    expect(options).toEqual(['A*** n***@customer.example', 'B*** b***@customer.example'])
    expect(overlay.querySelector('.cd-el-select__wrapper')?.textContent).toContain(
      'A*** n***@customer.example'
    )
    for (const value of ['Alpha Robotics', 'new.alpha@', 'Beta Foods', 'beta@']) {
      expect(overlay.textContent).not.toContain(value)
    }
    wrapper.unmount()
  })

  it('puts a space after "Subject:" (it was missing)', async () => {
    const api = fakeApi({
      previewInvitation: () =>
        Promise.resolve({ subject: 'Acme invites you', html: '<p>h</p>', text: 't' }),
    })
    const { overlay, wrapper } = mountWith(EmailPreviewDialog, {
      api,
      props: { rows: [fakeRow()], associationType: 'reseller' },
    })
    await flushPromises()
    const line = overlay.querySelector('.pc-cd-preview__subject')?.textContent?.trim()
    expect(line).toBe('Subject: Acme invites you')
    wrapper.unmount()
  })
})
