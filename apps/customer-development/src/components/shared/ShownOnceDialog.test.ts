import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import ShownOnceDialog from './ShownOnceDialog.vue'

// The shared shown-once dialog: the value read-only, Copy, a note slot, and only
// "I have stored it" closes it.
const SECRET = 'the-secret-value'

const Harness = defineComponent({
  emits: ['close'],
  setup(_, { emit }) {
    useI18n({ useScope: 'global' }).mergeLocaleMessage('en', {
      once: {
        title: 'Secret Created',
        text: 'Copy it now.',
        name: 'Secret',
        copy: 'Copy',
        copied: 'Secret copied',
        stored: 'Stored',
      },
    })
    return () =>
      h(
        ShownOnceDialog,
        {
          secret: SECRET,
          width: '560px',
          messages: 'once',
          labelKey: 'name',
          testIds: { value: 'once-value', copy: 'once-copy', stored: 'once-stored' },
          'data-testid': 'once-dialog',
          onClose: () => emit('close'),
        },
        { default: () => h('p', { 'data-testid': 'once-note' }, 'A note') }
      )
  },
})

async function openDialog() {
  const { wrapper, overlay } = mountWith(Harness, { api: fakeApi() })
  await vi.waitFor(() =>
    expect(overlay.querySelector('[data-testid="once-dialog"]')).not.toBeNull()
  )
  const find = (selector: string) => overlay.querySelector<HTMLElement>(selector)
  return { wrapper, overlay, find }
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('ShownOnceDialog', () => {
  it('shows the value read-only with its texts, the note and no close button', async () => {
    const { wrapper, find } = await openDialog()
    const input = find('input[data-testid="once-value"]') as HTMLInputElement
    expect(input.value).toBe(SECRET)
    expect(input.readOnly).toBe(true)
    expect(input.getAttribute('aria-label')).toBe('Secret')
    expect(find('.cd-el-dialog__title')?.textContent).toBe('Secret Created')
    expect(find('[data-testid="once-stored"]')?.textContent?.trim()).toBe('Stored')
    expect(find('[data-testid="once-dialog"]')?.textContent).toContain('Copy it now.')
    expect(find('[data-testid="once-note"]')?.textContent).toBe('A note')
    expect(find('.cd-el-dialog__headerbtn')).toBeNull()
    wrapper.unmount()
  })

  it('ignores Esc', async () => {
    const { wrapper } = await openDialog()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape' }))
    await flushPromises()
    expect(wrapper.emitted('close')).toBeUndefined()
    wrapper.unmount()
  })

  it('copies the value and says the copied text', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { wrapper, overlay, find } = await openDialog()
    find('[data-testid="once-copy"]')?.click()
    await vi.waitFor(() => expect(overlay.textContent).toContain('Secret copied'))
    expect(writeText).toHaveBeenCalledWith(SECRET)
    wrapper.unmount()
  })

  it('asks to be closed on the stored button', async () => {
    const { wrapper, find } = await openDialog()
    find('[data-testid="once-stored"]')?.click()
    await flushPromises()
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })
})
