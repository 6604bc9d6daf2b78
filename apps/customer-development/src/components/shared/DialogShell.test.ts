import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import DialogShell from './DialogShell.vue'

/** Opens the shell in the overlay as a dialog would; `done` can be switched afterwards. */
async function open(props: Record<string, unknown>) {
  const done = ref(false)
  const events: string[] = []
  const host = defineComponent({
    setup: () => () =>
      h(
        DialogShell,
        {
          title: 'Invite Customers',
          width: '640px',
          'data-testid': 'some-dialog',
          done: done.value,
          onOk: () => events.push('ok'),
          ...props,
        },
        {
          default: () => h('p', 'Body'),
          'done-actions': () => h('button', { type: 'button' }, 'View History'),
        }
      ),
  })
  const { wrapper, overlay } = mountWith(host, { api: fakeApi() })
  await flushPromises()
  const buttons = () =>
    [...overlay.querySelectorAll('.cd-el-dialog__footer button')].map((b) => b.textContent?.trim())
  const shown = () => overlay.querySelector<HTMLElement>('.cd-el-overlay')?.style.display !== 'none'
  return { wrapper, overlay, done, events, buttons, shown }
}

describe('DialogShell', () => {
  it('is a modal dialog named by its title in the overlay, with its test id on the dialog', async () => {
    const { wrapper, overlay } = await open({ okTestId: 'invite-ok' })
    const dialog = overlay.querySelector('[role="dialog"]')
    expect(dialog?.getAttribute('aria-modal')).toBe('true')
    expect(dialog?.getAttribute('aria-label')).toBe('Invite Customers')
    expect(overlay.querySelector('.cd-el-dialog')?.getAttribute('data-testid')).toBe('some-dialog')
    expect(overlay.querySelector('.cd-el-dialog__body')?.textContent).toBe('Body')
    wrapper.unmount()
  })

  it('gives a form Cancel and OK, then Close and the done actions once done', async () => {
    const { wrapper, overlay, done, events, buttons } = await open({ okTestId: 'invite-ok' })
    expect(buttons()).toEqual(['Cancel', 'OK'])
    overlay.querySelector<HTMLButtonElement>('[data-testid="invite-ok"]')?.click()
    expect(events).toEqual(['ok'])
    done.value = true
    await flushPromises()
    expect(buttons()).toEqual(['View History', 'Close'])
    wrapper.unmount()
  })

  it('closes a form on Cancel but not on a click outside', async () => {
    const { wrapper, overlay, shown } = await open({ okTestId: 'invite-ok' })
    clickOutside(overlay)
    await flushPromises()
    expect(shown()).toBe(true)
    const cancel = [...overlay.querySelectorAll<HTMLButtonElement>('.cd-el-dialog__footer button')]
    cancel.find((button) => button.textContent?.trim() === 'Cancel')?.click()
    await flushPromises()
    expect(shown()).toBe(false)
    wrapper.unmount()
  })

  it('draws a read-only dialog without a footer, closed by a click outside', async () => {
    const { wrapper, overlay, shown } = await open({})
    expect(overlay.querySelector('.cd-el-dialog__footer')).toBeNull()
    clickOutside(overlay)
    await flushPromises()
    expect(shown()).toBe(false)
    wrapper.unmount()
  })
})

/** A click on the dimmed area around the dialog (press and release on it, as Element Plus asks). */
function clickOutside(overlay: HTMLElement): void {
  const target = overlay.querySelector('.cd-el-overlay-dialog')
  if (!target) throw new Error('no dialog overlay')
  for (const type of ['mousedown', 'mouseup', 'click']) {
    target.dispatchEvent(new MouseEvent(type, { bubbles: true }))
  }
}
