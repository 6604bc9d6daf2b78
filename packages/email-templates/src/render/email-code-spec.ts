import { EmailInputError } from '../email-input-error.js'
import { formatDateTime } from '../format-date-time.js'
import { assertHeaderSafe, assertStrings } from '../input-checks.js'
import { catalogues } from '../messages/catalogues.js'
import { interpolate } from '../messages/interpolate.js'
import EmailCodeEmail from '../templates/EmailCodeEmail.vue'
import type { EmailCodeProps } from '../types.js'
import type { TemplateSpec } from './template-spec.js'

// The intro sentence ends with the code; the email shows the code large on a line of its own.
const TRAILING_CODE = /\s*\{code\}$/

/**
 * The email code email and its "sign in instead" variant (domain.md §12.7.1, R102). The code is
 * in the subject, so it must be exactly 6 ASCII digits; every value is header-checked.
 *
 * @example
 * const { variant, slots } = emailCodeSpec.prepare(props, 'en', undefined) // variant 'code'
 */
export const emailCodeSpec: TemplateSpec<EmailCodeProps> = {
  component: EmailCodeEmail,
  variants: ['code', 'sign-in'],
  slots: ['code', 'partner', 'platform', 'email', 'expires'],
  prepare(props, locale) {
    assertStrings(props, ['partnerName', 'platformName', 'email'])
    if (props.code !== null && !/^[0-9]{6}$/.test(String(props.code))) {
      throw new EmailInputError('INVALID_PROP', 'code', 'code must be 6 digits')
    }
    assertHeaderSafe(props.partnerName, 'partnerName')
    assertHeaderSafe(props.platformName, 'platformName')
    assertHeaderSafe(props.email, 'email')
    return {
      variant: props.code === null ? 'sign-in' : 'code',
      slots: {
        // The sign-in variant shows no code; a non-empty filler keeps its fast path exact.
        code: props.code ?? '-',
        partner: props.partnerName,
        platform: props.platformName,
        email: props.email,
        expires: formatDateTime(props.expiresAt, locale, 'expiresAt'),
      },
    }
  },
  view(locale, variant, slots) {
    const messages = catalogues[locale]
    if (variant === 'sign-in') {
      const t = messages.emailCodeSignIn
      const subject = interpolate(t.subject, slots)
      return {
        subject,
        props: {
          lang: locale,
          subject,
          intro: interpolate(t.body, slots),
          code: '',
          expiry: '',
          ignore: t.ignore,
          footer: interpolate(t.footer, slots),
        },
      }
    }
    const t = messages.emailCode
    const subject = interpolate(t.subject, slots)
    return {
      subject,
      props: {
        lang: locale,
        subject,
        intro: interpolate(t.intro.replace(TRAILING_CODE, ''), slots),
        code: slots.code ?? '',
        expiry: interpolate(t.expiry, slots),
        ignore: t.ignore,
        footer: interpolate(t.footer, slots),
      },
    }
  },
}
