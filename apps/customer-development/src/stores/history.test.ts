import { describe, expect, it } from 'vitest'
import { fakeApi, fakeBatch, fakeHistoryItem, fakeRow } from '../../test/fake-api'
import { inApp } from '../../test/mount-with'
import { useHistoryStore } from './history'

describe('history store', () => {
  it('resends with the given key and reloads the page when the row is queued (R45)', async () => {
    const api = fakeApi()
    const history = inApp(api)(() => useHistoryStore())
    const row = fakeHistoryItem()
    await history.resend(row.id, 'key-1')
    expect(api.resendInvitation).toHaveBeenCalledWith(row.id, 'key-1')
    expect(history.resends[row.id]).toEqual({ state: 'queued' })
    expect(api.findHistory).toHaveBeenCalledTimes(1)
  })

  it('keeps a skipped resend with its code and the time left, without reloading', async () => {
    const api = fakeApi({
      resendInvitation: () =>
        Promise.resolve({
          ...fakeBatch([]),
          requested: 1,
          queued: 0,
          skipped: 1,
          results: [
            {
              preregistrationId: fakeRow().id,
              outcome: 'SKIPPED',
              code: 'RESEND_COOLDOWN',
              retryAfterSeconds: 540,
            },
          ],
        }),
    })
    const history = inApp(api)(() => useHistoryStore())
    const row = fakeHistoryItem()
    await history.resend(row.id, 'key-2')
    expect(history.resends[row.id]).toEqual({
      state: 'skipped',
      code: 'RESEND_COOLDOWN',
      retryAfterSeconds: 540,
    })
    expect(api.findHistory).not.toHaveBeenCalled()
  })
})
