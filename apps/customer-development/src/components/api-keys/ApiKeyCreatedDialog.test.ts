import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import { useApiKeysMessages } from '../../composables/use-api-keys-messages'
import ApiKeyCreatedDialog from './ApiKeyCreatedDialog.vue'

// S34's API Key Created (as S32): the key once, Copy, and only "I have stored it" closes it.
const SECRET = `pck_${'s'.repeat(43)}`

const Harness = defineComponent({
  emits: ['close'],
  setup(_, { emit }) {
    const ready = useApiKeysMessages()
    return () =>
      ready.value ? h(ApiKeyCreatedDialog, { secret: SECRET, onClose: () => emit('close') }) : null
  },
})

async function openDialog() {
  const { wrapper, overlay } = mountWith(Harness, { api: fakeApi(), pinia: createPinia() })
  await vi.waitFor(() =>
    expect(overlay.querySelector('[data-testid="api-key-created-dialog"]')).not.toBeNull()
  )
  const find = (selector: string) => overlay.querySelector<HTMLElement>(selector)
  return { wrapper, overlay, find }
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('API Key Created', () => {
  it('shows the key read-only with the once-only warning and no close button', async () => {
    const { wrapper, find } = await openDialog()
    const input = find('input[data-testid="api-key-secret"]') as HTMLInputElement
    expect(input.value).toBe(SECRET)
    expect(input.readOnly).toBe(true)
    expect(find('[data-testid="api-key-created-dialog"]')?.textContent).toContain(
      'Copy this key now. It is shown only once and cannot be recovered; if you lose it, revoke it and create a new one.'
    )
    expect(find('.cd-el-dialog__headerbtn')).toBeNull()
    wrapper.unmount()
  })

  it('ignores Esc and a click outside', async () => {
    const { wrapper, find } = await openDialog()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }))
    const overlay = find('[data-testid="api-key-created-dialog"]')?.closest<HTMLElement>(
      '.cd-el-overlay-dialog'
    )
    for (const type of ['mousedown', 'mouseup', 'click']) {
      overlay?.dispatchEvent(new MouseEvent(type, { bubbles: true }))
    }
    await flushPromises()
    expect(wrapper.emitted('close')).toBeUndefined()
    // Element Plus hides a closing dialog's overlay (v-show) once its transition ends.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(find('.cd-el-overlay')?.style.display).not.toBe('none')
    wrapper.unmount()
  })

  it('copies the key and says "Key copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { wrapper, overlay, find } = await openDialog()
    find('[data-testid="api-key-copy"]')?.click()
    await vi.waitFor(() => expect(overlay.textContent).toContain('Key copied'))
    expect(writeText).toHaveBeenCalledWith(SECRET)
    wrapper.unmount()
  })

  it('asks to be closed on "I have stored it"', async () => {
    const { wrapper, find } = await openDialog()
    expect(find('[data-testid="api-key-stored"]')?.textContent?.trim()).toBe('I have stored it')
    find('[data-testid="api-key-stored"]')?.click()
    await flushPromises()
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })
})
