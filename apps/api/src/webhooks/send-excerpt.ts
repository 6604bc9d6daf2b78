/**
 * The response excerpt of a webhook attempt (domain.md §13, R131): at most a few bytes of the
 * receiver's body, stored as text a log page can show as it is.
 */

// Control characters (Unicode Cc: C0, DEL and C1) except tab and line feed.
const CONTROL_CHARACTERS = /(?![\t\n])\p{Cc}/gu

/**
 * Bytes of a response body as excerpt text: invalid UTF-8 (including a character cut at the
 * byte limit) and control characters other than tab and line feed become U+FFFD.
 *
 * @example
 * excerptText(new Uint8Array([0x6f, 0x6b, 0x0d, 0x0a, 0xff])) // 'ok\uFFFD\n\uFFFD'
 */
export function excerptText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true })
    .decode(bytes)
    .replace(CONTROL_CHARACTERS, '\uFFFD')
}

/** A response body: its chunks, and a way to stop reading it (which closes the connection). */
export interface ExcerptSource extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown
}

/**
 * Reads at most `maxBytes` of a body and then stops: a body that ends within the limit is read to
 * its end (so the connection can be kept), a longer one is destroyed, which closes the
 * connection. A body that fails or is cut short keeps what arrived.
 */
export async function readExcerpt(body: ExcerptSource, maxBytes: number): Promise<string> {
  const excerpt = new Uint8Array(maxBytes)
  let length = 0
  try {
    for await (const chunk of body) {
      const take = Math.min(chunk.byteLength, maxBytes - length)
      excerpt.set(chunk.subarray(0, take), length)
      length += take
      if (length >= maxBytes) break
    }
  } catch {
    // The receiver closed or the attempt's deadline passed while the body streamed: what
    // arrived is the excerpt.
  } finally {
    body.destroy()
  }
  return excerptText(excerpt.subarray(0, length))
}
