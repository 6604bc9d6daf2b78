import { associationTypeDefinition, associationTypeNote } from '@partner-center/domain'
import { describe, expect, it } from 'vitest'
import {
  LINK,
  POLICY,
  associationSuccess,
  invitation,
  renewalRequest,
} from '../testing/fixtures.js'
import type { AssociationType, Locale } from '../types.js'
import { renderEmail } from './render-email.js'

const invitationCases: {
  locale: Locale
  type: AssociationType
  subject: string
  heading: string
  sentences: string[]
}[] = [
  {
    locale: 'en',
    type: 'reseller',
    subject: 'Alpha Partner invites you to connect your Example Cloud account',
    heading: 'An invitation from Alpha Partner',
    sentences: [
      'Hello Alpha Robotics,',
      'Alpha Partner would like to work with you on Example Cloud under the Reseller model.',
      'You sign a contract with Alpha Partner. Alpha Partner is responsible for your contracts, billing, invoices and support services, and you pay Alpha Partner.',
      'Once associated, your account stays frozen until Alpha Partner sets a budget for you.',
      'Review the invitation',
      `Or paste this link into your browser: ${LINK}`,
      'This link works once and expires on 22 Jan 2025, 09:30 UTC. Register or sign in with new.alpha@customer.example.',
      'Not expecting this? Ignore this email; nothing changes unless you accept.',
      'Sent by Example Cloud Partner Center on behalf of Alpha Partner (sales@alpha.example).',
    ],
  },
  {
    locale: 'en',
    type: 'referral',
    subject: 'Alpha Partner invites you to connect your Example Cloud account',
    heading: 'An invitation from Alpha Partner',
    sentences: [
      'Alpha Partner would like to work with you on Example Cloud under the Referral model.',
      'You sign a contract with Example Cloud. Example Cloud is responsible for your contracts, billing and invoices, and you pay Example Cloud.',
      'This link works once and expires on 22 Jan 2025, 09:30 UTC.',
      'Sent by Example Cloud Partner Center on behalf of Alpha Partner (sales@alpha.example).',
    ],
  },
  {
    locale: 'zh-CN',
    type: 'reseller',
    subject: 'Alpha Partner 邀请您关联 Example Cloud 账号',
    heading: '来自 Alpha Partner 的邀请',
    sentences: [
      'Alpha Robotics,您好:',
      'Alpha Partner 希望以「代售」模式与您在 Example Cloud 上开展合作。',
      '您与 Alpha Partner 签订合同。Alpha Partner 负责您的合同、计费、发票和支持服务,您向 Alpha Partner 付款。',
      '关联后,您的账号将保持冻结,直至 Alpha Partner 为您设置预算。',
      '查看邀请',
      `如按钮无法打开,请将以下链接复制到浏览器:${LINK}`,
      '该链接仅可使用一次,将于 2025年1月22日 09:30(UTC) 失效。请使用 new.alpha@customer.example 注册或登录。',
      '如果这封邮件并非您所期待的,请忽略;除非您接受邀请,否则不会产生任何变化。',
      '本邮件由 Example Cloud 合作伙伴中心代 Alpha Partner(sales@alpha.example)发送。',
    ],
  },
  {
    locale: 'zh-CN',
    type: 'referral',
    subject: 'Alpha Partner 邀请您关联 Example Cloud 账号',
    heading: '来自 Alpha Partner 的邀请',
    sentences: [
      'Alpha Partner 希望以「顾问销售」模式与您在 Example Cloud 上开展合作。',
      '您与 Example Cloud 签订合同。Example Cloud 负责您的合同、计费和发票,您向 Example Cloud 付款。',
      '2025年1月22日 09:30(UTC)',
      '本邮件由 Example Cloud 合作伙伴中心代 Alpha Partner(sales@alpha.example)发送。',
    ],
  },
]

