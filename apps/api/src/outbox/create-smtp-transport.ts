import { Socket } from 'node:net'
import nodemailer from 'nodemailer'
import type { SendMailOptions } from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool'

/** What the dispatcher needs from an SMTP client; a nodemailer transporter satisfies it. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>
}

/** A pooled SMTP transport that can be closed. */
export interface SmtpTransport extends MailTransport {
  close(): void
}

/**
 * One pooled nodemailer transport for the whole process (architecture.md §7: `pool: true`,
 * `maxConnections: 5`). Its sockets have Nagle's algorithm off: SMTP writes are small and meet
 * the server's delayed ACK, which caps a connection at about 20 messages/s (measured-limits.md);
 * `getSocket` hands nodemailer an unconnected socket that it connects itself (timeouts intact).
 *
 * @example
 * const transport = createSmtpTransport({ url: 'smtp://127.0.0.1:2525' })
 * await transport.sendMail({ from, to, subject, html, text, messageId })
 */
type SocketFactory = (
  options: unknown,
  callback: (error: Error | null, socketOptions: { socket: Socket }) => void
) => void

/** Nagle off: see {@link createSmtpTransport}. Node applies it when the socket connects. */
const getSocket: SocketFactory = (_options, callback) => {
  callback(null, { socket: new Socket().setNoDelay(true) })
}

export function createSmtpTransport(options: {
  url: string
  maxConnections?: number
}): SmtpTransport {
  const url = new URL(options.url)
  const secure = url.protocol === 'smtps:'
  return nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    getSocket,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 25)),
    secure,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
  } satisfies SMTPPool.Options & { getSocket: SocketFactory })
}
