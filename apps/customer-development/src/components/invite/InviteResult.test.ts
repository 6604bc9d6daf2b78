import { describe, expect, it } from 'vitest'
import { fakeApi, fakeBatch, fakeRow } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import InviteResult from './InviteResult.vue'

// Issue 16 item 7 (S9): the skipped rows of the result are masked whatever the list's eye state.
describe('InviteResult', () => {
  it('names a skipped customer masked, even from a revealed row', () => {
    const row = fakeRow({ customerName: 'Beta Foods', email: 'beta@customer.example' })
    const { wrapper } = mountWith(InviteResult, {
      api: fakeApi(),
      props: {
        rows: [row],
        progress: null,
        result: {
          ...fakeBatch([]),
          requested: 1,
          skipped: 1,
          results: [{ preregistrationId: row.id, outcome: 'SKIPPED', code: 'RESEND_COOLDOWN' }],
        },
      },
    })
    expect(wrapper.text()).toContain('B***:')
    expect(wrapper.text()).not.toContain('Beta Foods')
    wrapper.unmount()
  })
})
