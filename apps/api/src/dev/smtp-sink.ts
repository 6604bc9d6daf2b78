import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { trackRawRecipients } from './raw-recipients'

/** One message caught by the development sink, as the mailbox page shows it. */
export interface CaughtMessage {
  id: string
  receivedAt: string
  messageId: string | null
  from: string
  /** Envelope recipients as smtp-server reads them (Punycode domains shown in Unicode). */
  to: string[]
  /** Envelope recipients exactly as the client sent them in `RCPT TO`. */
  rcptTo: string[]
  subject: string
  html: string | null
  text: string | null
  headers: Record<string, string>
}

/** A parsed header as text: addresses by their `text`, structured values by their `value`. */
function headerText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object' && value !== null) {
    const record = value as { text?: unknown; value?: unknown }
    if (typeof record.text === 'string') return record.text
    if (typeof record.value === 'string') return record.value
  }
  return JSON.stringify(value)
}

/** Options of {@link startSmtpSink}. */
export interface SmtpSinkOptions {
  port?: number
  /** Messages kept in memory; older ones are dropped (architecture.md §7: the last 200). */
  capacity?: number
}

/**
 * An in-process SMTP server on 127.0.0.1 that accepts every message and keeps the newest ones in
 * memory, for development and tests only (refused when APP_ENV is production).
 *
 * @example
 * const sink = await startSmtpSink()
 * const transport = createSmtpTransport({ url: sink.url })
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
  const capacity = options.capacity ?? 200
  const messages: CaughtMessage[] = []
  const listeners = new Set<(message: CaughtMessage) => void>()
  let sequence = 0
  // Tests make the sink refuse recipients for a while (451: retry later; 550: never).
  let rejection: number | null = null

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rejection === null) return callback()
      const error = Object.assign(
        new Error(rejection >= 500 ? 'Mailbox unavailable' : 'Try again later'),
        {
          responseCode: rejection,
        }
      )
      callback(error)
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          sequence += 1
          const message: CaughtMessage = {
            id: String(sequence),
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId ?? null,
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            rcptTo: rawRecipientsOf(session),
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            text: parsed.text ?? null,
            headers: Object.fromEntries(
              [...parsed.headers.entries()].map(([key, value]) => [key, headerText(value)])
            ),
          }
          messages.push(message)
          if (messages.length > capacity) messages.splice(0, messages.length - capacity)
          for (const listener of listeners) listener(message)
          callback()
        })
        .catch((error: unknown) => callback(error as Error))
    },
  })

  const rawRecipientsOf = trackRawRecipients(server.server)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  // A client that vanishes mid-session (a killed dispatcher, a dropped connection) makes the
  // server emit 'error'; without a listener that would crash the process hosting the sink.
  let connectionErrors = 0
  server.on('error', () => {
    connectionErrors += 1
  })
  const { port } = server.server.address() as AddressInfo

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    /** Newest first. */
    list: () => [...messages].reverse(),
    /** Client connections that ended in an error (resets, timeouts), for tests and logs. */
    connectionErrors: () => connectionErrors,
    onMessage(listener: (message: CaughtMessage) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    clear: () => messages.splice(0, messages.length),
    /**
     * Refuses every recipient with this SMTP reply code until called with null (tests: 451 for a
     * temporary outage, 550 for a permanent refusal).
     */
    rejectRecipients(code: number | null) {
      rejection = code
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The sink started by {@link startSmtpSink}. */
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>
