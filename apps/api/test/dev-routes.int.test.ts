// Issue 13, item 2: the development routes (fixtures of domain.md §10.5, the mailbox) answer only
// a caller on this machine that names this machine, and the mailbox only a signed-in user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app'
import { createMailboxRoutes } from '../src/dev/mailbox-routes'
import { startSmtpSink, type SmtpSink } from '../src/dev/smtp-sink'
import { errorOf } from './helpers'
import { createTestApp } from './test-app'

let t: Awaited<ReturnType<typeof createTestApp>>
let sink: SmtpSink
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  t = await createTestApp()
  sink = await startSmtpSink()
  // The API's app with the mailbox mounted as the development entry mounts it.
  app = createApp({
    ...t.deps,
    devRoutes: [
      ...(t.deps.devRoutes ?? []),
      { path: '/dev', app: createMailboxRoutes(t.deps, sink) },
    ],
  })
})
afterAll(async () => {
  await sink.close()
  await t.close()
})

async function request(path: string, init: { host?: string; token?: string; method?: string }) {
  const response = await app.request(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.host ? { host: init.host } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.method === 'POST' ? { body: '{}' } : {}),
  })
  return { status: response.status, text: await response.text() }
}

describe('development routes (issue 13)', () => {
  it('answer a loopback Host with any port', async () => {
    for (const host of ['localhost:4173', '127.0.0.1:3000', '[::1]:3100', 'LOCALHOST']) {
      const created = await request('/api/v1/test/partners', { method: 'POST', host })
      expect({ host, status: created.status }).toEqual({ host, status: 201 })
    }
  })

  it('refuse any other Host, so a rebinding page cannot reach them through 127.0.0.1', async () => {
    const token = await t.signIn('admin@acme.example')
    for (const host of [
      'rebound.example',
      'rebound.example:3000',
      '127.0.0.1.nip.io',
      '10.0.0.1',
    ]) {
      const fixture = await request('/api/v1/test/partners', { method: 'POST', host })
      expect({ host, ...errorOf(fixture) }).toEqual({ host, status: 404, code: 'NOT_FOUND' })
      const mailbox = await request('/api/dev/mailbox', { host, token })
      expect({ host, ...errorOf(mailbox) }).toEqual({ host, status: 404, code: 'NOT_FOUND' })
    }
    // The absolute-form request line names the host too.
    const absolute = await request('http://rebound.example/api/v1/test/partners', {
      method: 'POST',
    })
    expect(absolute.status).toBe(404)
  })

  it('refuse a caller that is not on this machine, whatever Host it names', async () => {
    const remote = await createTestApp({ clientAddress: '192.0.2.7' })
    try {
      const response = await remote.app.request('/api/v1/test/partners', {
        method: 'POST',
        headers: { host: 'localhost:3000', 'content-type': 'application/json' },
        body: '{}',
      })
      expect(response.status).toBe(404)
    } finally {
      await remote.close()
    }
  })

  it('give the mailbox to a signed-in user only', async () => {
    expect(errorOf(await request('/api/dev/mailbox', { host: 'localhost:4173' }))).toEqual({
      status: 401,
      code: 'NOT_AUTHENTICATED',
    })
    expect((await request('/api/dev/mailbox', { token: 'not-a-session' })).status).toBe(401)
    const token = await t.signIn('viewer@acme.example')
    const read = await request('/api/dev/mailbox', { host: 'localhost:4173', token })
    expect(read.status).toBe(200)
    expect(JSON.parse(read.text)).toEqual({ messages: [] })
    expect((await request('/api/dev/mailbox', { method: 'HEAD', token })).status).toBe(200)
  })
})
