import { describe, expect, it } from 'vitest'
import { EmailInputError } from '../email-input-error.js'
import { POLICY, associationSuccess, invitation, renewalRequest } from '../testing/fixtures.js'
import type { InvitationProps } from '../types.js'
import { renderEmail } from './render-email.js'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><a href='javascript:alert(1)'>x</a>",
  '<style>body{display:none}</style>',
  '<!--[if mso]><script>x</script><![endif]-->',
  '{{ 7*7 }} &amp; &lt;b&gt;',
]

/** The markup of a payload must never appear unescaped in the HTML part. */
function expectNoMarkup(html: string): void {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/<img/i)
  expect(html).not.toMatch(/<svg/i)
  expect(html).not.toMatch(/<a href='javascript/i)
  expect(html).not.toMatch(/<style>body/i)
}

const invitationFields = [
  'partnerName',
  'customerName',
  'recipientEmail',
  'partnerContact',
] as const

describe('escaping of partner- and customer-supplied text', () => {
  it.each(PAYLOADS.flatMap((payload) => invitationFields.map((field) => ({ field, payload }))))(
    'escapes $field = $payload in the invitation HTML',
    async ({ field, payload }) => {
      const props: InvitationProps = invitation({ [field]: payload })
      const email = await renderEmail({
        template: 'invitation',
        locale: 'en',
        linkPolicy: POLICY,
        props,
      })
      expectNoMarkup(email.html)
      expect(email.html).toContain(
        payload
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;')
          .replaceAll('>', '&gt;')
          .replaceAll('"', '&quot;')
          .replaceAll("'", '&#39;')
      )
      // The text part is plain text: the payload is shown as written, never interpreted.
      expect(email.text).toContain(payload)
    }
  )

  it('escapes the success notice and the renewal request', async () => {
    const payload = '<img src=x onerror=alert(1)>'
    const success = await renderEmail({
      template: 'association-success',
      locale: 'zh-CN',
      props: associationSuccess({ partnerName: payload, email: payload, partnerContact: payload }),
    })
    const renewal = await renderEmail({
      template: 'renewal-request',
      locale: 'en',
      props: renewalRequest({ maskedEmail: payload, reason: '<script>x</script>' }),
    })
    expectNoMarkup(success.html)
    expectNoMarkup(renewal.html)
    expect(renewal.html).toContain('&lt;script&gt;x&lt;/script&gt;')
  })
})

describe('header injection', () => {
  const breakers = ['\r', '\n', '\0', '\u0085', '\u2028', '\u2029']

  it.each(breakers.map((char) => ({ char, code: char.codePointAt(0)?.toString(16) })))(
    'refuses U+$code in the partner name of an invitation',
    async ({ char }) => {
      const props = invitation({ partnerName: `Alpha${char}Bcc: victim@example.com` })
      await expect(
        renderEmail({ template: 'invitation', locale: 'en', linkPolicy: POLICY, props })
      ).rejects.toMatchObject({
        name: 'EmailInputError',
        code: 'HEADER_INJECTION',
        field: 'partnerName',
      })
    }
  )

  it.each(['platformName', 'recipientEmail', 'partnerContact'] as const)(
    'refuses a line break in the header-bound %s',
    async (field) => {
      const props = invitation({ [field]: 'x\r\nBcc: victim@example.com' })
      await expect(
        renderEmail({ template: 'invitation', locale: 'zh-CN', linkPolicy: POLICY, props })
      ).rejects.toMatchObject({ code: 'HEADER_INJECTION', field })
    }
  )

  it('refuses a line break in the partner name of a success notice', async () => {
    const props = associationSuccess({ partnerName: 'Alpha\nBcc: x@example.com' })
    await expect(
      renderEmail({ template: 'association-success', locale: 'en', props })
    ).rejects.toBeInstanceOf(EmailInputError)
  })

  it('allows line breaks in text that never reaches a header', async () => {
    const email = await renderEmail({
      template: 'invitation',
      locale: 'en',
      linkPolicy: POLICY,
      props: invitation({ customerName: 'Alpha\nRobotics' }),
    })
    expect(email.subject).not.toMatch(/[\r\n]/)
    expect(email.text).toContain('Hello Alpha Robotics,')
  })

  it('refuses an invalid expiry date', async () => {
    const props = invitation({ expiresAt: new Date('not a date') })
    await expect(
      renderEmail({ template: 'invitation', locale: 'en', linkPolicy: POLICY, props })
    ).rejects.toMatchObject({ code: 'INVALID_PROP', field: 'expiresAt' })
  })
})
