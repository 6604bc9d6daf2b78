import { EmailInputError } from '../email-input-error.js'
import { catalogues } from '../messages/catalogues.js'
import type { Locale, TemplateName, TemplatePropsMap } from '../types.js'
import { associationSuccessSpec } from './association-success-spec.js'
import { emailCodeSpec } from './email-code-spec.js'
import { invitationLinkSpec, invitationSpec } from './invitation-spec.js'
import { renewalRequestSpec } from './renewal-request-spec.js'
import type { TemplateSpec } from './template-spec.js'
import { webhookEndpointDisabledSpec } from './webhook-endpoint-disabled-spec.js'

const specs: { [K in TemplateName]: TemplateSpec<TemplatePropsMap[K]> } = {
  invitation: invitationSpec,
  'invitation-reminder': invitationLinkSpec('reminder'),
  'association-success': associationSuccessSpec,
  'renewal-request': renewalRequestSpec,
  'email-code': emailCodeSpec,
  'webhook-endpoint-disabled': webhookEndpointDisabledSpec,
}

/**
 * Looks up a template's spec, refusing unknown names and locales at run time (for callers
 * outside TypeScript).
 *
 * @example
 * const spec = specFor('invitation', 'en')
 */
export function specFor<T extends TemplateName>(
  template: T,
  locale: Locale
): TemplateSpec<TemplatePropsMap[T]> {
  if (!Object.hasOwn(catalogues, locale)) {
    throw new EmailInputError('INVALID_PROP', 'locale', 'locale is unknown')
  }
  if (!Object.hasOwn(specs, template)) {
    throw new EmailInputError('INVALID_PROP', 'template', 'template is unknown')
  }
  return specs[template]
}
