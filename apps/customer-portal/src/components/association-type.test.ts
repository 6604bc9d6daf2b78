import type { AcceptInvitationResponse, InvitationView } from '@partner-center/contracts'
import {
  associationTypeDefinition,
  associationTypeLabel,
  associationTypeNote,
  type AssociationType,
} from '@partner-center/domain'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { usePortalI18n, type PortalLocale } from '../i18n'
import AcceptStep from './AcceptStep.vue'
import InvitationSummary from './InvitationSummary.vue'
import SuccessPanel from './SuccessPanel.vue'

const names = { partner: 'Acme Cloud Services', platform: 'Example Cloud' }

function view(associationType: AssociationType, locale: PortalLocale): InvitationView {
  return {
    partnerName: names.partner,
    partnerContactEmail: 'partners@acme.example',
    associationType,
    invitedEmail: 'fresh@customer.example',
    expiresAt: '2026-03-09T09:00:00.000Z',
    locale,
    platformName: names.platform,
  }
}

const cases = (['reseller', 'referral'] as const).flatMap((type) =>
  (['en', 'zh-CN'] as const).map((locale) => ({ type, locale }))
)

afterEach(() => usePortalI18n().setLocale('en'))

describe('the portal says the domain’s association type texts (S14, S17, S18)', () => {
  it.each(cases)('summary: the $locale $type name and definition', ({ type, locale }) => {
    usePortalI18n().setLocale(locale)
    const wrapper = mount(InvitationSummary, { props: { view: view(type, locale) } })
    const line = wrapper.get('[data-testid="association-type"]')
    expect(line.get('strong').text()).toBe(associationTypeLabel(type, locale))
    expect(line.get('[data-testid="association-type-definition"]').text()).toBe(
      associationTypeDefinition(type, locale, 'customer', names)
    )
    // The name is said once: the definition does not start with it again.
    expect(line.text().split(associationTypeLabel(type, locale))).toHaveLength(2)
  })

  it.each(cases)('accept step: only the $locale $type texts', ({ type, locale }) => {
    usePortalI18n().setLocale(locale)
    const wrapper = mount(AcceptStep, {
      props: {
        view: view(type, locale),
        email: 'fresh@customer.example',
        busy: false,
        serverError: null,
      },
    })
    const other: AssociationType = type === 'reseller' ? 'referral' : 'reseller'
    const definition = associationTypeDefinition(type, locale, 'customer', names)
    expect(wrapper.get('[data-testid="accept-association-type"]').text()).toContain(definition)
    expect(wrapper.get('[data-testid="association-instructions"]').text()).toContain(definition)
    expect(wrapper.text()).not.toContain(
      associationTypeDefinition(other, locale, 'customer', names)
    )
    expect(wrapper.text()).not.toContain(associationTypeLabel(other, locale))
    const note = associationTypeNote(type, locale, 'customer', names)
    const notices = wrapper.findAll('[data-testid="freeze-notice"]').map((n) => n.text())
    expect(notices).toEqual(note === null ? [] : [note])
    expect(/frozen|冻结/.test(wrapper.text())).toBe(note !== null)
  })

  it('success: the reseller freeze note of the domain', () => {
    const result: AcceptInvitationResponse = {
      partnerName: names.partner,
      partnerContactEmail: null,
      associationType: 'reseller',
      associatedAt: '2026-03-02T09:00:00.000Z',
      frozenPendingBudget: true,
    }
    const wrapper = mount(SuccessPanel, { props: { result, platform: names.platform } })
    expect(wrapper.get('.notice').text()).toBe(
      associationTypeNote('reseller', 'en', 'customer', names)
    )
    expect(wrapper.text()).toContain('Association type: Reseller')
  })
})
