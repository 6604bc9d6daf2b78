import type { InvitationLinkView } from '@partner-center/contracts'
import {
  associationTypeDefinition,
  associationTypeLabel,
  associationTypeNote,
  type AssociationType,
} from '@partner-center/domain'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { usePortalI18n, type PortalLocale } from '../i18n'
import EmailCodeStep from './EmailCodeStep.vue'
import LinkSummary from './LinkSummary.vue'
import RegisterForm from './RegisterForm.vue'

const names = { partner: 'Acme Cloud Services', platform: 'Example Cloud' }

function view(associationType: AssociationType, expiresAt: string | null): InvitationLinkView {
  return {
    partnerName: names.partner,
    partnerContactEmail: 'partners@acme.example',
    associationType,
    expiresAt,
    locale: 'en',
    platformName: names.platform,
  }
}

const cases = (['reseller', 'referral'] as const).flatMap((type) =>
  (['en', 'zh-CN'] as const).map((locale) => ({ type, locale }))
)
const HEADINGS: Record<PortalLocale, string> = {
  en: 'Acme Cloud Services invites you to associate your Example Cloud account',
  'zh-CN': 'Acme Cloud Services 邀请您关联 Example Cloud 账号',
}

afterEach(() => {
  usePortalI18n().setLocale('en')
  vi.useRealTimers()
})

describe('S25: what an invitation link shows', () => {
  it.each(cases)('the $locale $type texts of the domain, and the note', ({ type, locale }) => {
    usePortalI18n().setLocale(locale)
    const wrapper = mount(LinkSummary, { props: { view: view(type, null), withNote: true } })
    expect(wrapper.get('h1').text()).toBe(HEADINGS[locale])
    const line = wrapper.get('[data-testid="association-type"]')
    const label = locale === 'en' ? 'Association type: ' : '关联类型:'
    expect(line.get('strong').text()).toBe(`${label}${associationTypeLabel(type, locale)}`)
    expect(line.get('[data-testid="association-type-definition"]').text()).toBe(
      associationTypeDefinition(type, locale, 'customer', names)
    )
    const note = associationTypeNote(type, locale, 'customer', names)
    const notices = wrapper.findAll('[data-testid="freeze-notice"]').map((n) => n.text())
    expect(notices).toEqual(note === null ? [] : [note])
    // A link without expiry says nothing about one; the tag is never among the texts.
    expect(wrapper.find('[data-testid="link-expires"]').exists()).toBe(false)
  })

  it('says until when an activity link works, and leaves the note to the opening page', () => {
    const wrapper = mount(LinkSummary, {
      props: { view: view('reseller', '2026-03-09T09:00:00.000Z'), withNote: false },
    })
    expect(wrapper.get('[data-testid="link-expires"]').text()).toMatch(
      /^This link works until \d{4}-\d{2}-\d{2} \d{2}:\d{2}2026-03-09 09:00 UTC\.$/
    )
    expect(wrapper.find('[data-testid="freeze-notice"]').exists()).toBe(false)
  })
})

describe('S26: the email code field', () => {
  const props = {
    expiresAt: '2026-03-02T09:10:00.000Z',
    resendAt: Date.parse('2026-03-02T09:01:00.000Z'),
    confirmLabel: 'Confirm and Register',
    busy: false,
    codeError: null,
    serverError: null,
  }

  it('is a numeric one-time-code field that takes 6 digits before Confirm', async () => {
    const wrapper = mount(EmailCodeStep, {
      props: { ...props, now: () => Date.parse('2026-03-02T09:00:00.000Z') },
    })
    const input = wrapper.get('input')
    expect(input.attributes('inputmode')).toBe('numeric')
    expect(input.attributes('autocomplete')).toBe('one-time-code')
    const confirm = wrapper.get('button[type="submit"]')
    await input.setValue('12a 3４5')
    expect((input.element as HTMLInputElement).value).toBe('12345')
    expect(confirm.attributes('disabled')).toBeDefined()
    await input.setValue('0123456')
    expect((input.element as HTMLInputElement).value).toBe('012345')
    expect(confirm.attributes('disabled')).toBeUndefined()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('confirm')).toEqual([['012345']])
  })

  it('counts down to Resend Code from resendAfterSeconds', async () => {
    vi.useFakeTimers()
    let now = Date.parse('2026-03-02T09:00:00.000Z')
    const wrapper = mount(EmailCodeStep, { props: { ...props, now: () => now } })
    const resend = wrapper.get('[data-testid="resend-code"]')
    expect(resend.text()).toBe('Resend in 60 s')
    expect(resend.attributes('disabled')).toBeDefined()
    now += 59_500
    vi.advanceTimersByTime(1000)
    await nextTick()
    expect(resend.text()).toBe('Resend in 1 s')
    now += 500
    vi.advanceTimersByTime(1000)
    await nextTick()
    expect(resend.text()).toBe('Resend Code')
    expect(resend.attributes('disabled')).toBeUndefined()
    await resend.trigger('click')
    expect(wrapper.emitted('resend')).toHaveLength(1)
  })

  it.each([
    ['en', 'The verification code is incorrect. 3 tries left'],
    ['zh-CN', '验证码错误。 还可尝试 3 次'],
  ] as const)('shows a wrong code under the field with the tries left (%s)', (locale, text) => {
    usePortalI18n().setLocale(locale)
    const message = locale === 'en' ? 'The verification code is incorrect.' : '验证码错误。'
    const wrapper = mount(EmailCodeStep, {
      props: { ...props, codeError: { message, triesLeft: 3 } },
    })
    expect(wrapper.get('[data-testid="email-code-error"]').text()).toBe(text)
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
  })
})

describe('S26: the register form of a link', () => {
  const state = { email: '', platform: 'Example Cloud', busy: false, serverError: null }

  it('takes a typed email and sends it with the form, after checking it', async () => {
    const wrapper = mount(RegisterForm, {
      props: { ...state, emailEditable: true, text: { submit: 'Send Code' } },
    })
    const email = wrapper.get('#register-email')
    expect(email.attributes('readonly')).toBeUndefined()
    expect(wrapper.get('button[type="submit"]').text()).toBe('Send Code')
    await email.setValue('not an address')
    await wrapper.get('#register-name').setValue('Link Owner')
    await wrapper.get('#register-password').setValue('correct horse battery')
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')).toBeUndefined()
    expect(wrapper.text()).toContain('Enter a valid email address.')
    await email.setValue(' new.link@customer.example ')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')).toEqual([
      [
        {
          email: 'new.link@customer.example',
          displayName: 'Link Owner',
          password: 'correct horse battery',
        },
      ],
    ])
  })

  it('keeps the invited email fixed and out of the submit on an email invitation', async () => {
    const wrapper = mount(RegisterForm, { props: { ...state, email: 'fixed@customer.example' } })
    expect(wrapper.get('#register-email').attributes('readonly')).toBeDefined()
    await wrapper.get('#register-name').setValue('Fixed Owner')
    await wrapper.get('#register-password').setValue('correct horse battery')
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')?.[0]?.[0]).not.toHaveProperty('email')
  })
})
