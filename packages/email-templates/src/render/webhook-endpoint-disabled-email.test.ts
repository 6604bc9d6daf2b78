import { describe, expect, it } from 'vitest'
import { EmailInputError } from '../email-input-error.js'
import type { WebhookEndpointDisabledProps } from '../types.js'
import { renderEmail } from './render-email.js'
import { createTemplateRenderer } from './template-renderer.js'

const props = (
  overrides: Partial<WebhookEndpointDisabledProps> = {}
): WebhookEndpointDisabledProps => ({
  url: 'https://crm.example.com/hooks/partner-center?token=s3cr3t-token',
  description: 'CRM sync',
  failingSince: new Date('2026-03-01T08:00:00Z'),
  disabledAt: new Date('2026-03-02T08:20:00Z'),
  outcome: 'HTTP 503',
  platformName: 'Example Cloud',
  disableAfterHours: 24,
  ...overrides,
})

const lines = (text: string) => text.split('\n').map((line) => line.trim())

describe('the endpoint disabled email (domain.md §13.9.1)', () => {
  it('is verbatim in English, in HTML and plain text', async () => {
    const email = await renderEmail({
      template: 'webhook-endpoint-disabled',
      locale: 'en',
      props: props(),
    })
    expect(email.subject).toBe('Webhook endpoint disabled after 24 hours of failures')
    const body =
      'Partner Center could not deliver events to https://crm.example.com/hooks/partner-center?… (CRM sync) since 1 Mar 2026, 08:00 UTC. The last attempt ended with: HTTP 503. The endpoint was disabled at 2 Mar 2026, 08:20 UTC and receives no new events.'
    const action =
      'Fix the receiver, enable the endpoint on the Webhooks page, then redeliver the events you need from its delivery log.'
    expect(lines(email.text)).toEqual(
      expect.arrayContaining([body, action, 'Sent by Example Cloud Partner Center.'])
    )
    expect(email.html).toContain('lang="en"')
    expect(email.html).toContain(body)
    expect(email.html).toContain(action)
  })

  it('is verbatim in Chinese, in HTML and plain text', async () => {
    const email = await renderEmail({
      template: 'webhook-endpoint-disabled',
      locale: 'zh-CN',
      props: props({ outcome: '10 秒内无响应' }),
    })
    expect(email.subject).toBe('Webhook 端点连续 24 小时发送失败,已停用')
    const body =
      '自 2026年3月1日 08:00(UTC) 起,合作伙伴中心无法向 https://crm.example.com/hooks/partner-center?…(CRM sync)发送事件,最近一次尝试的结果为:10 秒内无响应。该端点已于 2026年3月2日 08:20(UTC) 停用,不再接收新事件。'
    const action = '请修复接收端后,在 Webhook 页面重新启用该端点,并在发送记录中重新发送所需的事件。'
    expect(lines(email.text)).toEqual(
      expect.arrayContaining([body, action, '本邮件由 Example Cloud 合作伙伴中心发送。'])
    )
    expect(email.html).toContain('lang="zh-CN"')
    expect(email.html).toContain(body)
    expect(email.html).toContain(action)
  })

  it('never prints the query of the URL', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const email = await renderEmail({
        template: 'webhook-endpoint-disabled',
        locale,
        props: props(),
      })
      for (const part of [email.subject, email.html, email.text]) {
        expect(part).not.toContain('s3cr3t')
        expect(part).not.toContain('token=')
      }
    }
  })

  it('leaves out the brackets of an endpoint without a description', async () => {
    const email = await renderEmail({
      template: 'webhook-endpoint-disabled',
      locale: 'en',
      props: props({ description: '', url: 'https://crm.example.com/in' }),
    })
    expect(email.text).toContain(
      'Partner Center could not deliver events to https://crm.example.com/in since 1 Mar 2026, 08:00 UTC.'
    )
  })

  it('escapes the description in HTML', async () => {
    const email = await renderEmail({
      template: 'webhook-endpoint-disabled',
      locale: 'en',
      props: props({ description: '<script>alert(1)</script>' }),
    })
    expect(email.html).not.toContain('<script>')
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('refuses a header-unsafe platform name and odd hours', async () => {
    await expect(
      renderEmail({
        template: 'webhook-endpoint-disabled',
        locale: 'en',
        props: props({ platformName: 'A\r\nBcc: x@evil.example' }),
      })
    ).rejects.toBeInstanceOf(EmailInputError)
    await expect(
      renderEmail({
        template: 'webhook-endpoint-disabled',
        locale: 'en',
        props: props({ disableAfterHours: 0 }),
      })
    ).rejects.toBeInstanceOf(EmailInputError)
  })

  it('renders the same bytes through the fast renderer', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const renderer = await createTemplateRenderer({
        template: 'webhook-endpoint-disabled',
        locale,
      })
      for (const p of [
        props(),
        props({ description: '' }),
        props({ description: 'A & <B> "c"', disableAfterHours: 36 }),
      ]) {
        expect(renderer.renderSync(p)).toEqual(
          await renderEmail({ template: 'webhook-endpoint-disabled', locale, props: p })
        )
      }
    }
  })
})
