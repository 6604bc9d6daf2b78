import type { MeResponse } from '@partner-center/contracts'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeMe } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { usePreregistrationsStore } from '../../stores/preregistrations'
import { useSessionStore } from '../../stores/session'
import PreregistrationPanel from './PreregistrationPanel.vue'

const ASK_ADMIN =
  'Your role does not allow this. Ask your partner administrator to give your role this permission.'

async function openAs(role: MeResponse['user']['role']) {
  const me = fakeMe()
  me.user.role = role
  const api = fakeApi({ getMe: () => Promise.resolve(me) })
  const pinia = createPinia()
  const run = inApp(api, pinia)
  await run(() => useSessionStore()).load()
  await run(() => usePreregistrationsStore()).load()
  const { wrapper } = mountWith(PreregistrationPanel, { api, pinia })
  // Whatever the mount started settles before the rows are read.
  await flushPromises()
  return wrapper
}

describe('PreregistrationPanel controls a role lacks (S4, S6, issue 16)', () => {
  it('keeps Preregister, Invite, Batch Delete and the row actions, disabled with whom to ask', async () => {
    const wrapper = await openAs('read_only')
    const controls = [
      ['preregister-button', 'Preregister Customer'],
      ['invite-button', 'Invite'],
      ['batch-delete-button', 'Batch Delete'],
      ['row-invite', 'Invite'],
      ['row-delete', 'Delete'],
    ] as const
    const states = controls.map(([testId]) => {
      const control = wrapper.get(`[data-testid="${testId}"]`)
      // The hint is the focusable wrapper around the disabled control.
      const hint = control.element.closest('[tabindex="0"]')
      return {
        testId,
        disabled: control.attributes('disabled') !== undefined,
        hint: hint?.getAttribute('aria-label'),
      }
    })
    expect(states).toEqual(
      controls.map(([testId, label]) => ({
        testId,
        disabled: true,
        hint: `${label}: ${ASK_ADMIN}`,
      }))
    )
    wrapper.unmount()
  })

  it('gives a role with the permissions the controls without a permission hint', async () => {
    const wrapper = await openAs('sales')
    expect(wrapper.find('[data-testid="permission-hint"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="preregister-button"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid="row-invite"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid="row-delete"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('draws the controls disabled without a reason until /me has answered', () => {
    // Nothing has asked for `/me` yet: the role is unknown.
    const { wrapper } = mountWith(PreregistrationPanel, { api: fakeApi() })
    expect(wrapper.get('[data-testid="preregister-button"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid="permission-hint"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
