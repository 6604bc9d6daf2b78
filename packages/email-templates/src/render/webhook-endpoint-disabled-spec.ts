import { redactWebhookUrl } from '@partner-center/domain'
import { EmailInputError } from '../email-input-error.js'
import { formatDateTime } from '../format-date-time.js'
import { assertHeaderSafe, assertStrings } from '../input-checks.js'
import { catalogues } from '../messages/catalogues.js'
import { interpolate } from '../messages/interpolate.js'
import WebhookEndpointDisabledEmail from '../templates/WebhookEndpointDisabledEmail.vue'
import type { WebhookEndpointDisabledProps } from '../types.js'
import type { TemplateSpec } from './template-spec.js'

/**
 * The endpoint disabled email (domain.md §13.9.1). The URL is redacted here (R144), so no
 * caller can put a receiver's query token into an email; an endpoint without a description
 * gets the sentence without its brackets. The subject carries only the hours and is checked.
 *
 * @example
 * const { variant, slots } = webhookEndpointDisabledSpec.prepare(props, 'en', undefined)
 */
export const webhookEndpointDisabledSpec: TemplateSpec<WebhookEndpointDisabledProps> = {
  component: WebhookEndpointDisabledEmail,
  variants: ['described', 'undescribed'],
  slots: ['url', 'description', 'since', 'disabledAt', 'outcome', 'platform', 'hours'],
  prepare(props, locale) {
    assertStrings(props, ['url', 'description', 'outcome', 'platformName'])
    const hours = props.disableAfterHours
    if (!Number.isInteger(hours) || hours <= 0) {
      throw new EmailInputError(
        'INVALID_PROP',
        'disableAfterHours',
        'disableAfterHours must be a positive whole number'
      )
    }
    assertHeaderSafe(props.platformName, 'platformName')
    return {
      variant: props.description === '' ? 'undescribed' : 'described',
      slots: {
        url: redactWebhookUrl(props.url),
        // A filler keeps the undescribed variant's fast path exact; its view never shows it.
        description: props.description === '' ? '-' : props.description,
        since: formatDateTime(props.failingSince, locale, 'failingSince'),
        disabledAt: formatDateTime(props.disabledAt, locale, 'disabledAt'),
        outcome: props.outcome,
        platform: props.platformName,
        hours: String(hours),
      },
    }
  },
  view(locale, variant, slots) {
    const t = catalogues[locale].webhookEndpointDisabled
    const subject = interpolate(t.subject, slots)
    return {
      subject,
      props: {
        lang: locale,
        subject,
        body: interpolate(variant === 'described' ? t.body : t.bodyWithoutDescription, slots),
        action: interpolate(t.action, { page: t.page }),
        footer: interpolate(t.footer, slots),
      },
    }
  },
}
