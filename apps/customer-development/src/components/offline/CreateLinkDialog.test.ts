import { ApiError } from '@partner-center/contracts/transport'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { FAKE_ECOSYSTEM_MANAGER, fakeApi, fakeMe } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useOfflineMessages } from '../../composables/use-offline-messages'
import { useSessionStore } from '../../stores/session'
import CreateLinkDialog from './CreateLinkDialog.vue'
import { defineComponent, h } from 'vue'

// S23's Create Custom Link dialog (R93, R94): the tag's errors under the field, the association
// type as in S9, and the validity limit of `GET /me` (45 days in the fake, not the default 90).
const Harness = defineComponent({
  emits: ['created', 'close'],
  setup(_, { emit }) {
    const ready = useOfflineMessages()
    return () =>
      ready.value
        ? h(CreateLinkDialog, {
            onCreated: (link: unknown) => emit('created', link),
            onClose: () => emit('close'),
          })
        : null
  },
})

async function openDialog(api = fakeApi()) {
  const pinia = createPinia()
  await inApp(api, pinia)(() => useSessionStore()).load()
  const { wrapper, overlay } = mountWith(Harness, { api, pinia })
  await vi.waitFor(() =>
    expect(overlay.querySelector('[data-testid="create-link-dialog"]')).not.toBeNull()
  )
  const dialog = () => overlay.querySelector<HTMLElement>('[data-testid="create-link-dialog"]')!
  const find = <E extends Element = HTMLElement>(selector: string) =>
    dialog().querySelector<E>(selector)
  async function type(selector: string, value: string) {
    const input = find<HTMLInputElement>(selector)!
    input.value = value
    input.dispatchEvent(new Event('input'))
    await flushPromises()
  }
  async function ok() {
    find('[data-testid="create-link-ok"]')!.click()
    await flushPromises()
  }
  return { wrapper, api, dialog, find, type, ok }
}

describe('Create Custom Link', () => {
  it('says under the field that an empty tag is refused, and sends nothing', async () => {
    const { wrapper, api, dialog, ok } = await openDialog()
    await ok()
    await vi.waitFor(() =>
      expect(dialog().querySelector('.cd-el-form-item__error')?.textContent?.trim()).toBe(
        'A tag must have 1 to 32 characters and no control or format characters.'
      )
    )
    expect(api.createInvitationLink).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('puts LINK_TAG_TAKEN under the tag field and keeps the dialog open', async () => {
    const api = fakeApi({
      createInvitationLink: () =>
        Promise.reject(new ApiError({ code: 'LINK_TAG_TAKEN', status: 409, message: 'taken' })),
    })
    const { wrapper, dialog, type, ok } = await openDialog(api)
    await type('#pc-cd-link-tag', 'Spring Fair')
    await ok()
    await vi.waitFor(() =>
      expect(dialog().querySelector('.cd-el-form-item__error')?.textContent?.trim()).toBe(
        'This tag is already used by another link or user of your organisation.'
      )
    )
    expect(wrapper.emitted('created')).toBeUndefined()
    wrapper.unmount()
  })

  it('creates a reseller link that never expires by default', async () => {
    const { wrapper, api, find, type, ok } = await openDialog()
    expect(find('[data-testid="create-link-expiry-hint"]')?.textContent?.trim()).toBe(
      'The link never expires.'
    )
    expect(find('#pc-cd-link-tag-hint')?.textContent?.trim()).toMatch(/^1 to 32 characters\./)
    await type('#pc-cd-link-tag', 'Spring Fair')
    await ok()
    expect(api.createInvitationLink).toHaveBeenCalledWith({
      tag: 'Spring Fair',
      associationType: 'reseller',
      expiresInDays: undefined,
    })
    expect(wrapper.emitted('created')).toHaveLength(1)
    wrapper.unmount()
  })

  it('makes an activity link of at most the limit of GET /me', async () => {
    const { wrapper, api, find, type, ok } = await openDialog()
    find<HTMLInputElement>('[data-testid="create-link-activity"] input')!.click()
    await flushPromises()
    const days = find<HTMLInputElement>('#pc-cd-link-days')!
    expect(days.getAttribute('aria-valuemax')).toBe('45')
    await type('#pc-cd-link-days', '60')
    days.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(find('[data-testid="create-link-expiry-hint"]')?.textContent?.trim()).toBe(
      'The link stops working 45 days after it is created.'
    )
    await type('#pc-cd-link-tag', 'Fair')
    await ok()
    expect(api.createInvitationLink).toHaveBeenCalledWith(
      expect.objectContaining({ expiresInDays: 45 })
    )
    wrapper.unmount()
  })

  it('offers Referral disabled, naming the ecosystem manager, without the referral model', async () => {
    const api = fakeApi({ getMe: () => Promise.resolve(fakeMe({ referralModelEnabled: false })) })
    const { wrapper, find } = await openDialog(api)
    const radios = find('[data-testid="association-type"]')!.querySelectorAll('input')
    expect(radios).toHaveLength(2)
    expect(radios[1]?.disabled).toBe(true)
    expect(find('[data-testid="association-type"]')?.textContent).toContain(
      'Referral (contact your ecosystem manager to apply for the permission)'
    )
    expect(find('[data-testid="type-contact"]')?.textContent?.trim()).toBe(
      `Your ecosystem manager: ${FAKE_ECOSYSTEM_MANAGER.name} (${FAKE_ECOSYSTEM_MANAGER.email})`
    )
    wrapper.unmount()
  })
})
