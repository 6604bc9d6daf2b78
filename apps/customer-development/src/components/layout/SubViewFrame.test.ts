import { failureMessage, partnerAction } from '@partner-center/domain'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONSOLE_BASE_PATH as BASE, HOST_ME, createHostContext } from '../../../test/host-context'

// S29: the views below the module's base path, reached by their path as a host would, with the
// back link; a user without the view's permission reads why, and no request of the view is made.
const FIRST_RENDER = { timeout: 20_000 }
const ASK_ADMIN = [
  failureMessage('PERMISSION_DENIED', 'en'),
  partnerAction('PERMISSION_DENIED', 'en'),
] as const

/** A stand-in for the API: `/v1/me` lists `permissions`, every other path an empty page. */
function apiWith(permissions: string[]) {
  return vi.fn((url: string) => {
    const page = { items: [], total: 0, page: 1, pageSize: 20 }
    const body = url.endsWith('/v1/me') ? { ...HOST_ME, permissions } : page
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }))
  })
}

async function mountAt(path: string, permissions: string[]) {
  const fetch = apiWith(permissions)
  vi.stubGlobal('fetch', fetch)
  window.history.pushState(null, '', path)
  const { mount, unmount } = await import('../../lifecycle')
  const container = document.createElement('div')
  document.body.append(container)
  const ctx = createHostContext()
  await mount(container, ctx)
  const find = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  const asked = () => fetch.mock.calls.map(([url]) => String(url))
  return { container, ctx, find, asked, unmount: () => unmount(container) }
}

afterEach(() => {
  vi.unstubAllGlobals()
  window.history.replaceState(null, '', '/')
})

describe('a view below the module (S29)', () => {
  it('opens API Keys at …/api-keys for a user with the permission, and goes back', async () => {
    const module = await mountAt(`${BASE}/api-keys`, ['custdev.view', 'custdev.api_keys.manage'])
    await vi.waitFor(() => expect(module.find('api-keys-panel')).not.toBeNull(), FIRST_RENDER)
    expect(module.asked().some((url) => url.includes('/api-keys'))).toBe(true)
    expect(module.container.querySelector('[role="tablist"]')).toBeNull()
    expect(module.find('view-back')?.textContent).toContain('Back to the customer list')

    module.find('view-back')?.click()
    await vi.waitFor(() => expect(module.find('api-keys-view')).toBeNull())
    expect(module.ctx.navigate).toHaveBeenCalledWith(BASE)
    await module.unmount()
  })

  it.each([`${BASE}/api-keys`, `${BASE}/webhooks`, `${BASE}/webhooks/e-1`])(
    'at %s shows a user without the permission why, and asks nothing of it',
    async (path) => {
      const module = await mountAt(path, ['custdev.view'])
      await vi.waitFor(() => expect(module.find('view-denied')).not.toBeNull(), FIRST_RENDER)
      const denied = module.find('view-denied')?.textContent ?? ''
      for (const text of ASK_ADMIN) expect(denied).toContain(text)
      expect(module.find('view-back')).not.toBeNull()
      expect(module.asked().filter((url) => /api-keys|webhook/.test(url))).toEqual([])
      await module.unmount()
    }
  )
})
