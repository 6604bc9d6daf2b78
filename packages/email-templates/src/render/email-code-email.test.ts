import { describe, expect, it } from 'vitest'
import { EmailInputError } from '../email-input-error.js'
import type { EmailCodeProps } from '../types.js'
import { renderEmail } from './render-email.js'
import { createTemplateRenderer } from './template-renderer.js'

const props = (overrides: Partial<EmailCodeProps> = {}): EmailCodeProps => ({
  code: '012345',
  partnerName: 'Alpha Partner',
  platformName: 'Example Cloud',
  email: 'new.customer@customer.example',
  expiresAt: new Date('2026-03-02T09:10:00Z'),
  ...overrides,
})

describe('the email code email (domain.md §12.7.1)', () => {
  it('says the code in the subject and on its own line, in English', async () => {
    const email = await renderEmail({ template: 'email-code', locale: 'en', props: props() })
    expect(email.subject).toBe('012345 is your Example Cloud verification code')
    const lines = email.text.split('\n').map((line) => line.trim())
    expect(lines).toContain(
      'Enter this code to confirm new.customer@customer.example and continue with the invitation from Alpha Partner:'
    )
    expect(lines).toContain('012345')
    expect(lines).toContain('It expires on 2 Mar 2026, 09:10 UTC and works for 5 tries.')
    expect(email.text).toContain(
      "Didn't ask for it? Ignore this email: no account is created and nothing changes without the code."
    )
    expect(email.text).toContain('Sent by Example Cloud Partner Center.')
    expect(email.html).toContain('lang="en"')
  })

  it('is verbatim in Chinese', async () => {
    const email = await renderEmail({ template: 'email-code', locale: 'zh-CN', props: props() })
    expect(email.subject).toBe('012345 是您的 Example Cloud 验证码')
    expect(email.text).toContain(
      '请输入以下验证码以验证 new.customer@customer.example,并继续处理来自 Alpha Partner 的邀请:'
    )
    expect(email.text).toContain('验证码将于 2026年3月2日 09:10(UTC) 失效,最多可尝试 5 次。')
    expect(email.text).toContain('本邮件由 Example Cloud 合作伙伴中心发送。')
  })

  it('tells an existing account to sign in instead, with no code', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const email = await renderEmail({
        template: 'email-code',
        locale,
        props: props({ code: null }),
      })
      expect(email.subject).toBe(
        locale === 'en' ? 'You already have a Example Cloud account' : '您已拥有 Example Cloud 账号'
      )
      expect(email.text).not.toMatch(/\b\d{6}\b/)
    }
    const en = await renderEmail({
      template: 'email-code',
      locale: 'en',
      props: props({ code: null }),
    })
    expect(en.text).toContain(
      'Someone tried to register new.customer@customer.example through an invitation link from Alpha Partner.'
    )
    expect(en.text).toContain("Didn't ask for it? Ignore this email; nothing has changed.")
  })

  it('refuses a code that is not 6 digits and header-unsafe values', async () => {
    await expect(
      renderEmail({ template: 'email-code', locale: 'en', props: props({ code: '12345\r\n' }) })
    ).rejects.toBeInstanceOf(EmailInputError)
    await expect(
      renderEmail({ template: 'email-code', locale: 'en', props: props({ partnerName: 'A\nB' }) })
    ).rejects.toBeInstanceOf(EmailInputError)
  })

  it('renders the same bytes through the fast renderer', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const renderer = await createTemplateRenderer({ template: 'email-code', locale })
      for (const p of [props(), props({ code: null }), props({ partnerName: 'A & <B>' })]) {
        expect(renderer.renderSync(p)).toEqual(
          await renderEmail({ template: 'email-code', locale, props: p })
        )
      }
    }
  })
})
