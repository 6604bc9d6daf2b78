import { ApiError } from '@partner-center/contracts/transport'
import { failureMessage, partnerAction } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import { useApiKeysMessages } from '../../composables/use-api-keys-messages'
import CreateApiKeyDialog from './CreateApiKeyDialog.vue'

// S34's Create API Key dialog (R139): the three roles of a partner key, their hint, and a
// refusal said with the catalogue's texts.
const Harness = defineComponent({
  emits: ['created'],
  setup(_, { emit }) {
    const ready = useApiKeysMessages()
    return () =>
      ready.value
        ? h(CreateApiKeyDialog, { onCreated: (key: unknown) => emit('created', key) })
        : null
  },
})

async function openDialog(api = fakeApi()) {
  const { wrapper, overlay } = mountWith(Harness, { api, pinia: createPinia() })
  await vi.waitFor(() =>
    expect(overlay.querySelector('[data-testid="create-api-key-dialog"]')).not.toBeNull()
  )
  const find = <E extends Element = HTMLElement>(selector: string) =>
    overlay.querySelector<E>(`[data-testid="create-api-key-dialog"] ${selector}`)
  async function typeName(value: string) {
    const input = find<HTMLInputElement>('[data-testid="create-api-key-name"]')!
    input.value = value
    input.dispatchEvent(new Event('input'))
    await flushPromises()
  }
  const ok = () => find<HTMLButtonElement>('[data-testid="create-api-key-ok"]')!
  return { wrapper, api, find, typeName, ok }
}

describe('Create API Key', () => {
  it('offers the three roles of a partner key with their hint, read only first', async () => {
    const { wrapper, find } = await openDialog()
    const roles = ['admin', 'sales', 'read_only'].map((role) =>
      find(`[data-testid="create-api-key-role-${role}"]`)?.textContent?.trim()
    )
    expect(roles).toEqual(['Administrator', 'Sales (operator)', 'Read only'])
    expect(
      find<HTMLInputElement>('[data-testid="create-api-key-role-read_only"] input')?.checked
    ).toBe(true)
    const dialog = find('')?.closest('[data-testid="create-api-key-dialog"]')
    expect(dialog?.textContent).toContain('What uses this key, for example CRM sync.')
    expect(dialog?.textContent).toContain(
      'The key can do what this role can, except manage API keys and webhooks.'
    )
    wrapper.unmount()
  })

  it('keeps OK disabled until the name holds more than spaces', async () => {
    const { wrapper, typeName, ok } = await openDialog()
    expect(ok().disabled).toBe(true)
    await typeName('   ')
    expect(ok().disabled).toBe(true)
    await typeName('CRM sync')
    expect(ok().disabled).toBe(false)
    wrapper.unmount()
  })

  it('says the limit with its action and stays open', async () => {
    const api = fakeApi({
      createApiKey: () =>
        Promise.reject(new ApiError({ code: 'API_KEY_LIMIT', status: 409, message: 'limit' })),
    })
    const { wrapper, find, typeName, ok } = await openDialog(api)
    await typeName('CRM sync')
    ok().click()
    await flushPromises()
    const alert = find('[data-testid="error-alert"]')
    expect(alert?.textContent).toContain(failureMessage('API_KEY_LIMIT', 'en'))
    expect(alert?.textContent).toContain(partnerAction('API_KEY_LIMIT', 'en'))
    expect(wrapper.emitted('created')).toBeUndefined()
    wrapper.unmount()
  })
})
