/**
 * The outcome of a webhook attempt that got no response (domain.md §13, R131), from the error
 * the HTTP client raised.
 */

/** The outcomes an error of the connection or the request can have. */
export type SendFailureOutcome = 'TIMEOUT' | 'CONNECTION_FAILED' | 'TLS_FAILED'

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
])

// The certificate verification codes of OpenSSL that Node reports as `code`.
const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
])

interface ErrorFields {
  code?: unknown
  library?: unknown
  cause?: unknown
  errors?: unknown
}

// The error, its causes and the errors of an AggregateError (several addresses tried).
function errorChain(error: unknown): ErrorFields[] {
  const chain: ErrorFields[] = []
  const pending: unknown[] = [error]
  while (pending.length > 0 && chain.length < 20) {
    const next = pending.shift()
    if (typeof next !== 'object' || next === null) continue
    const fields = next as ErrorFields
    chain.push(fields)
    pending.push(fields.cause)
    if (Array.isArray(fields.errors)) pending.push(...(fields.errors as unknown[]))
  }
  return chain
}

function isTlsFailure(fields: ErrorFields): boolean {
  const code = typeof fields.code === 'string' ? fields.code : ''
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code === 'EPROTO' ||
    CERTIFICATE_CODES.has(code) ||
    fields.library === 'SSL routines'
  )
}

/**
 * Why an attempt got no response: `TIMEOUT` for the client's connect or header timeouts,
 * `TLS_FAILED` for a handshake or certificate failure (the certificate is checked against the
 * URL's host name), `CONNECTION_FAILED` for everything else (refused, reset, unreachable).
 * The attempt's own deadline is told apart by the caller, which knows when it fired.
 *
 * @example
 * sendFailureOutcome(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })) // 'CONNECTION_FAILED'
 */
export function sendFailureOutcome(error: unknown): SendFailureOutcome {
  const chain = errorChain(error)
  if (chain.some((fields) => TIMEOUT_CODES.has(String(fields.code)))) return 'TIMEOUT'
  if (chain.some(isTlsFailure)) return 'TLS_FAILED'
  return 'CONNECTION_FAILED'
}
