import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { fakeApi } from '../../../test/fake-api'
import { mountWith } from '../../../test/mount-with'
import CheckedRowAction from './CheckedRowAction.vue'

describe('CheckedRowAction', () => {
  it('offers the action when the check allows it', async () => {
    const { wrapper } = mountWith(CheckedRowAction, {
      api: fakeApi(),
      props: { label: 'Resend', check: { allowed: true }, testId: 'row-resend' },
    })
    await wrapper.get('[data-testid="row-resend"]').trigger('click')
    expect(wrapper.emitted('run')).toHaveLength(1)
    wrapper.unmount()
  })

  it('disables the action with the cooldown as its reason, and makes the tooltip on first hover only', async () => {
    const { wrapper, overlay } = mountWith(CheckedRowAction, {
      api: fakeApi(),
      props: {
        label: 'Resend',
        check: { allowed: false, code: 'RESEND_COOLDOWN', retryAfterSeconds: 500 },
        testId: 'row-resend',
      },
    })
    expect(wrapper.get('[data-testid="row-resend"]').attributes('disabled')).toBeDefined()
    const hint = wrapper.get('[aria-label="Resend: Available in 9 min"]')
    expect(overlay.textContent).not.toContain('Available in 9 min')
    await hint.trigger('mouseenter')
    await nextTick()
    expect(overlay.textContent).toContain('Available in 9 min')
    wrapper.unmount()
  })
})
