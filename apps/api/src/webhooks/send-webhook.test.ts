import { once } from 'node:events'
import { createServer as createTlsServer } from 'node:https'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { HOOKS_EXAMPLE_CERTIFICATE, HOOKS_EXAMPLE_KEY } from './send-webhook-test-certificate'
import {
  createWebhookClient,
  type WebhookClient,
  type WebhookClientOptions,
  type WebhookResolver,
} from './send-webhook'

// Real loopback HTTP servers (127.0.0.1, and ::1 where the host has it). No test reaches any
// other address: names resolve through stubs, and refused addresses are never connected to.

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

interface Receiver {
  server: Server
  port: number
  received: Received[]
}

type Answer = (response: ServerResponse, request: Received) => void

const servers: Server[] = []
const clients: WebhookClient[] = []

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function startReceiver(answer: Answer, host = '127.0.0.1'): Promise<Receiver> {
  const received: Received[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(entry)
      answer(response, entry)
    })
  })
  servers.push(server)
  server.listen(0, host)
  await once(server, 'listening')
  return { server, port: (server.address() as AddressInfo).port, received }
}

async function ipv6LoopbackAvailable(): Promise<boolean> {
  const probe = createServer()
  try {
    probe.listen(0, '::1')
    await once(probe, 'listening')
    return true
  } catch {
    return false
  } finally {
    probe.close()
  }
}

async function closedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

interface Watched {
  client: WebhookClient
  connections: string[]
  lookups: string[]
}

function watchedClient(options: Partial<WebhookClientOptions> = {}): Watched {
  const connections: string[] = []
  const lookups: string[] = []
  const resolver = options.resolver
  const client = createWebhookClient({
    timeoutSeconds: 5,
    excerptBytes: 1024,
    policy: 'any',
    ...options,
    ...(resolver === undefined
      ? {}
      : {
          resolver: (host: string) => {
            lookups.push(host)
            return resolver(host)
          },
        }),
    connect: (address) => connections.push(address),
  })
  clients.push(client)
  return { client, connections, lookups }
}

const stubResolver =
  (answers: Record<string, string[]>): WebhookResolver =>
  (host) => {
    const addresses = answers[host]
    if (addresses === undefined) {
      return Promise.reject(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
      )
    }
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
    )
  }

const webhookHeaders = {
  'content-type': 'application/json',
  'user-agent': 'PartnerCenter-Webhooks/1',
  'webhook-id': 'evt_0b6f6c1e-8a0e-4f53-9a55-3c1e1e5d1a77',
  'webhook-timestamp': '1796592600',
  'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
}
const body =
  '{"type":"webhook.test","timestamp":"2026-12-06T21:30:00.000Z","data":{"name":"张***"}}'

