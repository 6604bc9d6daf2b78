import { normalizeEmail } from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import type { CanonicalForms } from './identity-rows'

/**
 * The domain's canonical forms (R14, R15) as the identity step applies them to stored values:
 * the email as entered (`email`, `recipient_email`) and the stored E.164 mobile. A value the
 * current rules refuse answers null and the row keeps what it has.
 */
export const CURRENT_CANONICAL_FORMS: CanonicalForms = {
  email: (raw) => {
    const result = normalizeEmail(raw)
    return result.ok ? result.value : null
  },
  mobile: (stored) => {
    const result = normalizeMobile(stored)
    return result.ok ? result.value : null
  },
}
