import { createHash } from 'node:crypto'

/** The RFC 4122 DNS namespace, handy for test vectors. */
export const UUID_NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A name-based UUID version 5 (RFC 4122 §4.3: SHA-1 of namespace bytes + UTF-8 name), so the same
 * name always yields the same id.
 *
 * @example
 * uuidV5('python.org', UUID_NAMESPACE_DNS) // '886313e1-3b8a-5372-9b90-0c9aee199e5d'
 */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new Error(`Invalid namespace UUID: ${namespace}`)
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50 // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80 // RFC 4122 variant
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
