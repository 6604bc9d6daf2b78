import type { EcosystemManagerContact } from '@partner-center/contracts'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { FAKE_ECOSYSTEM_MANAGER, fakeApi, fakeMe, fakeRow } from '../../../test/fake-api'
import { inApp, mountWith } from '../../../test/mount-with'
import { useSessionStore } from '../../stores/session'
import InviteDialog from './InviteDialog.vue'

async function open(
  capabilities: Parameters<typeof fakeMe>[0],
  rows = [fakeRow()],
  ecosystemManager: EcosystemManagerContact = FAKE_ECOSYSTEM_MANAGER
) {
  const me = fakeMe(capabilities)
  if (me.partner) me.partner.ecosystemManager = ecosystemManager
  const api = fakeApi({ getMe: () => Promise.resolve(me) })
  const pinia = createPinia()
  const session = inApp(api, pinia)(() => useSessionStore())
  await session.load()
  const { overlay, wrapper } = mountWith(InviteDialog, {
    api,
    props: { rows },
    pinia,
  })
  await flushPromises()
  return { api, overlay, wrapper }
}

/** Label, disabled and checked state of each association type option, in order. */
function radioStates(overlay: HTMLElement) {
  return [...overlay.querySelectorAll('[data-testid="association-type"] .cd-el-radio')].map(
    (radio) => {
      const input = radio.querySelector('input')
      return {
        label: radio.textContent?.trim(),
        disabled: input?.disabled ?? null,
        checked: input?.checked ?? null,
      }
    }
  )
}

describe('InviteDialog', () => {
  it('shows Referral disabled, naming the ecosystem manager, when referral is not enabled', async () => {
    const { overlay, wrapper } = await open({ referralModelEnabled: false })
    expect(radioStates(overlay)).toEqual([
      { label: 'Reseller', disabled: false, checked: true },
      {
        label: 'Referral (contact your ecosystem manager to apply for the permission)',
        disabled: true,
        checked: false,
      },
    ])
    expect(overlay.querySelector('[data-testid="type-contact"]')?.textContent?.trim()).toBe(
      'Your ecosystem manager: Mei Chen (mei.chen@ecosystem.example)'
    )
    wrapper.unmount()
  })

  it('says only "your ecosystem manager" when the partner has none on record', async () => {
    const { overlay, wrapper } = await open({ referralModelEnabled: false }, [fakeRow()], {
      name: null,
      email: null,
    })
    expect(radioStates(overlay)[1]?.label).toBe(
      'Referral (contact your ecosystem manager to apply for the permission)'
    )
    expect(overlay.querySelector('[data-testid="type-contact"]')).toBeNull()
    wrapper.unmount()
  })

  it('offers Referral enabled, with no contact line, when the partner has it', async () => {
    const { overlay, wrapper } = await open({ referralModelEnabled: true })
    expect(radioStates(overlay).map(({ label, disabled }) => ({ label, disabled }))).toEqual([
      { label: 'Reseller', disabled: false },
      { label: 'Referral', disabled: false },
    ])
    expect(overlay.querySelector('[data-testid="type-contact"]')).toBeNull()
    wrapper.unmount()
  })

  it('offers only Referral, with the prepaid note, to a prepaid partner', async () => {
    const { overlay, wrapper } = await open({ isPrepaid: true, referralModelEnabled: true })
    expect(radioStates(overlay).map(({ label }) => label)).toEqual(['Referral'])
    expect(overlay.textContent).toContain('Prepaid partners can invite only in the referral model.')
    wrapper.unmount()
  })

  it('shows a prepaid partner without referral the refusal and Referral to apply for', async () => {
    const { overlay, wrapper } = await open({ isPrepaid: true, referralModelEnabled: false })
    expect(radioStates(overlay).map(({ label, disabled }) => ({ label, disabled }))).toEqual([
      {
        label: 'Referral (contact your ecosystem manager to apply for the permission)',
        disabled: true,
      },
    ])
    expect(overlay.textContent).toContain(
      'Prepaid partners cannot invite customers in the reseller model.'
    )
    const ok = overlay.querySelector<HTMLButtonElement>('[data-testid="invite-ok"]')
    expect(ok?.disabled).toBe(true)
    wrapper.unmount()
  })

  it('marks each customer as sent or skipped with the reason', async () => {
    const rows = [
      fakeRow(),
      fakeRow({
        id: '10000000-0000-4000-8000-000000000002',
        inviteCheck: { allowed: false, code: 'RESEND_COOLDOWN', retryAfterSeconds: 290 },
      }),
    ]
    const { overlay, wrapper } = await open({}, rows)
    const text = overlay.querySelector('[data-testid="invite-rows"]')?.textContent ?? ''
    expect(text).toContain('will be sent')
    expect(text).toContain('will be skipped: Available in 5 min')
    wrapper.unmount()
  })

  it('sends one batch with the chosen type and shows the summary', async () => {
    const { api, overlay, wrapper } = await open({})
    const ok = overlay.querySelector<HTMLButtonElement>('[data-testid="invite-ok"]')
    ok?.click()
    ok?.click()
    await flushPromises()
    await vi.waitFor(() => expect(overlay.textContent).toContain('1 queued, 0 skipped'))
    expect(api.sendInvitations).toHaveBeenCalledTimes(1)
    expect(api.sendInvitations.mock.calls[0]?.[0]).toEqual({
      preregistrationIds: [fakeRow().id],
      associationType: 'reseller',
    })
    expect(overlay.textContent).toContain('1 queued, 0 skipped')
    wrapper.unmount()
  })
})

// Issue 16 items 6 and 7 (S9): the customers are masked whatever the list's eye state, and the
// validity note states the link validity of GET /me in the singular for one day.
describe('InviteDialog masking and validity', () => {
  it('lists the selected customers masked, even from revealed rows', async () => {
    const revealed = [
      fakeRow({ customerName: 'Alpha Robotics', email: 'new.alpha@customer.example' }),
    ]
    const { overlay, wrapper } = await open({}, revealed)
    const rows = overlay.querySelector('[data-testid="invite-rows"]')?.textContent ?? ''
    expect(rows).toContain('A***')
    expect(rows).toContain('n***@customer.example')
    expect(rows).not.toContain('Alpha Robotics')
    expect(rows).not.toContain('new.alpha@')
    wrapper.unmount()
  })

  it('states a link validity of 1 day in the singular', async () => {
    const me = fakeMe()
    const api = fakeApi({
      getMe: () => Promise.resolve({ ...me, limits: { ...me.limits, invitationTtlDays: 1 } }),
    })
    const pinia = createPinia()
    await inApp(api, pinia)(() => useSessionStore()).load()
    const { overlay, wrapper } = mountWith(InviteDialog, {
      api,
      pinia,
      props: { rows: [fakeRow()] },
    })
    await flushPromises()
    expect(overlay.querySelector('[data-testid="validity-note"]')?.textContent?.trim()).toBe(
      'Each link works once and stops working 1 day after it is sent. Ask your customers to act before then.'
    )
    wrapper.unmount()
  })
})
