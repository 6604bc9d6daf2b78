import { assertHeaderSafe } from '../input-checks.js'
import { allowedOrigin } from '../link-policy.js'
import type { RenderEmailRequest, RenderedEmail } from '../types.js'
import { renderView } from './render-view.js'
import { specFor } from './template-specs.js'

/**
 * Renders one email: subject, HTML and plain text, in the request's locale. Preview (R48) and
 * sending use this same function, so both produce the same bytes.
 *
 * Inputs are checked before anything is rendered, and a refused input throws `EmailInputError`:
 * header-bound values (subject fields, recipient, contact) with CR, LF, NUL, U+0085, U+2028 or
 * U+2029; an invitation link that is not on `linkPolicy.origin` (https, or http on localhost /
 * 127.0.0.1 outside production); a bad locale, template, association type or date.
 *
 * @example
 * const { subject, html, text } = await renderEmail({
 *   template: 'invitation',
 *   locale: 'en',
 *   linkPolicy: { origin: 'https://partners.example.com', appEnv: 'production' },
 *   props: {
 *     partnerName: 'Alpha Partner', customerName: 'Alpha Robotics', platformName: 'Example Cloud',
 *     link: 'https://partners.example.com/invite#tok', expiresAt: new Date('2025-01-22T09:30:00Z'),
 *     recipientEmail: 'new.alpha@customer.example', partnerContact: 'sales@alpha.example',
 *     associationType: 'reseller',
 *   },
 * })
 * // subject === 'Alpha Partner invites you to connect your Example Cloud account'
 */
export async function renderEmail(request: RenderEmailRequest): Promise<RenderedEmail> {
  const origin = 'linkPolicy' in request ? allowedOrigin(request.linkPolicy) : undefined
  const spec = specFor(request.template, request.locale)
  const { variant, slots } = spec.prepare(request.props, request.locale, origin)
  const view = spec.view(request.locale, variant, slots)
  assertHeaderSafe(view.subject, 'subject')
  const { html, text } = await renderView(spec.component, view.props)
  return { subject: view.subject, html, text }
}
