import { assertStrings } from '../input-checks.js'
import { catalogues } from '../messages/catalogues.js'
import { interpolate } from '../messages/interpolate.js'
import RenewalRequestEmail from '../templates/RenewalRequestEmail.vue'
import type { RenewalRequestProps } from '../types.js'
import type { TemplateSpec } from './template-spec.js'

/**
 * The renewal request to the inviting partner user (domain.md §9.6). Its subject is fixed text,
 * so nothing here is header-bound.
 *
 * @example
 * const { slots } = renewalRequestSpec.prepare(props, 'en', undefined)
 */
export const renewalRequestSpec: TemplateSpec<RenewalRequestProps> = {
  component: RenewalRequestEmail,
  variants: ['default'],
  slots: ['maskedEmail', 'reason'],
  prepare(props) {
    assertStrings(props, ['maskedEmail', 'reason'])
    return { variant: 'default', slots: { maskedEmail: props.maskedEmail, reason: props.reason } }
  },
  view(locale, _variant, slots) {
    const t = catalogues[locale].renewalRequest
    return {
      subject: t.subject,
      props: { lang: locale, subject: t.subject, body: interpolate(t.body, slots) },
    }
  },
}
