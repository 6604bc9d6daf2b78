import { ApiError } from '@partner-center/contracts/transport'
import { WEBHOOK_EVENT_TYPES, failureMessage } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import { fakeApi, fakeWebhookEndpoint } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import { useWebhooksMessages } from '../../composables/use-webhooks-messages'
import { createModuleI18n, loadLanguage } from '../../i18n'
import type { WebhookEndpointItem } from '@partner-center/contracts'
import WebhookEndpointDialog from './WebhookEndpointDialog.vue'

// S31 (R126): the Add and Edit Endpoint dialog: its texts, the three groups of events with
// Select all, at least one event, the URL's refusals under the field, Enabled on Add only.
const Harness = defineComponent({
  props: { endpoint: { type: Object as PropType<WebhookEndpointItem | null>, default: null } },
  emits: ['created'],
  setup(props, { emit }) {
    const ready = useWebhooksMessages()
    return () =>
      ready.value
        ? h(WebhookEndpointDialog, {
            endpoint: props.endpoint,
            onCreated: (secret: string) => emit('created', secret),
          })
        : null
  },
})

async function openDialog(
  api = fakeApi(),
  endpoint: WebhookEndpointItem | null = null,
  locale: 'en' | 'zh-CN' = 'en'
) {
  const i18n = createModuleI18n(locale)
  await loadLanguage(i18n, locale)
  const { wrapper, overlay } = mountWith(Harness, {
    api,
    pinia: createPinia(),
    i18n,
    props: { endpoint },
  })
  await vi.waitFor(() =>
    expect(overlay.querySelector('[data-testid="webhook-dialog"]')).not.toBeNull()
  )
  await flushPromises()
  const find = <E extends Element = HTMLElement>(selector: string) =>
    overlay.querySelector<E>(`[data-testid="webhook-dialog"] ${selector}`)
  async function typeUrl(value: string) {
    const input = find<HTMLInputElement>('[data-testid="webhook-dialog-url"]')!
    input.value = value
    input.dispatchEvent(new Event('input'))
    await flushPromises()
  }
  async function check(selector: string) {
    find<HTMLInputElement>(`${selector} input`)!.click()
    await flushPromises()
  }
  async function ok() {
    find<HTMLButtonElement>('[data-testid="webhook-dialog-ok"]')!.click()
    await flushPromises()
  }
  const checked = () =>
    WEBHOOK_EVENT_TYPES.filter(
      (type) => find<HTMLInputElement>(`[data-testid="event-${type}"] input`)?.checked
    )
  return { wrapper, overlay, api, find, typeUrl, check, ok, checked }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('Add Endpoint (S31)', () => {
  it('shows the URL hint and the events in three groups with labels and types', async () => {
    const { wrapper, find } = await openDialog()
    const text = find('')?.closest('[data-testid="webhook-dialog"]')?.textContent ?? ''
    expect(text).toContain('Add Endpoint')
    expect(text).toContain(
      'The https address that receives the events, for example https://crm.example.com/hooks/partner-center. Private and local network addresses are refused.'
    )
    expect(find('[data-testid="event-group-preregistration"] legend')?.textContent).toBe(
      'Pre-registrations'
    )
    expect(find('[data-testid="event-group-invitation"] legend')?.textContent).toBe('Invitations')
    const associations = find('[data-testid="event-group-association"]')
    expect(associations?.querySelector('legend')?.textContent).toBe('Associations')
    expect(associations?.textContent).toContain('Association failed association.failed')
    expect(find('[data-testid="event-preregistration.created"]')?.textContent?.trim()).toBe(
      'Customer pre-registered preregistration.created'
    )
    expect(find('[data-testid="webhook-dialog-enabled"]')).not.toBeNull()
    wrapper.unmount()
  })

  it('selects and clears all events at once', async () => {
    const { wrapper, check, checked } = await openDialog()
    expect(checked()).toEqual([])
    await check('[data-testid="event-select-all"]')
    expect(checked()).toEqual([...WEBHOOK_EVENT_TYPES])
    await check('[data-testid="event-select-all"]')
    expect(checked()).toEqual([])
    wrapper.unmount()
  })

  it('asks for at least one event before sending anything', async () => {
    const { wrapper, api, find, typeUrl, check, ok } = await openDialog()
    await typeUrl('https://erp.example.com/hooks')
    await ok()
    expect(find('[data-testid="webhook-dialog-events-error"]')?.textContent?.trim()).toBe(
      'Select at least one event.'
    )
    expect(api.createWebhookEndpoint).not.toHaveBeenCalled()
    await check('[data-testid="event-association.created"]')
    expect(find('[data-testid="webhook-dialog-events-error"]')).toBeNull()
    wrapper.unmount()
  })

  it('creates a disabled endpoint in catalogue order with its description', async () => {
    const { wrapper, api, find, typeUrl, check, ok } = await openDialog()
    await typeUrl('  https://erp.example.com/hooks  ')
    const description = find<HTMLInputElement>('[data-testid="webhook-dialog-description"]')!
    description.value = 'ERP'
    description.dispatchEvent(new Event('input'))
    await check('[data-testid="event-association.failed"]')
    await check('[data-testid="event-preregistration.deleted"]')
    find<HTMLElement>('[data-testid="webhook-dialog-enabled"]')!.click()
    await flushPromises()
    await ok()
    expect(api.createWebhookEndpoint).toHaveBeenCalledWith({
      url: 'https://erp.example.com/hooks',
      eventTypes: ['preregistration.deleted', 'association.failed'],
      description: 'ERP',
      enabled: false,
    })
    expect(wrapper.emitted('created')).toEqual([[expect.stringMatching(/^whsec_/)]])
    wrapper.unmount()
  })

  it('shows a refused URL under the field with the catalogue’s text', async () => {
    const refusal = new ApiError({ code: 'WEBHOOK_URL_NOT_ALLOWED', status: 422, message: 'x' })
    const api = fakeApi({ createWebhookEndpoint: () => Promise.reject(refusal) })
    const { wrapper, find, typeUrl, check, ok } = await openDialog(api)
    await typeUrl('https://10.0.0.1/hooks')
    await check('[data-testid="event-invitation.sent"]')
    await ok()
    expect(find('[data-testid="webhook-dialog-url-error"]')?.textContent).toContain(
      failureMessage('WEBHOOK_URL_NOT_ALLOWED', 'en')
    )
    expect(find('[data-testid="webhook-dialog-url"]')?.getAttribute('aria-invalid')).toBe('true')
    expect(find('[data-testid="error-alert"]')).toBeNull()
    wrapper.unmount()
  })

  it('speaks Simplified Chinese', async () => {
    const { wrapper, find } = await openDialog(fakeApi(), null, 'zh-CN')
    const text = find('')?.closest('[data-testid="webhook-dialog"]')?.textContent ?? ''
    expect(text).toContain('添加端点')
    expect(text).toContain('端点 URL')
    expect(text).toContain('不接受私有网络或本地地址。')
    expect(find('[data-testid="event-select-all"]')?.textContent?.trim()).toBe('全选')
    expect(find('[data-testid="event-group-invitation"] legend')?.textContent).toBe('邀请')
    expect(find('[data-testid="event-invitation.sent"]')?.textContent?.trim()).toBe(
      '邀请已发送 invitation.sent'
    )
    wrapper.unmount()
  })
})

describe('Edit Endpoint (S31)', () => {
  it('starts from the endpoint, has no Enabled switch and sends only what changed', async () => {
    const endpoint = fakeWebhookEndpoint()
    const { wrapper, api, find, check, ok, checked } = await openDialog(fakeApi(), endpoint)
    const text = find('')?.closest('[data-testid="webhook-dialog"]')?.textContent ?? ''
    expect(text).toContain('Edit Endpoint')
    expect(find<HTMLInputElement>('[data-testid="webhook-dialog-url"]')?.value).toBe(endpoint.url)
    expect(checked()).toEqual(endpoint.eventTypes)
    expect(find('[data-testid="webhook-dialog-enabled"]')).toBeNull()
    await check('[data-testid="event-invitation.accepted"]')
    await ok()
    expect(api.updateWebhookEndpoint).toHaveBeenCalledWith(endpoint.id, {
      eventTypes: ['preregistration.created', 'invitation.sent', 'invitation.accepted'],
    })
    wrapper.unmount()
  })
})
