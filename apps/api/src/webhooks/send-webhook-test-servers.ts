import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'
import {
  createWebhookClient,
  type WebhookClient,
  type WebhookClientOptions,
  type WebhookResolver,
} from './send-webhook'

// Test support shared by the send-webhook test files: real loopback receivers, a client that
// records every lookup and connection, a stub resolver, and the signed request they send.
// Importing this module registers the afterEach that closes every client and server it made.

/** One request a loopback receiver got. */
export interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A loopback HTTP server and the requests it got. */
export interface Receiver {
  server: Server
  port: number
  received: Received[]
}

type Answer = (response: ServerResponse, request: Received) => void

/** Servers closed after each test; tests that make their own server push it here. */
export const servers: Server[] = []
const clients: WebhookClient[] = []

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

/** Starts a loopback receiver that records each request and answers it with `answer`. */
export async function startReceiver(answer: Answer, host = '127.0.0.1'): Promise<Receiver> {
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

/** Whether this host can listen on ::1. */
export async function ipv6LoopbackAvailable(): Promise<boolean> {
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

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

/** A client with the lookups it made and the addresses it connected to. */
export interface Watched {
  client: WebhookClient
  connections: string[]
  lookups: string[]
}

export function watchedClient(options: Partial<WebhookClientOptions> = {}): Watched {
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

/** A resolver answering from a fixed table; other names fail as ENOTFOUND. */
export const stubResolver =
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

/** The signed headers every test sends. */
export const webhookHeaders = {
  'content-type': 'application/json',
  'user-agent': 'PartnerCenter-Webhooks/1',
  'webhook-id': 'evt_0b6f6c1e-8a0e-4f53-9a55-3c1e1e5d1a77',
  'webhook-timestamp': '1796592600',
  'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
}
/** The body every test sends. */
export const body =
  '{"type":"webhook.test","timestamp":"2026-12-06T21:30:00.000Z","data":{"name":"张***"}}'