describe('createWebhookClient: responses (R130, R131)', () => {
  it('delivers on a 2xx, with exactly the signed headers, the body and an excerpt', async () => {
    const receiver = await startReceiver((response) => response.writeHead(204).end())
    const ok = await startReceiver((response) => response.writeHead(200).end('thanks'))
    const { client, connections } = watchedClient()
    const url = `http://127.0.0.1:${String(ok.port)}/hooks/in?token=abc`

    const result = await client.send({ url, headers: webhookHeaders, body })

    expect(result).toMatchObject({
      outcome: 'HTTP',
      statusCode: 200,
      delivered: true,
      remoteAddress: '127.0.0.1',
      responseExcerpt: 'thanks',
    })
    expect(result.durationMs).toBeGreaterThanOrEqual(0)
    expect(connections).toEqual(['127.0.0.1'])
    const [request] = ok.received
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/in?token=abc', body })
    const { connection, ...headers } = request?.headers ?? {}
    expect(connection).toBe('keep-alive')
    expect(headers).toEqual({
      ...webhookHeaders,
      host: `127.0.0.1:${String(ok.port)}`,
      'content-length': String(Buffer.byteLength(body)),
    })
    expect(receiver.received).toHaveLength(0)
    const empty = await client.send({
      url: `http://127.0.0.1:${String(receiver.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(empty).toMatchObject({ statusCode: 204, delivered: true, responseExcerpt: '' })
  })

  it('fails on a 500 and keeps its body as the excerpt', async () => {
    const receiver = await startReceiver((response) => response.writeHead(500).end('boom'))
    const { client } = watchedClient()
    const result = await client.send({
      url: `http://127.0.0.1:${String(receiver.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result).toMatchObject({
      outcome: 'HTTP',
      statusCode: 500,
      delivered: false,
      responseExcerpt: 'boom',
    })
  })

  it('fails on a redirect and never follows it', async () => {
    const target = await startReceiver((response) => response.writeHead(200).end())
    const redirecting = await startReceiver((response) =>
      response.writeHead(302, { location: `http://127.0.0.1:${String(target.port)}/` }).end()
    )
    const { client } = watchedClient()
    const result = await client.send({
      url: `http://127.0.0.1:${String(redirecting.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result).toMatchObject({ outcome: 'HTTP', statusCode: 302, delivered: false })
    expect(redirecting.received).toHaveLength(1)
    expect(target.received).toHaveLength(0)
  })

  it('keeps at most excerptBytes of a large body', async () => {
    const receiver = await startReceiver((response) =>
      response.writeHead(200).end('x'.repeat(1024 * 1024))
    )
    const { client } = watchedClient()
    const result = await client.send({
      url: `http://127.0.0.1:${String(receiver.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result.delivered).toBe(true)
    expect(result.responseExcerpt).toBe('x'.repeat(1024))
  })

  it('stores the excerpt as text: invalid UTF-8 and control characters replaced', async () => {
    const bytes = Buffer.concat([
      Buffer.from('ok\tline\r\n\u0000'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\u0085张'),
    ])
    const receiver = await startReceiver((response) => response.writeHead(400).end(bytes))
    const { client } = watchedClient()
    const result = await client.send({
      url: `http://127.0.0.1:${String(receiver.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result.responseExcerpt).toBe('ok\tline\uFFFD\n\uFFFD\uFFFD\uFFFD\uFFFD张')
  })

  it('answers TIMEOUT when the receiver never answers', async () => {
    const receiver = await startReceiver(() => undefined)
    const { client } = watchedClient({ timeoutSeconds: 1 })
    const result = await client.send({
      url: `http://127.0.0.1:${String(receiver.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result).toMatchObject({
      outcome: 'TIMEOUT',
      statusCode: null,
      remoteAddress: '127.0.0.1',
      responseExcerpt: null,
      delivered: false,
    })
    expect(receiver.received).toHaveLength(1)
  })

  it('answers CONNECTION_FAILED when the connection is refused', async () => {
    const port = await closedPort()
    const { client, connections } = watchedClient()
    const result = await client.send({
      url: `http://127.0.0.1:${String(port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result).toMatchObject({
      outcome: 'CONNECTION_FAILED',
      statusCode: null,
      remoteAddress: '127.0.0.1',
      delivered: false,
    })
    expect(connections).toEqual(['127.0.0.1'])
  })

  it('answers TLS_FAILED when the receiver does not speak TLS', async () => {
    const receiver = await startReceiver((response) => response.writeHead(200).end())
    const { client } = watchedClient()
    const result = await client.send({
      url: `https://127.0.0.1:${String(receiver.port)}/`,
      headers: webhookHeaders,
      body,
    })
    expect(result).toMatchObject({ outcome: 'TLS_FAILED', delivered: false })
    expect(receiver.received).toHaveLength(0)
  })

  it('reaches ::1 over IPv6 when the host has it', async () => {
    const available = await ipv6LoopbackAvailable()
    const receiver = available
      ? await startReceiver((response) => response.writeHead(202).end(), '::1')
      : null
    const { client, connections } = watchedClient()
    const result =
      receiver === null
        ? null
        : await client.send({
            url: `http://[::1]:${String(receiver.port)}/in`,
            headers: webhookHeaders,
            body,
          })
    const seen = result && {
      delivered: result.delivered,
      statusCode: result.statusCode,
      remoteAddress: result.remoteAddress,
    }
    const expected = { delivered: true, statusCode: 202, remoteAddress: '::1' }
    expect(seen).toEqual(available ? expected : null)
    expect(connections).toEqual(available ? ['::1'] : [])
  })
})

describe('createWebhookClient: addresses (R136)', () => {
  it('refuses loopback and unspecified IP literals under public without connecting', async () => {
    const receiver = await startReceiver((response) => response.writeHead(200).end())
    const { client, connections, lookups } = watchedClient({
      policy: 'public',
      resolver: stubResolver({}),
    })
    const port = String(receiver.port)
    for (const host of ['127.0.0.1', '127.1', '[::1]', '[::ffff:127.0.0.1]', '0.0.0.0']) {
      const result = await client.send({
        url: `http://${host}:${port}/`,
        headers: webhookHeaders,
        body,
      })
      expect(result).toMatchObject({
        outcome: 'ADDRESS_NOT_ALLOWED',
        statusCode: null,
        remoteAddress: null,
        responseExcerpt: null,
        delivered: false,
      })
    }
    expect(lookups).toEqual([])
    expect(connections).toEqual([])
    expect(receiver.received).toHaveLength(0)
  })

  it('refuses names that resolve to private, link-local or mapped addresses without connecting', async () => {
    const refused = [
      '10.0.0.1',
      '172.16.0.1',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      'fe80::1',
      'fc00::1',
      '::ffff:10.0.0.1',
    ]
    const answers = Object.fromEntries(
      refused.map((address, index) => [`private-${String(index)}.example`, [address]])
    )
    const { client, connections, lookups } = watchedClient({
      policy: 'public',
      resolver: stubResolver(answers),
    })
    for (const name of Object.keys(answers)) {
      const result = await client.send({ url: `https://${name}/in`, headers: webhookHeaders, body })
      expect(result).toMatchObject({ outcome: 'ADDRESS_NOT_ALLOWED', remoteAddress: null })
    }
    expect(lookups).toEqual(Object.keys(answers))
    expect(connections).toEqual([])
  })

  it('refuses a name when any one of its addresses is refused, first or last', async () => {
    const { client, connections } = watchedClient({
      policy: 'public',
      resolver: stubResolver({
        'mixed-a.example': ['93.184.215.14', '10.0.0.1'],
        'mixed-b.example': ['127.0.0.1', '2606:4700:4700::1111'],
      }),
    })
    for (const name of ['mixed-a.example', 'mixed-b.example']) {
      const result = await client.send({ url: `https://${name}/`, headers: webhookHeaders, body })
      expect(result.outcome).toBe('ADDRESS_NOT_ALLOWED')
    }
    expect(connections).toEqual([])
  })

  it('refuses localhost through the system resolver under public', async () => {
    const { client, connections } = watchedClient({ policy: 'public' })
    const result = await client.send({ url: 'http://localhost:9/', headers: webhookHeaders, body })
    expect(result.outcome).toBe('ADDRESS_NOT_ALLOWED')
    expect(connections).toEqual([])
  })

  it('answers DNS_FAILED for a name with no address, without connecting', async () => {
    const { client, connections } = watchedClient({
      policy: 'public',
      resolver: stubResolver({ 'empty.example': [] }),
    })
    for (const name of ['missing.example', 'empty.example']) {
      const result = await client.send({ url: `https://${name}/`, headers: webhookHeaders, body })
      expect(result).toMatchObject({ outcome: 'DNS_FAILED', remoteAddress: null, delivered: false })
    }
    expect(connections).toEqual([])
  })

  it('answers TIMEOUT when resolution outlasts the attempt, without connecting', async () => {
    const { client, connections } = watchedClient({
      timeoutSeconds: 1,
      resolver: () => new Promise(() => undefined),
    })
    const result = await client.send({
      url: 'https://slow.example/',
      headers: webhookHeaders,
      body,
    })
    expect(result).toMatchObject({ outcome: 'TIMEOUT', remoteAddress: null })
    expect(connections).toEqual([])
  })

  it('connects to the first resolved address, resolving once, with the name as Host', async () => {
    const receiver = await startReceiver((response) => response.writeHead(200).end('ok'))
    const { client, connections, lookups } = watchedClient({
      policy: 'any',
      resolver: stubResolver({ 'hooks.example': ['127.0.0.1', '127.0.0.2'] }),
    })
    const url = `http://hooks.example:${String(receiver.port)}/in`
    const result = await client.send({ url, headers: webhookHeaders, body })
    expect(result).toMatchObject({ outcome: 'HTTP', delivered: true, remoteAddress: '127.0.0.1' })
    expect(lookups).toEqual(['hooks.example'])
    expect(connections).toEqual(['127.0.0.1'])
    expect(receiver.received[0]?.headers.host).toBe(`hooks.example:${String(receiver.port)}`)
  })

  it('checks the certificate against the URL host name, not the address connected to', async () => {
    const received: string[] = []
    const server = createTlsServer(
      { cert: HOOKS_EXAMPLE_CERTIFICATE, key: HOOKS_EXAMPLE_KEY },
      (request, response) => {
        received.push(request.headers.host ?? '')
        response.writeHead(200).end('secure')
      }
    )
    servers.push(server)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const port = String((server.address() as AddressInfo).port)
    const { client, connections } = watchedClient({
      resolver: stubResolver({ 'hooks.example': ['127.0.0.1'], 'other.example': ['127.0.0.1'] }),
      trustedCertificates: [HOOKS_EXAMPLE_CERTIFICATE],
    })
    const send = (host: string) =>
      client.send({ url: `https://${host}:${port}/in`, headers: webhookHeaders, body })

    expect(await send('hooks.example')).toMatchObject({
      outcome: 'HTTP',
      statusCode: 200,
      delivered: true,
      remoteAddress: '127.0.0.1',
      responseExcerpt: 'secure',
    })
    expect(await send('other.example')).toMatchObject({ outcome: 'TLS_FAILED', delivered: false })
    expect(await send('127.0.0.1')).toMatchObject({ outcome: 'TLS_FAILED', delivered: false })
    expect(received).toEqual([`hooks.example:${port}`])
    expect(connections.every((address) => address === '127.0.0.1')).toBe(true)
  })
})
