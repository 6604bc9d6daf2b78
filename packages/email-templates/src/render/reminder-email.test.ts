import { associationTypeDefinition, associationTypeNote } from '@partner-center/domain'
import { describe, expect, it } from 'vitest'
import { EmailInputError } from '../email-input-error.js'
import { LINK, POLICY, invitation } from '../testing/fixtures.js'
import type { AssociationType, Locale } from '../types.js'
import { renderEmail } from './render-email.js'
import { createTemplateRenderer } from './template-renderer.js'

// Issue 20 (R119, §12.7.2): the reminder before an invitation expires, in both languages, with
// the invitation's layout and a new link.

const reminderCases: {
  locale: Locale
  type: AssociationType
  subject: string
  heading: string
  sentences: string[]
}[] = [
  {
    locale: 'en',
    type: 'reseller',
    subject: 'Reminder: your invitation from Alpha Partner expires on 22 Jan 2025, 09:30 UTC',
    heading: 'Your invitation from Alpha Partner expires soon',
    sentences: [
      'Hello Alpha Robotics,',
      'Alpha Partner invited you to work with them on Example Cloud under the Reseller model. The invitation is still open until 22 Jan 2025, 09:30 UTC.',
      'Review the invitation',
      `Or paste this link into your browser: ${LINK}`,
      'Register or sign in with new.alpha@customer.example. Your earlier invitation email works too; after 22 Jan 2025, 09:30 UTC neither does.',
      'Not interested? Ignore this email; nothing changes unless you accept. This is the only reminder.',
      'Sent by Example Cloud Partner Center on behalf of Alpha Partner (sales@alpha.example).',
    ],
  },
  {
    locale: 'en',
    type: 'referral',
    subject: 'Reminder: your invitation from Alpha Partner expires on 22 Jan 2025, 09:30 UTC',
    heading: 'Your invitation from Alpha Partner expires soon',
    sentences: [
      'Alpha Partner invited you to work with them on Example Cloud under the Referral model. The invitation is still open until 22 Jan 2025, 09:30 UTC.',
      'This is the only reminder.',
    ],
  },
  {
    locale: 'zh-CN',
    type: 'reseller',
    subject: '提醒:Alpha Partner 的邀请将于 2025年1月22日 09:30(UTC) 失效',
    heading: '来自 Alpha Partner 的邀请即将失效',
    sentences: [
      'Alpha Robotics,您好:',
      'Alpha Partner 邀请您以「代售」模式在 Example Cloud 上开展合作,该邀请在 2025年1月22日 09:30(UTC) 之前仍然有效。',
      '查看邀请',
      `如按钮无法打开,请将以下链接复制到浏览器:${LINK}`,
      '请使用 new.alpha@customer.example 注册或登录。之前的邀请邮件同样可用;2025年1月22日 09:30(UTC) 之后均将失效。',
      '如无意向,请忽略本邮件;除非您接受邀请,否则不会产生任何变化。这是唯一一封提醒邮件。',
      '本邮件由 Example Cloud 合作伙伴中心代 Alpha Partner(sales@alpha.example)发送。',
    ],
  },
  {
    locale: 'zh-CN',
    type: 'referral',
    subject: '提醒:Alpha Partner 的邀请将于 2025年1月22日 09:30(UTC) 失效',
    heading: '来自 Alpha Partner 的邀请即将失效',
    sentences: ['Alpha Partner 邀请您以「顾问销售」模式在 Example Cloud 上开展合作'],
  },
]

describe('renderEmail: invitation reminder (§12.7.2)', () => {
  it.each(reminderCases)(
    'renders the $locale $type reminder with the texts of §12.7.2 in HTML and text',
    async ({ locale, type, subject, heading, sentences }) => {
      const props = invitation({ associationType: type })
      const email = await renderEmail({
        template: 'invitation-reminder',
        locale,
        linkPolicy: POLICY,
        props,
      })
      expect(email.subject).toBe(subject)
      expect(email.html).toContain(`<html lang="${locale}"`)
      expect(email.html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`))
      expect(email.text.startsWith(`${heading}\n`)).toBe(true)
      expect(email.html).toContain(`href="${LINK}"`)
      for (const sentence of sentences) expect(email.text).toContain(sentence)
      for (const sentence of sentences.filter((s) => !s.includes(LINK))) {
        expect(email.html).toContain(sentence)
      }
      // The type's customer definition, and for Reseller its note, each a paragraph (§9.0).
      const names = { partner: props.partnerName, platform: props.platformName }
      const definition = associationTypeDefinition(type, locale, 'customer', names)
      const note = associationTypeNote(type, locale, 'customer', names)
      for (const paragraph of [definition, ...(note === null ? [] : [note])]) {
        expect(email.html).toMatch(new RegExp(`<p[^>]*>${paragraph}</p>`))
      }
      // Not the invitation's own sentences: a reminder never says the link works once.
      expect(email.text).not.toMatch(/works once|仅可使用一次/)
    }
  )

  it('has the invitation’s structure: the same paragraphs in the same order', async () => {
    const props = invitation()
    const paragraphs = (html: string) => html.match(/<(p|h1|a)\b/g)?.join(',')
    const sent = await renderEmail({
      template: 'invitation',
      locale: 'en',
      linkPolicy: POLICY,
      props,
    })
    const reminder = await renderEmail({
      template: 'invitation-reminder',
      locale: 'en',
      linkPolicy: POLICY,
      props,
    })
    expect(paragraphs(reminder.html)).toBe(paragraphs(sent.html))
    expect(reminder.subject).not.toBe(sent.subject)
  })

  it('refuses a link off the configured origin, as the invitation does (R55)', async () => {
    await expect(
      renderEmail({
        template: 'invitation-reminder',
        locale: 'en',
        linkPolicy: POLICY,
        props: invitation({ link: 'https://evil.example/invite#tok' }),
      })
    ).rejects.toBeInstanceOf(EmailInputError)
  })

  it.each(['en', 'zh-CN'] as const)(
    'fills the %s fast-path renderer byte-identically to a full render',
    async (locale) => {
      const renderer = await createTemplateRenderer({
        template: 'invitation-reminder',
        locale,
        linkPolicy: POLICY,
      })
      for (const type of ['reseller', 'referral'] as const) {
        const props = invitation({ associationType: type, customerName: 'Beta & <Co>' })
        expect(renderer.renderSync(props)).toEqual(
          await renderEmail({ template: 'invitation-reminder', locale, linkPolicy: POLICY, props })
        )
      }
    }
  )
})
