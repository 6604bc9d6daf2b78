// Consumers type-check this source without Vue support; the shim types its .vue imports.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an import would be emitted
/// <reference path="./vue-shim.d.ts" />
/**
 * `@partner-center/email-templates`: the emails of Customer Development, rendered to subject,
 * HTML and plain text. See README.md.
 */
export { EmailInputError, type EmailInputErrorCode } from './email-input-error.js'
export { formatDateTime } from './format-date-time.js'
export { renderEmail } from './render/render-email.js'
export {
  createTemplateRenderer,
  type TemplateRenderer,
  type TemplateRendererOptions,
} from './render/template-renderer.js'
export type {
  AppEnv,
  AssociationSuccessProps,
  AssociationType,
  EmailCodeProps,
  InvitationProps,
  LinkPolicy,
  Locale,
  RenderEmailRequest,
  RenderedEmail,
  RenewalRequestProps,
  TemplateName,
  TemplatePropsMap,
  WebhookEndpointDisabledProps,
} from './types.js'
