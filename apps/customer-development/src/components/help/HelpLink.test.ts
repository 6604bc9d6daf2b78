import { associationTypeDefinition, associationTypeNote } from '@partner-center/domain'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { fakeApi, fakeMe, fakeRow } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useModuleRouteStore } from '../../stores/module-route'
import { useSessionStore } from '../../stores/session'
import InviteDialog from '../invite/InviteDialog.vue'

const names = { platform: fakeMe().platformName }

describe('HelpLink in the Invite dialog (S9, S20)', () => {
  it('sits beside the domain’s definitions and opens the help view', async () => {
    const api = fakeApi({ getMe: () => Promise.resolve(fakeMe({ referralModelEnabled: true })) })
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { overlay, wrapper } = mountWith(InviteDialog, {
      api,
      props: { rows: [fakeRow()] },
      pinia,
    })
    await flushPromises()

    const types = overlay.querySelector('[data-testid="association-type"]')?.textContent ?? ''
    for (const type of ['reseller', 'referral'] as const) {
      expect(types).toContain(associationTypeDefinition(type, 'en', 'partner', names))
    }
    // The freeze is a note of its own, not part of the Reseller definition.
    const paragraphs = [...overlay.querySelectorAll('.pc-cd-type-choice__text')].map((p) =>
      p.textContent?.trim()
    )
    expect(paragraphs).toContain(associationTypeNote('reseller', 'en', 'partner', names))

    const route = inApp(api, pinia)(() => useModuleRouteStore())
    const link = overlay.querySelector<HTMLAnchorElement>('[data-testid="help-link"]')
    expect(link?.textContent).toBe('For details, see Inviting Pre-registered Customers')
    link?.click()
    expect(route.view).toBe('help')
    wrapper.unmount()
  })
})