describe('renderEmail: invitation', () => {
  it.each(invitationCases)(
    'renders the $locale $type invitation with the texts of §9.4',
    async ({ locale, type, subject, heading, sentences }) => {
      const email = await renderEmail({
        template: 'invitation',
        locale,
        linkPolicy: POLICY,
        props: invitation({ associationType: type }),
      })
      expect(email.subject).toBe(subject)
      expect(email.html).toContain(`<html lang="${locale}"`)
      expect(email.html).toContain(`<title>${subject}</title>`)
      expect(email.html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`))
      expect(email.text.startsWith(`${heading}\n`)).toBe(true)
      expect(email.html).toContain(`href="${LINK}"`)
      for (const sentence of sentences) expect(email.text).toContain(sentence)
      // The paste line holds the link as an anchor, so its HTML differs from its text.
      for (const sentence of sentences.filter((s) => !s.includes(LINK))) {
        expect(email.html).toContain(sentence)
      }
      expect(email.html).toMatch(/(browser: |浏览器:)<a [^>]*>https:[^<]+<\/a><\/p>/)
      expect(email.html).toContain(`>${LINK}</a>`)
    }
  )

  it.each(invitationCases)(
    'says the domain’s $locale $type definition, and its note in a paragraph of its own',
    async ({ locale, type }) => {
      const props = invitation({ associationType: type })
      const names = { partner: props.partnerName, platform: props.platformName }
      const email = await renderEmail({ template: 'invitation', locale, linkPolicy: POLICY, props })
      const definition = associationTypeDefinition(type, locale, 'customer', names)
      const note = associationTypeNote(type, locale, 'customer', names)
      // Each its own paragraph: the freeze never runs into the definition.
      for (const paragraph of [definition, ...(note === null ? [] : [note])]) {
        expect(email.html).toMatch(new RegExp(`<p[^>]*>${paragraph}</p>`))
      }
      expect(/frozen|冻结/.test(email.text)).toBe(note !== null)
    }
  )

  it('puts the link under the button in the text part and once more after the paste line', async () => {
    const { text } = await renderEmail({
      template: 'invitation',
      locale: 'en',
      linkPolicy: POLICY,
      props: invitation(),
    })
    expect(text).toContain(`Review the invitation ${LINK}\n`)
    expect(text.split(LINK)).toHaveLength(3)
  })

  it('formats the expiry in UTC whatever the instant', async () => {
    const { text } = await renderEmail({
      template: 'invitation',
      locale: 'en',
      linkPolicy: POLICY,
      props: invitation({ expiresAt: new Date('2024-12-31T23:59:59.999Z') }),
    })
    expect(text).toContain('expires on 31 Dec 2024, 23:59 UTC.')
  })
})

describe('renderEmail: association success', () => {
  it.each([
    {
      locale: 'en' as const,
      type: 'reseller' as const,
      subject: 'You are now associated with Alpha Partner',
      sentences: [
        'Your Example Cloud account new.alpha@customer.example has been associated with Alpha Partner under the Reseller model since 20 Jan 2025, 08:05 UTC.',
        'Your account stays frozen until Alpha Partner sets a budget. Contact them at sales@alpha.example if you need resources sooner.',
      ],
    },
    {
      locale: 'en' as const,
      type: 'referral' as const,
      subject: 'You are now associated with Alpha Partner',
      sentences: [
        'under the Referral model since 20 Jan 2025, 08:05 UTC.',
        'You continue to pay Example Cloud directly.',
      ],
    },
    {
      locale: 'zh-CN' as const,
      type: 'reseller' as const,
      subject: '您已成功关联合作伙伴 Alpha Partner',
      sentences: [
        '您的 Example Cloud 账号 new.alpha@customer.example 已于 2025年1月20日 08:05(UTC) 以「代售」模式关联 Alpha Partner。',
        '在 Alpha Partner 为您设置预算之前,您的账号将保持冻结。如需尽快使用资源,请联系 sales@alpha.example。',
      ],
    },
    {
      locale: 'zh-CN' as const,
      type: 'referral' as const,
      subject: '您已成功关联合作伙伴 Alpha Partner',
      sentences: ['以「顾问销售」模式关联 Alpha Partner。', '您将继续直接向 Example Cloud 付款。'],
    },
  ])(
    'renders the $locale $type success notice of §9.5',
    async ({ locale, type, subject, sentences }) => {
      const email = await renderEmail({
        template: 'association-success',
        locale,
        props: associationSuccess({ associationType: type }),
      })
      expect(email.subject).toBe(subject)
      expect(email.text.startsWith(`${subject}\n`)).toBe(true)
      for (const sentence of sentences) expect(email.text).toContain(sentence)
      for (const sentence of sentences) expect(email.html).toContain(sentence)
      expect(email.text).not.toContain(type === 'reseller' ? 'continue to pay' : 'frozen')
    }
  )
})

describe('renderEmail: renewal request', () => {
  it.each([
    {
      locale: 'en' as const,
      subject: 'A customer asked for a new invitation',
      body: 'n***@customer.example could not use your invitation (The link has expired.) and asks for a new one. Open History Records to resend.',
    },
    {
      locale: 'zh-CN' as const,
      subject: '客户请求重新发送邀请',
      body: 'n***@customer.example 无法使用您的邀请(The link has expired.),请求重新发送。请在“历史记录”中重新发送。',
    },
  ])('renders the $locale renewal request of §9.6', async ({ locale, subject, body }) => {
    const email = await renderEmail({
      template: 'renewal-request',
      locale,
      props: renewalRequest(),
    })
    expect(email.subject).toBe(subject)
    expect(email.text).toBe(`${subject}\n\n${body}`)
    expect(email.html).toContain(`>${body}</p>`)
  })
})
