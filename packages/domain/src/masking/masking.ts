import { countryCallingCodeOf } from '../identity/country-calling-codes'
import { firstGrapheme } from './first-grapheme'

const HIDDEN = '***'

/**
 * Masks a customer name (M1): first grapheme of the trimmed name + `***`. Null stays null (M4);
 * never throws for any input.
 *
 * @example
 * maskName('Alpha Robotics') // 'A***'
 * maskName('阿尔法科技') // '阿***'
 * maskName('👩‍💻 Dev') // '👩‍💻***'
 */
export function maskName(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null
  return `${firstGrapheme(name.trim())}${HIDDEN}`
}

/**
 * Masks an email (M2): first grapheme of the local part + `***@` + the domain as stored. The
 * domain is taken after the last `@`; a value without `@` keeps only its first grapheme.
 *
 * @example
 * maskEmail('new.alpha@customer.example') // 'n***@customer.example'
 */
export function maskEmail(email: string | null | undefined): string | null {
  if (typeof email !== 'string') return null
  const trimmed = email.trim()
  const at = trimmed.lastIndexOf('@')
  if (at < 0) return `${firstGrapheme(trimmed)}${HIDDEN}`
  return `${firstGrapheme(trimmed.slice(0, at))}${HIDDEN}@${trimmed.slice(at + 1)}`
}

/**
 * Masks a mobile number (M3): `+`, country calling code, a space, `****`, the last 4 digits.
 * A value that is not E.164 with a known code shows `****` and its last 4 digits, and nothing
 * at all when it has fewer than 8 digits (4 would then be most of the number).
 *
 * @example
 * maskMobile('+8613800000010') // '+86 ****0010'
 * maskMobile('+14155552671') // '+1 ****2671'
 */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (typeof mobile !== 'string') return null
  const compact = mobile.trim().replace(/[ \-()]/g, '')
  const digits = compact.replace(/[^0-9]/g, '')
  const code = /^\+[0-9]{8,15}$/.test(compact) ? countryCallingCodeOf(digits) : null
  if (code !== null) return `+${code} ****${digits.slice(-4)}`
  return digits.length >= 8 ? `****${digits.slice(-4)}` : '****'
}

/**
 * Alias of `maskMobile` under the name architecture.md §8 uses.
 *
 * @example
 * maskPhone('+8613800000010') // '+86 ****0010'
 */
export const maskPhone = maskMobile
