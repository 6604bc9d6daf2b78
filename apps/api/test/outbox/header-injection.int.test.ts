import { createTemplateRenderer, EmailInputError } from '@partner-center/email-templates'
import fc from 'fast-check'
import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { composeMail } from '../../src/outbox/compose-mail'
import { PUBLIC_BASE_URL } from './outbox-fixtures'

const BREAKS = ['\r\n', '\n', '\r', '\u0085', '\u2028', '\u2029', '\0']
const FORBIDDEN = /[\r\n\0\u0085\u2028\u2029]/

/** Text with header-injection attempts mixed in: line breaks followed by header lines. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...BREAKS),
      fc.constantFrom('Bcc: victim@evil.example', 'X-Injected: 1', 'To: other@evil.example'),
      fc.constantFrom('<script>', '"', ':', ';', '=?utf-8?q?=0d=0a?=')
    ),
    { minLength: 1, maxLength: 6 }
  )
  .map((parts) => parts.join(''))
  .filter((value) => value.trim().length > 0)

const ALLOWED_HEADERS = new Set([
  'from',
  'to',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
])

describe('header injection through rendered emails', () => {
  it('refuses or neutralises CR/LF payloads so the sent message has no extra header', async () => {
    const renderers = {
      en: await createTemplateRenderer({
        template: 'invitation',
        locale: 'en',
        linkPolicy: { origin: PUBLIC_BASE_URL, appEnv: 'test' },
      }),
      'zh-CN': await createTemplateRenderer({
        template: 'invitation',
        locale: 'zh-CN',
        linkPolicy: { origin: PUBLIC_BASE_URL, appEnv: 'test' },
      }),
    }
    let refused = 0
    let built = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'en' | 'zh-CN'>('en', 'zh-CN'),
        hostile,
        hostile,
        fc.option(hostile, { nil: undefined }),
        async (locale, partnerName, customerName, contactSuffix) => {
          const partnerContact = contactSuffix
            ? `sales${contactSuffix}@alpha.example`
            : 'sales@alpha.example'
          const props = {
            partnerName,
            customerName,
            platformName: 'Example Cloud',
            link: `${PUBLIC_BASE_URL}/invite#${'a'.repeat(43)}`,
            expiresAt: new Date('2026-03-09T09:00:00Z'),
            recipientEmail: 'new.alpha@customer.example',
            partnerContact,
            associationType: 'reseller' as const,
          }
          const outcome = await renderers[locale].render(props).then(
            (email) => ({ email, error: null }),
            (error: unknown) => ({ email: null, error })
          )
          // Refused input must be a header-bound value carrying a forbidden character.
          const refusal = outcome.error instanceof EmailInputError ? outcome.error : null
          expect(outcome.error === null || refusal !== null).toBe(true)
          expect(
            refusal === null ||
              (refusal.code === 'HEADER_INJECTION' &&
                (FORBIDDEN.test(partnerName) || FORBIDDEN.test(partnerContact)))
          ).toBe(true)
          const email = outcome.email
          if (email === null) {
            refused += 1
            return
          }
          // Composed as the dispatcher composes it (its fast path, or nodemailer's when needed).
          const sent = await composeMail('Partner Center <no-reply@partner-center.local>', {
            to: 'new.alpha@customer.example',
            replyTo: partnerContact,
            ...email,
            messageId: '<invitation.test@partner-center.local>',
          })
          const parsed = await simpleParser(sent.raw as Buffer)
          const extra = [...parsed.headers.keys()].filter((key) => !ALLOWED_HEADERS.has(key))
          expect(extra).toEqual([])
          // Edge blanks of a header value may or may not survive unfolding (RFC 5322), depending on
          // the encoding; everything else of the subject must arrive as rendered.
          expect(parsed.subject?.trim()).toBe(email.subject.trim())
          const to = Array.isArray(parsed.to) ? parsed.to : [parsed.to]
          expect(to.flatMap((address) => address?.value ?? []).map((a) => a.address)).toEqual([
            'new.alpha@customer.example',
          ])
          expect(parsed.bcc).toBeUndefined()
          built += 1
        }
      ),
      { numRuns: 2_000 }
    )
    // Both branches were exercised: refusals and messages that were built and parsed.
    expect(refused).toBeGreaterThan(100)
    expect(built).toBeGreaterThan(100)
  }, 120_000)
})
