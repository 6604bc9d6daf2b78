import { afterAll, beforeAll } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../src/dev/smtp-sink'
import { createSmtpTransport, type SmtpTransport } from '../../src/outbox/create-smtp-transport'

/** The SMTP side of one test file: a sink that keeps what it receives, and a transport to it. */
export interface FileSmtp {
  sink: SmtpSink
  transport: SmtpTransport
}

/**
 * Opens a sink of `capacity` messages and a transport to it before the file's tests, and closes
 * both after them. Read `sink` and `transport` inside tests and hooks (they are set by then).
 */
export function smtpForFile(capacity: number): FileSmtp {
  const smtp = {} as FileSmtp
  beforeAll(async () => {
    smtp.sink = await startSmtpSink({ capacity })
    smtp.transport = createSmtpTransport({ url: smtp.sink.url })
  })
  afterAll(async () => {
    smtp.transport.close()
    await smtp.sink.close()
  })
  return smtp
}
