import { checkMicroFrontend } from '@partner-center/mfe-contract/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerAsTheApi as answer, createHostContext as createContext } from '../test/host-context'

describe('customer-development lifecycle', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('meets the micro-frontend contract', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => answer(url))
    )
    const report = await checkMicroFrontend({ load: () => import('./lifecycle'), createContext })
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    expect(report.passed).toBe(true)
    // The kit mounts the whole page several times; the first Element Plus transform is slow on a
    // busy 2-core machine.
  }, 120_000)

  it('asks the API for the list with the host token', async () => {
    const fetch = vi.fn(async (url: string) => answer(url))
    vi.stubGlobal('fetch', fetch)
    const { mount, unmount } = await import('./lifecycle')
    const container = document.createElement('div')
    document.body.append(container)
    await mount(container, createContext())
    const isList = (call: unknown[]) => String(call[0]).includes('/preregistrations')
    await vi.waitFor(() => expect(fetch.mock.calls.some(isList)).toBe(true))
    const [url, init] = fetch.mock.calls.find(isList) as unknown as [string, RequestInit]
    expect(url).toContain('http://api.test/api/v1/customer-development/preregistrations')
    expect(init.headers).toMatchObject({ authorization: 'Bearer test-token' })
    expect(container.textContent).toContain('Customer Development')
    await unmount(container)
    expect(container.innerHTML).toBe('')
  })
})
