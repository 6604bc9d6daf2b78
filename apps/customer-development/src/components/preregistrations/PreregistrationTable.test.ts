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
  // Whatever the mount started settles before the rows are read.
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

describe('PreregistrationTable Customer Name/Account Name column (S5, issue 16)', () => {
  it('shows the account name under the customer name, "—" before association, one eye for both', async () => {
    const { wrapper } = mountWith(PreregistrationTable, {
      api: fakeApi(),
      props: {
        view: {
          items: [
            fakeRow({
              id: '10000000-0000-4000-8000-00000000000a',
              status: 'CONVERTED',
              customerName: 'E***',
              accountName: 'L***',
            }),
            fakeRow({
              id: '10000000-0000-4000-8000-00000000000b',
              customerName: 'A***',
              accountName: null,
            }),
          ],
          loading: false,
          firstLoad: false,
          revealed: [],
          canReveal: true,
        },
        canInvite: false,
        canDelete: false,
      },
    })
    await flushPromises()
    const headers = wrapper.findAll('th').map((th) => th.text())
    expect(headers).toContain('Customer Name/Account Name')
    expect(headers).not.toContain('Customer Name')
    const accounts = wrapper.findAll('[data-testid="account-name"]')
    expect(accounts.map((cell) => cell.text())).toEqual(['L***', '—'])
    expect(accounts[0]?.element.closest('td')?.textContent).toContain('E***')
    await wrapper.get('button[aria-label="Show Customer Name/Account Name"]').trigger('click')
    expect(wrapper.emitted('reveal')).toEqual([['name']])
    wrapper.unmount()
  })
})

// Issue 16 item 6: "n days left" is a real plural.
describe('PreregistrationTable days left', () => {
  it('says "1 day left" in the singular and "2 days left" in the plural', async () => {
    const hour = 3_600_000
    const rows = [
      fakeRow({ validUntil: new Date(Date.now() + hour).toISOString() }),
      fakeRow({
        id: '10000000-0000-4000-8000-000000000002',
        validUntil: new Date(Date.now() + 25 * hour).toISOString(),
      }),
    ]
    const { wrapper } = mountWith(PreregistrationTable, {
      api: fakeApi(),
      props: {
        view: { items: rows, loading: false, firstLoad: false, revealed: [], canReveal: false },
        canInvite: false,
        canDelete: false,
      },
    })
    await flushPromises()
    expect(wrapper.findAll('.pc-cd-table__hint').map((hint) => hint.text())).toEqual([
      '1 day left',
      '2 days left',
    ])
    wrapper.unmount()
  })
})

describe('PreregistrationTable external reference (S36)', () => {
  it('shows "Ref: …" under the customer name only for a row that has one', async () => {
    const { wrapper } = mountWith(PreregistrationTable, {
      api: fakeApi(),
      props: {
        view: {
          items: [
            fakeRow({ id: '10000000-0000-4000-8000-00000000000a', externalRef: 'CRM-00042' }),
            fakeRow({ id: '10000000-0000-4000-8000-00000000000b', externalRef: null }),
          ],
          loading: false,
          firstLoad: false,
          revealed: [],
          canReveal: false,
        },
        canInvite: false,
        canDelete: false,
      },
    })
    await flushPromises()
    const refs = wrapper.findAll('[data-testid="external-ref"]').map((line) => line.text())
    expect(refs).toEqual(['Ref: CRM-00042'])
    wrapper.unmount()
  })
})
