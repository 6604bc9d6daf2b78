import { ApiError } from '@partner-center/contracts'
import { flushPromises } from '@vue/test-utils'
import { ElMessage, ElMessageBox } from 'element-plus'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  delivery,
  detail,
  endpoint,
  ENDPOINT_ID,
  fakeApi,
  open,
  SECRET,
} from '../testing/platform-webhooks-fixtures'

// S35: the ecosystem manager's Webhooks page and delivery log, over a fake admin client.
const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector)

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('the platform Webhooks page (S35)', () => {
  it('lists the platform endpoints under the intro of S35', async () => {
    const api = fakeApi()
    const { wrapper } = await open(api)
    expect(wrapper.text()).toContain(
      "Partner Center sends a signed HTTPS request to the platform's endpoints when something happens to any partner's customers. An event can arrive more than once"
    )
    expect(wrapper.get('[data-testid="platform-webhook-url"]').text()).toBe(endpoint().url)
    expect(wrapper.get('[data-testid="platform-webhook-events"]').text()).toBe('1 event')
    expect(wrapper.get('[data-testid="platform-webhook-events"]').attributes('title')).toBe(
      'Customer associated'
    )
    expect(wrapper.get('[data-testid="platform-webhook-status"]').text()).toBe('Enabled')
    wrapper.unmount()
  })

  it('adds an endpoint and shows its secret once', async () => {
    const api = fakeApi()
    const { wrapper } = await open(api)
    await wrapper.get('[data-testid="platform-webhook-add"]').trigger('click')
    await flushPromises()
    const url = inBody('input[data-testid="platform-webhook-url"]') as HTMLInputElement
    url.value = 'https://bi.example.com/new'
    url.dispatchEvent(new Event('input'))
    inBody('[data-testid="platform-event-select-all"] input')?.click()
    await flushPromises()
    inBody('[data-testid="platform-webhook-ok"]')?.click()
    await flushPromises()
    expect(api.createPlatformWebhookEndpoint).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://bi.example.com/new', enabled: true })
    )
    expect(vi.mocked(api.createPlatformWebhookEndpoint).mock.calls[0]?.[0].eventTypes).toHaveLength(
      13
    )
    await vi.waitFor(() =>
      expect(
        (inBody('input[data-testid="platform-webhook-secret"]') as HTMLInputElement | null)?.value
      ).toBe(SECRET)
    )
    inBody('[data-testid="platform-webhook-secret-stored"]')?.click()
    await flushPromises()
    expect(inBody('input[data-testid="platform-webhook-secret"]')).toBeNull()
    expect(wrapper.findAll('[data-testid="platform-webhook-url"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('asks for at least one event', async () => {
    const api = fakeApi()
    const { wrapper } = await open(api)
    await wrapper.get('[data-testid="platform-webhook-add"]').trigger('click')
    await flushPromises()
    const url = inBody('input[data-testid="platform-webhook-url"]') as HTMLInputElement
    url.value = 'https://bi.example.com/new'
    url.dispatchEvent(new Event('input'))
    await flushPromises()
    inBody('[data-testid="platform-webhook-ok"]')?.click()
    await flushPromises()
    expect(inBody('[data-testid="platform-webhook-events-error"]')?.textContent?.trim()).toBe(
      'Select at least one event.'
    )
    expect(api.createPlatformWebhookEndpoint).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('sends a test event and says how it failed, with the timeout of GET /me', async () => {
    const api = fakeApi({
      getPlatformWebhookDelivery: vi.fn((_endpointId: string, deliveryId: string) =>
        Promise.resolve(
          detail({ id: deliveryId, isTest: true, lastOutcome: 'TIMEOUT', lastStatusCode: null })
        )
      ),
    })
    const { wrapper, router } = await open(api)
    await wrapper.get('[data-testid="platform-webhook-test"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="platform-webhook-test-text"]').text()).toBe(
      'Test event failed: No answer within 8 s'
    )
    await wrapper.get('[data-testid="platform-webhook-test-log"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe(`/admin/webhooks/${ENDPOINT_ID}`)
    wrapper.unmount()
  })

  it('disables an endpoint after the question and then refuses its test event', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const api = fakeApi()
    const { wrapper } = await open(api)
    await wrapper.get('[data-testid="platform-webhook-status-switch"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[0]?.[0]).toBe(
      'Disable this endpoint? It receives no events until you enable it again; events in between are not sent later.'
    )
    expect(api.updatePlatformWebhookEndpoint).toHaveBeenCalledWith(ENDPOINT_ID, { enabled: false })
    expect(wrapper.get('[data-testid="platform-webhook-status"]').text()).toBe('Disabled')
    expect(wrapper.get('[data-testid="platform-webhook-test-hint"]').attributes('aria-label')).toBe(
      'Send Test Event: This endpoint is disabled. Enable the endpoint, then try again.'
    )
    wrapper.unmount()
  })

  it('rotates the secret and deletes the endpoint after their questions', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const api = fakeApi()
    const { wrapper } = await open(api)
    await wrapper.get('[data-testid="platform-webhook-rotate"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[0]?.[0]).toContain('For 24 hours requests are signed with both')
    expect(inBody('[data-testid="platform-webhook-secret-old-expires"]')?.textContent).toMatch(
      /The old secret stops working at 2025-01-1\d \d\d:\d\d\./
    )
    inBody('[data-testid="platform-webhook-secret-stored"]')?.click()
    await flushPromises()
    await wrapper.get('[data-testid="platform-webhook-delete"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[1]?.[0]).toBe(
      `Delete the endpoint ${endpoint().url}? It stops receiving events at once, pending deliveries are cancelled and its delivery log is removed.`
    )
    expect(api.deletePlatformWebhookEndpoint).toHaveBeenCalledWith(ENDPOINT_ID)
    expect(wrapper.find('[data-testid="platform-webhook-url"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('tells a partner user they are not permitted and asks the API nothing', async () => {
    const api = fakeApi()
    const { wrapper } = await open(api, '/admin/webhooks', 'admin')
    expect(wrapper.find('[data-testid="platform-webhooks-not-permitted"]').exists()).toBe(true)
    expect(api.findPlatformWebhookEndpoints).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('speaks Simplified Chinese with the intro of S35', async () => {
    const { wrapper } = await open(fakeApi(), '/admin/webhooks', 'ecosystem_manager', 'zh-CN')
    expect(wrapper.text()).toContain(
      '任一合作伙伴的客户发生变化时,合作伙伴中心会向平台端点发送签名的 HTTPS 请求。'
    )
    expect(wrapper.get('[data-testid="platform-webhook-add"]').text()).toBe('添加端点')
    expect(wrapper.get('[data-testid="platform-webhook-status"]').text()).toBe('已启用')
    wrapper.unmount()
  })
})

describe('the platform delivery log (S35)', () => {
  it('shows each event with its partner, outcome and details', async () => {
    const api = fakeApi()
    const { wrapper } = await open(api, `/admin/webhooks/${ENDPOINT_ID}`)
    expect(api.findPlatformWebhookDeliveries).toHaveBeenCalledWith(ENDPOINT_ID, {
      page: 1,
      pageSize: 20,
      status: undefined,
      eventType: undefined,
      eventId: undefined,
    })
    expect(wrapper.get('h1').text()).toBe('Delivery Log')
    expect(wrapper.get('[data-testid="platform-delivery-log-url"]').text()).toBe(endpoint().url)
    expect(wrapper.get('[data-testid="platform-delivery-event"]').text()).toBe(
      'Customer associated'
    )
    expect(wrapper.get('[data-testid="platform-delivery-partner"]').text()).toBe(
      'Acme Cloud Services'
    )
    expect(wrapper.get('[data-testid="platform-delivery-status"]').text()).toBe('Failed')
    expect(wrapper.get('[data-testid="platform-delivery-response"]').text()).toBe('HTTP 503')
    await wrapper.get('[data-testid="platform-delivery-details"]').trigger('click')
    await flushPromises()
    const opened = wrapper.get('[data-testid="platform-delivery-detail"]')
    expect(opened.text()).toContain('Attempt 1')
    expect(opened.text()).toContain('Response excerpt (first 1,024 bytes)')
    expect(opened.get('[data-testid="platform-delivery-body"]').text()).toBe(detail().body)
    wrapper.unmount()
  })

  it('says the domain’s labels in Simplified Chinese: event, retry time, outcome, cancel reason', async () => {
    const retrying = delivery({
      status: 'PENDING',
      lastOutcome: 'TIMEOUT',
      lastStatusCode: null,
      runAfter: '2025-01-10T09:05:00.000Z',
    })
    const cancelled = delivery({
      id: '70000000-0000-4000-8000-000000000002',
      status: 'CANCELLED',
      cancelReason: 'ENDPOINT_DISABLED',
      isTest: true,
      eventType: 'webhook.test',
    })
    const api = fakeApi({
      findPlatformWebhookDeliveries: vi.fn(() =>
        Promise.resolve({ items: [retrying, cancelled], total: 2, page: 1, pageSize: 20 })
      ),
    })
    const { wrapper } = await open(
      api,
      `/admin/webhooks/${ENDPOINT_ID}`,
      'ecosystem_manager',
      'zh-CN'
    )
    const texts = (id: string) =>
      wrapper.findAll(`[data-testid="${id}"]`).map((cell) => cell.text())
    expect(texts('platform-delivery-event')).toEqual(['客户已关联', '测试事件'])
    expect(texts('platform-delivery-status')[0]).toMatch(/^重试中,下次尝试 2025-01-10 \d\d:\d5$/)
    expect(texts('platform-delivery-status')[1]).toBe('已取消')
    expect(
      wrapper.findAll('[data-testid="platform-delivery-status"]')[1]?.attributes('title')
    ).toBe('端点已停用')
    expect(texts('platform-delivery-response')[0]).toBe('8 秒内无响应')
    wrapper.unmount()
  })

  it('redelivers and says so', async () => {
    const success = vi.spyOn(ElMessage, 'success')
    const api = fakeApi()
    const { wrapper } = await open(api, `/admin/webhooks/${ENDPOINT_ID}`)
    await wrapper.get('[data-testid="platform-delivery-redeliver"]').trigger('click')
    await flushPromises()
    expect(api.redeliverPlatformWebhookDelivery).toHaveBeenCalledWith(ENDPOINT_ID, delivery().id)
    expect(success).toHaveBeenCalledWith('Redelivery queued')
    expect(wrapper.get('[data-testid="platform-delivery-status"]').text()).toBe('Pending')
    wrapper.unmount()
  })

  it('says how many days the log keeps when it is empty', async () => {
    const api = fakeApi({
      findPlatformWebhookDeliveries: vi.fn(() =>
        Promise.resolve({ items: [], total: 0, page: 1, pageSize: 20 })
      ),
    })
    const { wrapper } = await open(api, `/admin/webhooks/${ENDPOINT_ID}`)
    expect(wrapper.text()).toContain('No deliveries in the last 21 days.')
    wrapper.unmount()
  })

  it('shows a refused redelivery with the API’s message', async () => {
    const failure = vi.spyOn(ElMessage, 'error')
    const refusal = new ApiError({
      code: 'WEBHOOK_ENDPOINT_DISABLED',
      status: 409,
      message: 'This endpoint is disabled.',
    })
    const api = fakeApi({ redeliverPlatformWebhookDelivery: vi.fn(() => Promise.reject(refusal)) })
    const { wrapper } = await open(api, `/admin/webhooks/${ENDPOINT_ID}`)
    await wrapper.get('[data-testid="platform-delivery-redeliver"]').trigger('click')
    await flushPromises()
    expect(failure).toHaveBeenCalledWith('This endpoint is disabled.')
    wrapper.unmount()
  })
})
