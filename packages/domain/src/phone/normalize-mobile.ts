import parsePhoneNumberFromString, { Metadata, type CountryCode } from 'libphonenumber-js/min'
import type { DomainError, Result } from '../core/result'
import { ok, validationFailed } from '../core/result'

/**
 * A mobile number entered as a country calling code plus a national number (the form's code
 * select and number field), as an alternative to one E.164 string.
 *
 * @example
 * const input: MobileParts = { countryCode: '+86', nationalNumber: '138 0000 0010' }
 */
export interface MobileParts {
  countryCode: string
  nationalNumber: string
}

const SEPARATORS = /[ \-()]/g
const E164_MAX_DIGITS = 15

function invalid(reason: string): Result<never, DomainError> {
  return validationFailed([{ path: 'mobile', reason }])
}

// Full-width digits, `＋` and ideographic spaces become ASCII; then separators go.
function compact(text: string): string {
  return text.normalize('NFKC').trim().replace(SEPARATORS, '')
}

// `nationalPrefix()` exists on every numbering plan at run time; the published types omit it.
interface PlanWithPrefix {
  nationalPrefix(): string | undefined
}

/** The trunk prefix of a country (`0` in the UK, `8` in Russia, `06` in Hungary), or ''. */
function trunkPrefixOf(country: CountryCode | undefined): string {
  if (country === undefined) return ''
  const metadata = new Metadata()
  metadata.selectNumberingPlan(country)
  return (metadata.numberingPlan as unknown as PlanWithPrefix).nationalPrefix() ?? ''
}

function finish(international: string, code?: string): Result<string, DomainError> {
  // libphonenumber's `min` metadata knows each country's trunk prefix and possible lengths, so
  // `+44 020 7946 0991` and `+44 20 7946 0991` are one number, `+442079460991`.
  const parsed = parsePhoneNumberFromString(international)
  if (!parsed || (code !== undefined && parsed.countryCallingCode !== code)) {
    return invalid('UNKNOWN_COUNTRY_CODE')
  }
  if (!parsed.isPossible() || parsed.number.length - 1 > E164_MAX_DIGITS) {
    return invalid('NOT_POSSIBLE')
  }
  // Only the trunk prefix may go: libphonenumber would also drop carrier selection codes
  // (`+86 12345 678901234` → `+86678901234`) and rewrite national forms, which would make
  // digits someone typed vanish into another number's identity.
  const typed = international.slice(1 + parsed.countryCallingCode.length)
  const dropped = typed.slice(0, typed.length - parsed.nationalNumber.length)
  const kept = typed.slice(dropped.length) === parsed.nationalNumber
  if (!kept || (dropped !== '' && dropped !== trunkPrefixOf(parsed.country))) {
    return invalid('NOT_POSSIBLE')
  }
  return ok(parsed.number)
}

/**
 * E.164 form of a mobile number (R15), the one identity of a number: NFKC (full-width digits
 * map to ASCII), spaces, hyphens and parentheses removed, then parsed with libphonenumber-js
 * (`min` metadata): a known country calling code, the national trunk prefix stripped (`0` in
 * the UK, `8` in Russia), and a length possible for that country. A string must start with `+`
 * (a bare digit string is ambiguous: it could be a national number). Anything else is
 * `VALIDATION_FAILED`. Imported from `@partner-center/domain/phone` only, so the main entry and
 * the module's first chunk stay free of the phone metadata.
 *
 * @example
 * normalizeMobile('+86 138-0000-0010') // ok('+8613800000010')
 * normalizeMobile('+44 020 7946 0991') // ok('+442079460991')
 * normalizeMobile('＋８６ １３８００００００１０') // ok('+8613800000010')
 * normalizeMobile({ countryCode: '1', nationalNumber: '(415) 555-2671' }) // ok('+14155552671')
 * normalizeMobile('+999 1234 5678').ok // false: 999 is not a country calling code
 */
export function normalizeMobile(raw: unknown): Result<string, DomainError> {
  if (typeof raw === 'string') {
    const text = compact(raw)
    if (!/^\+\d+$/.test(text)) return invalid('NOT_E164')
    return finish(text)
  }
  if (typeof raw === 'object' && raw !== null) {
    const { countryCode, nationalNumber } = raw as Partial<MobileParts>
    if (typeof countryCode !== 'string' || typeof nationalNumber !== 'string') {
      return invalid('REQUIRED')
    }
    const code = compact(countryCode).replace(/^\+/, '')
    if (!/^\d{1,3}$/.test(code)) return invalid('UNKNOWN_COUNTRY_CODE')
    const national = compact(nationalNumber)
    if (!/^\d+$/.test(national)) return invalid('NOT_DIGITS')
    // The code is checked against the parsed one: E.164 codes are prefix-free, so a wrong code
    // (`2` + `0…`) could otherwise be read as another country's (`20`, Egypt).
    return finish(`+${code}${national}`, code)
  }
  return invalid('REQUIRED')
}
