import { request } from 'node:http'

/** Options of {@link sendOversized}. */
export interface OversizedRequestOptions {
  url: string
  method: string
  /** Size of the `{…` filler when no `body` is given. */
  bytes?: number
  chunked: boolean
  headers: Record<string, string>
  /** A body of its own, sent instead of the filler. */
  body?: Buffer
}

/**
 * Announces `bytes` bytes of `{` (invalid JSON) with Content-Length and sends none of them (the
 * answer must come before the body), or, when `chunked`, streams them with Transfer-Encoding:
 * chunked and no Content-Length (the server must count while reading, before any handler).
 */
export function sendOversized(
  options: OversizedRequestOptions
): Promise<{ status: number; text: string; code: string | undefined }> {
  const { url, method, chunked, headers } = options
  const payload = options.body ?? Buffer.alloc(options.bytes ?? 0, '{')
  return new Promise((resolve) => {
    let answered = false
    const req = request(url, {
      method,
      // A fresh connection per check: a reused keep-alive socket would mix up early answers.
      agent: false,
      headers: {
        'content-type': 'application/json',
        ...(chunked
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': String(payload.length) }),
        ...headers,
      },
    })
    req.on('response', (res) => {
      answered = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => {
        if (!chunked) req.destroy()
        let code: string | undefined
        try {
          code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
        } catch {
          code = undefined
        }
        resolve({ status: res.statusCode ?? 0, text, code })
      })
    })
    req.on('error', (error) => {
      if (!answered)
        setTimeout(
          () => answered || resolve({ status: 0, text: error.message, code: undefined }),
          2_000
        )
    })
    if (!chunked) {
      // Headers only: the answer must come from Content-Length alone, before any body byte.
      req.flushHeaders()
      setTimeout(() => {
        if (!answered) resolve({ status: 0, text: 'no answer without the body', code: undefined })
        req.destroy()
      }, 10_000).unref()
      return
    }
    const step = 64 * 1024
    let sent = 0
    const pump = () => {
      while (sent < payload.length && !req.destroyed) {
        const part = payload.subarray(sent, sent + step)
        sent += part.length
        if (!req.write(part)) {
          req.once('drain', pump)
          return
        }
      }
      req.end()
    }
    pump()
  })
}
