import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { usePortalI18n } from '../i18n'
import JoinPage from './JoinPage.vue'

const CODE = 'J'.repeat(43)
const STORED = 'partner-center.invitation-link-code'

/** Opens `/join#<code>` in this tab with the API answering `resolve` with `answer`. */
async function openLink(status: number, answer: unknown) {
  history.replaceState(null, '', `/join#${CODE}`)
  const fetch = vi.fn<typeof globalThis.fetch>(() =>
    Promise.resolve(Response.json(answer, { status }))
  )
  vi.stubGlobal('fetch', fetch)
  const wrapper = mount(JoinPage)
  await flushPromises()
  return { wrapper, fetch }
}

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  usePortalI18n().setLocale('en')
})

describe('the /join page (S25, S28)', () => {
  it('opens in the partner’s language, with the code only in the request body', async () => {
    const { wrapper, fetch } = await openLink(200, {
      partnerName: 'Acme Cloud Services',
      partnerContactEmail: 'partners@acme.example',
      associationType: 'reseller',
      expiresAt: null,
      locale: 'zh-CN',
      platformName: 'Example Cloud',
    })
    expect(location.hash).toBe('')
    expect(sessionStorage.getItem(STORED)).toBe(CODE)
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/api/v1/public/invitation-links/resolve')
    expect(JSON.parse(init?.body as string)).toEqual({ code: CODE })
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(wrapper.get('h1').text()).toBe('Acme Cloud Services 邀请您关联 Example Cloud 账号')
    const landing = wrapper.get('[data-testid="join-landing"]')
    expect(landing.text()).toContain('接下来:注册或登录账号,通过验证码验证邮箱,然后接受关联。')
    expect(landing.findAll('button').map((b) => b.text())).toEqual(['注册账号', '我已有账号'])
  })

  it.each([
    ['OFFLINE_LINK_DISABLED', 'The partner has disabled this invitation link.'],
    ['OFFLINE_LINK_RESET', 'This invitation link has been reset and no longer works.'],
    ['OFFLINE_LINK_EXPIRED', 'This activity link has expired.'],
  ])(
    '%s says so, asks for a new link, offers no renewal and forgets the code',
    async (code, message) => {
      const { wrapper } = await openLink(410, {
        error: {
          code,
          message,
          details: { partnerName: 'Acme Cloud Services' },
          requestId: 'r',
        },
      })
      const result = wrapper.get('[data-testid="link-result"]')
      expect(result.attributes('data-code')).toBe(code)
      expect(result.get('h2').text()).toBe(message)
      expect(wrapper.get('[data-testid="customer-action"]').text()).toBe(
        'Ask the partner for a new link.'
      )
      expect(result.findAll('button')).toHaveLength(0)
      expect(sessionStorage.getItem(STORED)).toBeNull()
    }
  )
})
