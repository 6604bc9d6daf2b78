import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeRow } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import PreregistrationTable from './PreregistrationTable.vue'

async function statusHintLabel(row: Parameters<typeof fakeRow>[0]): Promise<string | null> {
  const { wrapper } = mountWith(PreregistrationTable, {
    api: fakeApi(),
    props: {
      view: {
        items: [fakeRow(row)],
        loading: false,
        firstLoad: false,
        revealed: [],
        canReveal: false,
      },
      canInvite: false,
      canDelete: false,
    },
  })
  // ElTable registers its columns after mounting, and renders the cells on the next tick.
  await flushPromises()
  const hint = wrapper.find('[data-testid="review-hint"]')
  const label = hint.exists() ? (hint.attributes('aria-label') ?? null) : null
  wrapper.unmount()
  return label
}

describe('PreregistrationTable status hints', () => {
  it('explains an expired row closed as IDENTITY_MERGED with the catalogue message (issue 13)', async () => {
    expect(await statusHintLabel({ status: 'EXPIRED', closedReason: 'IDENTITY_MERGED' })).toBe(
      'Expired: Merged with an earlier pre-registration of the same customer.'
    )
  })

  it('gives an expired row without a closing reason no hint', async () => {
    expect(await statusHintLabel({ status: 'EXPIRED', closedReason: null })).toBeNull()
  })
})
