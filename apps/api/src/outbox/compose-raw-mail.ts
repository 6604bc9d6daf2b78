import type { SendMailOptions } from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer'

/**
 * The message composed in memory, as the `raw` send options of the same email: nodemailer's own
 * MailComposer builds the MIME tree its `sendMail` would build, byte for byte (a test compares
 * them), but whole. Streamed by `sendMail`, the message reaches the socket in dozens of small
 * writes, each a system call; composed first, it goes in a few. On our machines that is about
 * 400 µs of CPU less per email at 20 in flight, a third of the dispatcher's cost per email.
 *
 * @example
 * await transport.sendMail(await composeRawMail(buildMailOptions(mailFrom, message)))
 */
export async function composeRawMail(options: SendMailOptions): Promise<SendMailOptions> {
  const compiled = new MailComposer(options).compile()
  return {
    envelope: compiled.getEnvelope(),
    messageId: compiled.messageId(),
    raw: await compiled.build(),
  }
}
