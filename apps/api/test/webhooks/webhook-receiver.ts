import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

// A real loopback receiver for the dispatcher's webhooks: it checks every request with the
// `standardwebhooks` library, as a partner's receiver does (R130), and keeps what it saw.

/** One request as received, with what the receiver's secrets make of it. */
export interface ReceivedWebhook {
  webhookId: string
  timestamp: number
  signature: string
  body: string
  /** Every header name sent (lower case). */
  headerNames: string[]
  /** Per secret of the receiver: `new Webhook(secret).verify(body, headers)` passed. */
  verifies: boolean[]
  /**
   * Per secret: the header carries the library's own signature of this request. Unlike
   * `verifies` it ignores the age of the timestamp, for tests that move the dispatcher's clock.
   */
  signedWith: boolean[]
}

/** What the receiver answers a request with: a status, after `delayMs` or once `until` settles. */
export interface ReceiverAnswer {
  status: number
  until?: Promise<unknown>
}

/** A running receiver. */
export interface WebhookReceiver {
  url: string
  /** The secrets it verifies with; a test adds an endpoint's secret once the endpoint exists. */
  secrets: string[]
  received: ReceivedWebhook[]
  /** Requests received and not answered yet. */
  open(): number
  close(): Promise<void>
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function check(secrets: readonly string[], seen: Omit<ReceivedWebhook, 'verifies' | 'signedWith'>) {
  const headers = {
    'webhook-id': seen.webhookId,
    'webhook-timestamp': String(seen.timestamp),
    'webhook-signature': seen.signature,
  }
  const sent = seen.signature.split(' ')
  const verifies = secrets.map((secret) => {
    try {
      new Webhook(secret).verify(seen.body, headers)
      return true
    } catch {
      return false
    }
  })
  const signedWith = secrets.map((secret) =>
    sent.includes(
      new Webhook(secret).sign(seen.webhookId, new Date(seen.timestamp * 1000), seen.body)
    )
  )
  return { verifies, signedWith }
}

/**
 * Starts a receiver on 127.0.0.1 that knows `secrets` and answers each request as `answer`
 * says (200 by default).
 *
 * @example
 * const receiver = await startWebhookReceiver()
 * receiver.secrets.push(endpoint.secret)
 */
export async function startWebhookReceiver(
  secrets: string[] = [],
  answer: (seen: ReceivedWebhook) => ReceiverAnswer = () => ({ status: 200 })
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  let open = 0
  const server = createServer((request, response) => {
    open += 1
    response.on('close', () => (open -= 1))
    void readBody(request).then(async (body) => {
      const header = (name: string) => String(request.headers[name] ?? '')
      const seen = {
        webhookId: header('webhook-id'),
        timestamp: Number(header('webhook-timestamp')),
        signature: header('webhook-signature'),
        body,
        headerNames: Object.keys(request.headers).sort(),
      }
      const entry: ReceivedWebhook = { ...seen, ...check(secrets, seen) }
      received.push(entry)
      const reply = answer(entry)
      if (reply.until) await reply.until
      response.writeHead(reply.status, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${String(port)}/hooks?token=abc`,
    secrets,
    received,
    open: () => open,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** How many requests carried each `webhook-id`. */
export function copiesById(received: readonly ReceivedWebhook[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const seen of received) counts.set(seen.webhookId, (counts.get(seen.webhookId) ?? 0) + 1)
  return counts
}
