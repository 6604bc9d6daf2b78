import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createShellI18n } from '../i18n'
import { useSessionStore } from '../stores/session'
import MailboxPage from './MailboxPage.vue'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the Mailbox page', () => {
  it("reads the development mailbox with the signed-in user's token (the API answers no one else)", async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            messages: [
              {
                id: '1',
                receivedAt: '2026-03-02T09:00:00.000Z',
                from: 'Partner Center <no-reply@partner-center.local>',
                to: ['new.alpha@customer.example'],
                subject: 'Acme invites you',
                html: null,
                text: 'Open http://localhost:4175/invite#token',
              },
            ],
          }),
          { status: 200, headers: { 'content-type': 'application/json' } }
        )
      )
    )
    vi.stubGlobal('fetch', fetchMock)
    const pinia = createPinia()
    setActivePinia(pinia)
    useSessionStore().token = 'session-token'
    const wrapper = mount(MailboxPage, {
      global: { plugins: [pinia, createShellI18n('en')] },
      attachTo: document.body,
    })
    await flushPromises()
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('/api/dev/mailbox')
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer session-token')
    expect(wrapper.text()).toContain('Acme invites you')
  })
})
