import { connect } from 'node:net'
import nodemailer from 'nodemailer'
import { afterEach, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from './smtp-sink'

let sink: SmtpSink | null = null
afterEach(async () => {
  await sink?.close()
  sink = null
})

describe('the development SMTP sink', () => {
  it('keeps accepting mail after a client resets its connection mid-session', async () => {
    sink = await startSmtpSink()
    const port = sink.port
    // Like a dispatcher killed mid-send: the session is established, then the socket resets.
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      let received = ''
      socket.on('data', (chunk) => {
        received += chunk.toString()
        if (received.startsWith('220') && !received.includes('250')) {
          socket.write('EHLO crash.example\r\nMAIL FROM:<a@x.example>\r\n')
        } else if (received.includes('250')) {
          socket.resetAndDestroy()
          resolve()
        }
      })
    })
    await expect.poll(() => sink?.connectionErrors() ?? 0).toBeGreaterThan(0)
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
    })
    await transport.sendMail({
      from: 'a@x.example',
      to: 'b@y.example',
      subject: 'still here',
      text: 'ok',
    })
    transport.close()
    await expect.poll(() => sink?.list().map((message) => message.subject)).toEqual(['still here'])
  })
})
