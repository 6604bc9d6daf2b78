import fc from 'fast-check'
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import MailComposer from 'nodemailer/lib/mail-composer'
import { describe, expect, it } from 'vitest'
import { buildMailOptions } from './build-mail-options'
import { composeMail, composeMailFast } from './compose-mail'
import type { PreparedMessage } from './delivery-context'

const MAIL_FROM = 'Partner Center <no-reply@partner-center.local>'
// What the templates let through to a subject: no line breaks or NUL (they refuse those).
const headerSafe = fc
  .string({ unit: 'binary', maxLength: 120 })
  .map((s) => s.replace(/[\r\n\0\u0085\u2028\u2029]/g, ' '))
const subject = fc.oneof(
  headerSafe,
  fc.constantFrom('=?utf-8?q?=0d=0a?= invites you', 'Alpha Robotics 邀请您', '  padded  ', '')
)
// Never empty: every template renders both parts (nodemailer would drop an empty one).
const body = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3000 }),
  fc.constantFrom('.\r\n.', 'a\n.\nb', ' ')
)
const localPart = fc.stringMatching(/^[a-z0-9+_-]{1,10}(\.[a-z0-9+_-]{1,10}){0,2}$/)
const address = localPart.map((local) => `${local}@customer.example`)
const message: fc.Arbitrary<PreparedMessage> = fc.record(
  {
    to: address,
    replyTo: fc.option(address, { nil: undefined }),
    subject,
    html: body,
    text: body,
    messageId: fc.uuid().map((id) => `<invitation.${id}@partner-center.local>`),
    // A reminder answers its invitation's Message-ID (R117).
    inReplyTo: fc.option(
      fc.uuid().map((id) => `<invitation.${id}@partner-center.local>`),
      { nil: undefined }
    ),
  },
  { requiredKeys: ['to', 'subject', 'html', 'text', 'messageId'] }
)

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value)

/** What a receiving client sees of a message, without the parts that differ on every build. */
function visible(parsed: ParsedMail) {
  return {
    headers: [...parsed.headers.keys()].sort(),
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    replyTo: addresses(parsed.replyTo),
    // Unfolding may or may not keep blanks at the edges of a header (RFC 5322).
    subject: parsed.subject?.trim(),
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    text: parsed.text ?? '',
    html: parsed.html === false ? '' : parsed.html,
  }
}

async function viaNodemailer(input: PreparedMessage) {
  const raw = await new MailComposer(buildMailOptions(MAIL_FROM, input)).compile().build()
  return simpleParser(raw)
}

describe('composeMail', () => {
  it('writes what nodemailer writes, as a receiver parses it, for generated messages', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (input) => {
        const fast = composeMailFast(MAIL_FROM, input)
        expect(fast).not.toBeNull()
        const ours = await simpleParser(fast?.raw as Buffer)
        expect(visible(ours)).toEqual(visible(await viaNodemailer(input)))
        expect(fast?.envelope).toEqual({ from: 'no-reply@partner-center.local', to: [input.to] })
        expect(fast?.messageId).toBe(input.messageId)
      }),
      { numRuns: 300 }
    )
  }, 60_000)

  it('falls back to nodemailer for any other address and still writes the same message', async () => {
    const oddAddress = fc
      .stringMatching(/^[a-z0-9."(),:;<>@[\]\\ -]{1,16}$/)
      .map((local) => `${local}@customer.example`)
    await fc.assert(
      fc.asyncProperty(message, oddAddress, async (input, to) => {
        const sent = await composeMail(MAIL_FROM, { ...input, to })
        expect(visible(await simpleParser(sent.raw as Buffer))).toEqual(
          visible(await viaNodemailer({ ...input, to }))
        )
      }),
      { numRuns: 100 }
    )
  }, 60_000)

  // Found by the property above (subject "\t"): nodemailer drops a Subject header of spaces and
  // tabs, and encodes and keeps one of other blanks.
  it.each(['', ' ', '\t', ' \t ', '\v', '\f '])(
    'writes the blank subject %j as nodemailer does',
    async (blank) => {
      const input = {
        to: 'a@customer.example',
        subject: blank,
        html: '<p>Hi</p>',
        text: 'Hi',
        messageId: '<invitation.3@partner-center.local>',
      }
      const ours = await simpleParser(composeMailFast(MAIL_FROM, input)?.raw as Buffer)
      expect(visible(ours)).toEqual(visible(await viaNodemailer(input)))
      expect(ours.headers.has('subject')).toBe(!/^[\t ]*$/.test(blank))
    }
  )

  it('keeps every line within the 78 characters of RFC 5322 and ends lines with CRLF', async () => {
    const long = `Alpha ${'Robotics 邀请您 '.repeat(20)}`
    const sent = await composeMail(MAIL_FROM, {
      to: 'a@customer.example',
      subject: long,
      html: `<p>${'x'.repeat(5000)}</p>`,
      text: 'y'.repeat(5000),
      messageId: '<invitation.1@partner-center.local>',
    })
    const raw = (sent.raw as Buffer).toString('utf8')
    expect(raw.split('\r\n').every((line) => line.length <= 78)).toBe(true)
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect((await simpleParser(sent.raw as Buffer)).subject?.trim()).toBe(long.trim())
  })

  it('leaves addresses and ids it would have to encode or quote to nodemailer', async () => {
    const input = {
      to: 'josé@例え.jp',
      replyTo: '"Sales, Alpha" <sales@alpha.example>',
      subject: 'Hi',
      html: '<p>Hi</p>',
      text: 'Hi',
      messageId: '<invitation.2@partner-center.local>',
    }
    expect(composeMailFast(MAIL_FROM, input)).toBeNull()
    expect(
      composeMailFast(MAIL_FROM, {
        ...input,
        to: 'a@b.example',
        replyTo: undefined,
        messageId: '<a b>',
      })
    ).toBeNull()
    expect(
      composeMailFast('Équipe <no-reply@partner-center.local>', {
        ...input,
        to: 'a@b.example',
        replyTo: undefined,
      })
    ).toBeNull()
    const sent = await composeMail(MAIL_FROM, input)
    expect(visible(await simpleParser(sent.raw as Buffer))).toEqual(
      visible(await viaNodemailer(input))
    )
  })
})
