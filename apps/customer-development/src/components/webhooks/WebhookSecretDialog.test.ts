import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { FAKE_WEBHOOK_SECRET, fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import { useWebhooksMessages } from '../../composables/use-webhooks-messages'
import { createModuleI18n, loadLanguage } from '../../i18n'
import WebhookSecretDialog from './WebhookSecretDialog.vue'

// S32 (R128, R129): the secret shown once; nothing but "I have stored it" closes it.
const Harness = defineComponent({
  props: { expires: { type: String, default: null } },
  emits: ['close'],
  setup(props, { emit }) {
    const ready = useWebhooksMessages()
    return () =>
      ready.value
        ? h(WebhookSecretDialog, {
            secret: FAKE_WEBHOOK_SECRET,
            previousSecretExpiresAt: props.expires,
            onClose: () => emit('close'),
          })
        : null
  },
})

async function openDialog(expires: string | null = null, locale: 'en' | 'zh-CN' = 'en') {
  const i18n = createModuleI18n(locale)
  await loadLanguage(i18n, locale)
  const { wrapper, overlay } = mountWith(Harness, {
    api: fakeApi(),
    pinia: createPinia(),
    i18n,
    props: { expires },
  })
  await vi.waitFor(() =>
    expect(overlay.querySelector('[data-testid="webhook-secret-dialog"]')).not.toBeNull()
  )
  await flushPromises()
  const find = <E extends Element = HTMLElement>(selector: string) =>
    overlay.querySelector<E>(selector)
  const dialogText = () => find('[data-testid="webhook-secret-dialog"]')?.textContent ?? ''
  return { wrapper, overlay, find, dialogText }
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('Signing Secret (S32)', () => {
  it('shows the secret read-only with the texts of S32 and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { wrapper, overlay, find, dialogText } = await openDialog()
    const secret = find<HTMLInputElement>('input[data-testid="webhook-secret"]')!
    expect(secret.value).toBe(FAKE_WEBHOOK_SECRET)
    expect(secret.readOnly).toBe(true)
    expect(dialogText()).toContain(
      'Copy this secret now and store it with your receiver. It is shown only once; if you lose it, rotate the secret.'
    )
    expect(dialogText()).toContain(
      'Verify every request with a Standard Webhooks library, for example standardwebhooks for JavaScript.'
    )
    expect(find('[data-testid="webhook-secret-old-expires"]')).toBeNull()
    find<HTMLElement>('[data-testid="webhook-secret-copy"]')!.click()
    await vi.waitFor(() => expect(overlay.textContent).toContain('Secret copied'))
    expect(writeText).toHaveBeenCalledWith(FAKE_WEBHOOK_SECRET)
    wrapper.unmount()
  })

  it('ignores Esc and has no close button; "I have stored it" asks to close', async () => {
    const { wrapper, find } = await openDialog()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }))
    await flushPromises()
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(find('[data-testid="webhook-secret-dialog"] .cd-el-dialog__headerbtn')).toBeNull()
    find<HTMLElement>('[data-testid="webhook-secret-stored"]')!.click()
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })

  it('says when the old secret stops working after a rotation, in Simplified Chinese too', async () => {
    const { wrapper, find, dialogText } = await openDialog('2025-01-11T09:00:00.000Z', 'zh-CN')
    expect(find('[data-testid="webhook-secret-old-expires"]')?.textContent).toMatch(
      /^旧密钥将于 2025-01-1\d \d\d:\d\d 失效。$/
    )
    expect(dialogText()).toContain('签名密钥')
    expect(find('[data-testid="webhook-secret-stored"]')?.textContent?.trim()).toBe('我已保存')
    wrapper.unmount()
  })
})
