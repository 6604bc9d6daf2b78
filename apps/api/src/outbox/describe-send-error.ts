import { classifySmtpFailure } from '@partner-center/domain'
import { EmailInputError } from '@partner-center/email-templates'

/** A delivery failure reduced to what may be stored and logged (§3.8 `lastError`). */
export interface SendFailure {
  /** The SMTP reply code, or null for connection errors and timeouts (temporary, R53). */
  replyCode: number | null
  /** Error class and reply code only: never the message, which can quote addresses or links. */
  lastError: string
  /** A failure no retry can fix (SMTP 5xx, or input the templates refuse). */
  permanent: boolean
}

const SAFE_CODE = /^[A-Z][A-Z0-9_]{0,40}$/

/**
 * Describes an error thrown while rendering or sending one message without quoting it. The
 * error's message is never used: nodemailer puts the server's reply text there, which may echo
 * the recipient, and a render error could quote partner text.
 *
 * @example
 * describeSendError(Object.assign(new Error('451 try later'), { code: 'EENVELOPE', responseCode: 451 }))
 * // { replyCode: 451, lastError: 'EENVELOPE 451', permanent: false }
 */
export function describeSendError(error: unknown): SendFailure {
  if (error instanceof EmailInputError) {
    return { replyCode: null, lastError: `EmailInputError ${error.code}`, permanent: true }
  }
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown
    responseCode?: unknown
    name?: unknown
  }
  const replyCode =
    typeof record.responseCode === 'number' && Number.isInteger(record.responseCode)
      ? record.responseCode
      : null
  const code = typeof record.code === 'string' && SAFE_CODE.test(record.code) ? record.code : null
  const name =
    typeof record.name === 'string' && /^\w{1,40}$/.test(record.name) ? record.name : null
  const errorClass = code ?? name ?? 'Error'
  return {
    replyCode,
    lastError: replyCode === null ? errorClass : `${errorClass} ${replyCode}`,
    permanent: classifySmtpFailure(replyCode) === 'PERMANENT',
  }
}
