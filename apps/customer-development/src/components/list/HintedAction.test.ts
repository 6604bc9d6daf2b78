import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import HintedAction from './HintedAction.vue'

const PROPS = { label: 'Send Test', type: 'primary', testId: 'act', hintTestId: 'act-hint' }

describe('HintedAction', () => {
  it('runs the action when nothing blocks it, and has no hint', async () => {
    const { wrapper } = mountWith(HintedAction, {
      api: fakeApi(),
      props: { ...PROPS, reason: null },
    })
    expect(wrapper.find('[data-testid="act-hint"]').exists()).toBe(false)
    await wrapper.get('[data-testid="act"]').trigger('click')
    expect(wrapper.emitted('run')).toHaveLength(1)
    wrapper.unmount()
  })

  it('keeps the action disabled while `disabled`', () => {
    const { wrapper } = mountWith(HintedAction, {
      api: fakeApi(),
      props: { ...PROPS, reason: null, disabled: true },
    })
    expect(wrapper.get('[data-testid="act"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('disables a blocked action and gives the reason on hover and to screen readers', async () => {
    const { wrapper, overlay } = mountWith(HintedAction, {
      api: fakeApi(),
      props: { ...PROPS, reason: 'The endpoint is disabled.' },
    })
    expect(wrapper.get('[data-testid="act"]').attributes('disabled')).toBeDefined()
    const hint = wrapper.get('[data-testid="act-hint"]')
    expect(hint.attributes('aria-label')).toBe('Send Test: The endpoint is disabled.')
    await hint.trigger('mouseenter')
    await nextTick()
    expect(overlay.textContent).toContain('The endpoint is disabled.')
    await wrapper.get('[data-testid="act"]').trigger('click')
    expect(wrapper.emitted('run')).toBeUndefined()
    wrapper.unmount()
  })
})
