import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** One message the sink accepted. */
export interface ReceivedMail {
  messageId: string
  to: string
  subject: string
  receivedAt: number
  /** The raw link token of an invitation email, when the text carries a link. */
  token: string | null
}

/** The suite's one SMTP sink: records every message and can refuse mail for a while. */
export interface Sink {
  url: string
  port: number
  messages: ReceivedMail[]
  /** Every raw token seen in a received email (for the dump and log scans). */
  tokens: Set<string>
  /** While true, new connections and new messages get `421` (service not available). */
  setRefusing(refusing: boolean): void
  refused: number
  copies(messageId: string): number
  close(): Promise<void>
}

function serviceUnavailable(): Error {
  return Object.assign(new Error('sink down (reliability fault)'), { responseCode: 421 })
}

/**
 * Starts an SMTP sink (smtp-server) on a free loopback port in this process. Links are found
 * with `linkPattern`, whose first group is the token.
 */
export async function startSink(linkPattern: RegExp): Promise<Sink> {
  let refusing = false
  const messages: ReceivedMail[] = []
  const byId = new Map<string, number>()
  const tokens = new Set<string>()
  const state = { refused: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10_000_000,
    onConnect(_session, callback) {
      if (refusing) {
        state.refused += 1
        callback(serviceUnavailable())
        return
      }
      callback()
    },
    onMailFrom(_address, _session, callback) {
      if (refusing) {
        state.refused += 1
        callback(serviceUnavailable())
        return
      }
      callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const receivedAt = Date.now()
          const text = mail.text ?? ''
          const token = linkPattern.exec(text)?.[1] ?? null
          if (token) tokens.add(token)
          const messageId = mail.messageId ?? ''
          byId.set(messageId, (byId.get(messageId) ?? 0) + 1)
          const to = Array.isArray(mail.to) ? (mail.to[0]?.text ?? '') : (mail.to?.text ?? '')
          messages.push({ messageId, to, subject: mail.subject ?? '', receivedAt, token })
          callback()
        })
        .catch((error: unknown) => callback(error as Error))
    },
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  server.on('error', () => undefined)
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    tokens,
    setRefusing: (value) => {
      refusing = value
    },
    get refused() {
      return state.refused
    },
    copies: (messageId) => byId.get(messageId) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
