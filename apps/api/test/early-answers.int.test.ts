import { serve, type ServerType } from '@hono/node-server'
import { Agent, request } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CD, type TestApp } from './helpers'
import { createTestApp } from './test-app'

// Issue 13 item 8: an answer given before the request body was read (a 413 above all) used to
// say `Connection: keep-alive`; the server then drained or dropped the unread body and closed
// the socket under the client's next request. Real sockets here, through @hono/node-server.

let t: TestApp
let server: ServerType
let port: number
let token: string

beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 64 * 1024 } })
  token = await t.signIn('admin@acme.example')
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started)
    )
  })
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await t.close()
})

interface RawAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** A raw HTTP/1.1 connection: write requests byte by byte, read answers, see the server close. */
function openConnection() {
  const socket = connect(port, '127.0.0.1')
  socket.setEncoding('latin1')
  let raw = ''
  let waiting: ((answer: RawAnswer) => void) | null = null
  const closed = new Promise<void>((resolve) => {
    socket.on('end', resolve)
    socket.on('close', () => resolve())
    socket.on('error', () => resolve())
  })
  const parse = () => {
    const split = raw.indexOf('\r\n\r\n')
    if (split < 0 || !waiting) return
    const [statusLine, ...lines] = raw.slice(0, split).split('\r\n')
    const headers = Object.fromEntries(
      lines.map((line) => {
        const colon = line.indexOf(':')
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
      })
    )
    const length = Number(headers['content-length'] ?? 0)
    if (raw.length < split + 4 + length) return
    const body = raw.slice(split + 4, split + 4 + length)
    raw = raw.slice(split + 4 + length)
    const deliver = waiting
    waiting = null
    deliver({ status: Number(statusLine?.split(' ')[1]), headers, body })
  }
  socket.on('data', (chunk: string) => {
    raw += chunk
    parse()
  })
  return {
    /** Writes `text` and resolves with the next answer. */
    send(text: string): Promise<RawAnswer> {
      return new Promise((resolve) => {
        waiting = resolve
        socket.write(text)
        parse()
      })
    },
    /** Resolves when the server ends or closes the connection. */
    closed,
    destroy: () => socket.destroy(),
  }
}

/** A request's head and the first `body` characters of its body. */
const message = (
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body = ''
) =>
  [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    body,
  ].join('\r\n')

describe('answers before the request body is read (issue 13 item 8)', () => {
  it('a 413 says Connection: close and the server closes; a new connection works', async () => {
    const connection = openConnection()
    const answer = await connection.send(
      message(
        'POST',
        `${CD}/preregistrations`,
        {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': 2_000_000,
        },
        '{'.repeat(1000)
      )
    )
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    expect(answer.headers.connection).toBe('close')
    await connection.closed
    const next = openConnection()
    expect((await next.send(message('GET', '/api/health', {}))).status).toBe(200)
    next.destroy()
  })

  it('any other answer given before reading the body says Connection: close too', async () => {
    const cases = [
      // No credentials: 401 before the body is looked at.
      message('POST', `${CD}/preregistrations`, {
        'Content-Type': 'application/json',
        'Content-Length': 500,
      }),
      // No such route.
      message('POST', '/api/v1/nowhere', {
        'Content-Type': 'application/json',
        'Content-Length': 40,
      }),
    ]
    const answers = []
    for (const text of cases) {
      const connection = openConnection()
      const answer = await connection.send(text)
      answers.push([answer.status, answer.headers.connection])
      await connection.closed
    }
    expect(answers).toEqual([
      [401, 'close'],
      [404, 'close'],
    ])
  })

  it('keeps the connection when the body was read, even for an error', async () => {
    const body = JSON.stringify({ email: 'nobody@acme.example', password: 'wrong-password' })
    const connection = openConnection()
    const signIn = message(
      'POST',
      '/api/v1/auth/sign-in',
      { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      body
    )
    const first = await connection.send(signIn)
    expect([first.status, first.headers.connection]).toEqual([401, 'keep-alive'])
    // The same socket serves the next request.
    const second = await connection.send(message('GET', '/api/health', {}))
    expect(second.status).toBe(200)
    connection.destroy()
  })

  it('lets a keep-alive client send its next request right after a 413', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const send = (method: string, path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        })
        req.on('error', reject)
        // Headers only: the 413 must come from Content-Length alone.
        req.end()
      })
    try {
      const refused = await send('POST', `${CD}/preregistrations`, {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': '2000000',
      })
      expect(refused).toBe(413)
      expect(await send('GET', '/api/health', {})).toBe(200)
    } finally {
      agent.destroy()
    }
  })
})
