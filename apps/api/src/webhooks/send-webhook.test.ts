import { describe, expect, it } from 'vitest'
import {
  body,
  closedPort,
  ipv6LoopbackAvailable,
  startReceiver,
  watchedClient,
  webhookHeaders,
} from './send-webhook-test-servers'

// Real loopback HTTP servers (127.0.0.1, and ::1 where the host has it). No test reaches any
// other address: names resolve through stubs, and refused addresses are never connected to.

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
