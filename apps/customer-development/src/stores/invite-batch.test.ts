import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, fakeBatch, fakeProgress } from '../../test/fake-api'
import { inApp } from '../../test/mount-with'
import { useInviteBatchStore } from './invite-batch'

describe('invite batch store', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends one batch with one key when OK is pressed twice', async () => {
    const api = fakeApi()
    const batch = inApp(api)(() => useInviteBatchStore())
    batch.start()
    await Promise.all([batch.submit(['a'], 'reseller'), batch.submit(['a'], 'reseller')])
    expect(api.sendInvitations).toHaveBeenCalledTimes(1)
    expect(api.sendInvitations.mock.calls[0]?.[1]).toBe(batch.idempotencyKey)
    expect(batch.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
    batch.stop()
  })

  it('polls the batch from 2 s, backing off, until it is done', async () => {
    vi.useFakeTimers()
    const progress = [
      fakeProgress({ pending: 2, sent: 0 }),
      fakeProgress({ pending: 1, sent: 1 }),
      fakeProgress({ pending: 0, sent: 1, failed: 1 }),
    ]
    const getInvitationBatch = vi.fn(() => Promise.resolve(progress.shift() ?? progress[0]!))
    const api = fakeApi({
      sendInvitations: () => Promise.resolve(fakeBatch(['a', 'b'])),
      getInvitationBatch,
    })
    const batch = inApp(api)(() => useInviteBatchStore())
    batch.start()
    await batch.submit(['a', 'b'], 'reseller')
    await vi.advanceTimersByTimeAsync(1_999)
    expect(getInvitationBatch).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(getInvitationBatch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(getInvitationBatch).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(4_500)
    expect(getInvitationBatch).toHaveBeenCalledTimes(3)
    expect(batch.progress).toMatchObject({ sent: 1, failed: 1, done: true })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(getInvitationBatch).toHaveBeenCalledTimes(3)
  })

  it('keeps a request-level failure for the dialog to show', async () => {
    const api = fakeApi({ sendInvitations: () => Promise.reject(new Error('x')) })
    const batch = inApp(api)(() => useInviteBatchStore())
    batch.start()
    await batch.submit(['a'], 'referral')
    expect(batch.status).toBe('error')
    expect(batch.error?.code).toBe('INTERNAL')
  })
})
