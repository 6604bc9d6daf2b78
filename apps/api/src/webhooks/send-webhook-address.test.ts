import { once } from 'node:events'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { HOOKS_EXAMPLE_CERTIFICATE, HOOKS_EXAMPLE_KEY } from './send-webhook-test-certificate'
import {
  body,
  servers,
  startReceiver,
  stubResolver,
  watchedClient,
  webhookHeaders,
} from './send-webhook-test-servers'

// Address policy, resolution and the connect hook. Names resolve through stubs (except
// localhost), and refused addresses are never connected to; only loopback is reached.

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
