import type { PreregistrationItem } from '@partner-center/contracts'
import { maskEmail, maskMobile, maskName } from '@partner-center/domain'

/** How a customer is named in the Invite dialog, its preview and its result (S9). */
export interface MaskedCustomer {
  name: string
  /** The masked email, else the masked mobile, else "—". */
  contact: string
}

/**
 * A list row's customer, masked whatever the list's eye state (S9, M1–M3): a revealed row holds
 * the full values, and the dialogs that act on the selection never show them. Masking a value
 * that is already masked leaves it as it is.
 *
 * @example
 * maskedCustomer({ customerName: 'Alpha Robotics', email: 'new.alpha@customer.example', mobile: null })
 * // { name: 'A***', contact: 'n***@customer.example' }
 */
export function maskedCustomer(
  row: Pick<PreregistrationItem, 'customerName' | 'email' | 'mobile'>
): MaskedCustomer {
  return {
    name: maskName(row.customerName) ?? '—',
    contact: maskEmail(row.email) ?? maskMobile(row.mobile) ?? '—',
  }
}
