import type { Server, Socket } from 'node:net'
import { StringDecoder } from 'node:string_decoder'

const RCPT = /^RCPT TO:\s*<([^>]*)>/i

/**
 * Reads each client's `RCPT TO` addresses off the wire, exactly as sent. smtp-server hands the
 * application its own reading (Punycode domains decoded to Unicode), and the sink must show the
 * envelope the dispatcher really wrote (issue 13: the RCPT TO is the stored canonical address).
 * Transactions restart at `MAIL FROM`; the message text after `DATA` is skipped up to its
 * closing `.` line.
 *
 * @example
 * const recipientsOf = trackRawRecipients(server.server)
 * recipientsOf(session) // ['x@xn--r8jz45g.jp']
 */
export function trackRawRecipients(server: Server): (client: { remotePort: number }) => string[] {
  const byPort = new Map<number, string[]>()
  server.on('connection', (socket: Socket) => {
    const port = socket.remotePort ?? 0
    const decoder = new StringDecoder('utf8')
    let buffer = ''
    let inData = false
    socket.on('data', (chunk: Buffer) => {
      buffer += decoder.write(chunk)
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) inData = line !== '.'
        else if (/^MAIL FROM:/i.test(line)) byPort.set(port, [])
        else if (/^DATA$/i.test(line)) inData = true
        else {
          const address = RCPT.exec(line)?.[1]
          if (address !== undefined) byPort.get(port)?.push(address)
        }
      }
    })
    socket.once('close', () => byPort.delete(port))
  })
  return (client) => [...(byPort.get(client.remotePort) ?? [])]
}
