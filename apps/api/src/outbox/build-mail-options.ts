import type { SendMailOptions } from 'nodemailer'
import { encodeWord } from 'nodemailer/lib/mime-funcs'
import type { PreparedMessage } from './delivery-context'

/**
 * The subject as it goes on the wire. nodemailer leaves an ASCII subject as it is, so a partner
 * name holding an RFC 2047 encoded word (`=?utf-8?q?=0d=0a?=`) would be decoded by the receiver
 * into characters the templates refuse (a line break). Such subjects are sent base64-encoded, so
 * the receiver shows the literal text.
 *
 * @example
 * wireSubject('Alpha invites you') // unchanged
 * wireSubject('=?utf-8?q?=0d=0a?= invites you') // '=?UTF-8?B?…?='
 */
export function wireSubject(subject: string): string {
  return subject.includes('=?') ? encodeWord(subject, 'B', 52) : subject
}

/**
 * The nodemailer message of a prepared email: sender `MAIL_FROM`, exactly one `To`, `Reply-To`
 * the partner contact when set, the stable Message-ID (§3.5, §9.4), for a follow-up
 * `In-Reply-To` and `References` (R117), HTML and text parts.
 *
 * @example
 * await transport.sendMail(buildMailOptions(config.mailFrom, message))
 */
export function buildMailOptions(mailFrom: string, message: PreparedMessage): SendMailOptions {
  return {
    from: mailFrom,
    to: message.to,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: wireSubject(message.subject),
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo, references: message.inReplyTo } : {}),
  }
}
