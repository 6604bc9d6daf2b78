import { escapeHtml } from '../escape-html.js'
import { assertHeaderSafe } from '../input-checks.js'
import { allowedOrigin } from '../link-policy.js'
import type {
  Locale,
  RenderEmailRequest,
  RenderedEmail,
  TemplateName,
  TemplatePropsMap,
} from '../types.js'
import { renderEmail } from './render-email.js'
import { renderView } from './render-view.js'
import {
  compileSlotTemplate,
  fillSlotTemplate,
  isTextSlotSafe,
  sentinel,
  type SlotTemplate,
} from './slot-template.js'
import type { TemplateSpec } from './template-spec.js'
import { specFor } from './template-specs.js'

/**
 * Options of `createTemplateRenderer`: a `renderEmail` request without the per-recipient props.
 *
 * @example
 * const options: TemplateRendererOptions<'renewal-request'> = { template: 'renewal-request', locale: 'en' }
 */
export type TemplateRendererOptions<T extends TemplateName = TemplateName> =
  Extract<RenderEmailRequest, { template: T }> extends infer R
    ? R extends unknown
      ? Omit<R, 'props'>
      : never
    : never

/**
 * A pre-rendered template for one template + locale that fills per-recipient values without
 * re-rendering the component tree. Its output is byte-identical to `renderEmail`.
 *
 * @example
 * const email = (await invitations.render(props)) // same bytes as renderEmail({ …, props })
 */
export interface TemplateRenderer<T extends TemplateName> {
  readonly template: T
  readonly locale: Locale
  /**
   * Fills the slots synchronously, or returns `undefined` when some value would not convert to
   * text as itself (for instance a doubled space), in which case only a full render is exact.
   * Throws `EmailInputError` exactly where `renderEmail` would.
   */
  renderSync(props: TemplatePropsMap[T]): RenderedEmail | undefined
  /** `renderSync`, falling back to `renderEmail` for the rare value it cannot fill. */
  render(props: TemplatePropsMap[T]): Promise<RenderedEmail>
}

interface Skeleton {
  subject: SlotTemplate
  html: SlotTemplate
  text: SlotTemplate
}

/**
 * Renders a template once per structural variant with sentinel values, then serves each
 * recipient by string filling (HTML-escaped exactly as Vue escapes). Use it for batches: a full
 * render costs about 2 ms, a fill a few microseconds. Link policy problems throw here, at
 * creation, with `EmailInputError`.
 *
 * @example
 * const invitations = await createTemplateRenderer({
 *   template: 'invitation',
 *   locale: 'zh-CN',
 *   linkPolicy: { origin: 'https://partners.example.com', appEnv: 'production' },
 * })
 * for (const props of batch) send(await invitations.render(props))
 */
export async function createTemplateRenderer<T extends TemplateName>(
  options: TemplateRendererOptions<T>
): Promise<TemplateRenderer<T>> {
  const { template, locale } = options as TemplateRendererOptions
  const request = options as TemplateRendererOptions
  const origin = 'linkPolicy' in request ? allowedOrigin(request.linkPolicy) : undefined
  const spec = specFor(template, locale) as TemplateSpec<TemplatePropsMap[T]>
  const sentinels = Object.fromEntries(spec.slots.map((name, index) => [name, sentinel(index)]))
  const skeletons = new Map<string, Skeleton>()
  for (const variant of spec.variants) {
    const view = spec.view(locale, variant, sentinels)
    const { html, text } = await renderView(spec.component, view.props)
    skeletons.set(variant, {
      subject: compileSlotTemplate(view.subject),
      html: compileSlotTemplate(html),
      text: compileSlotTemplate(text),
    })
  }

  const renderSync = (props: TemplatePropsMap[T]): RenderedEmail | undefined => {
    const { variant, slots } = spec.prepare(props, locale, origin)
    const skeleton = skeletons.get(variant)
    if (skeleton === undefined) return undefined
    const values = spec.slots.map((name) => slots[name] ?? '')
    const subject = fillSlotTemplate(skeleton.subject, values)
    assertHeaderSafe(subject, 'subject')
    if (!values.every(isTextSlotSafe)) return undefined
    return {
      subject,
      html: fillSlotTemplate(skeleton.html, values.map(escapeHtml)),
      text: fillSlotTemplate(skeleton.text, values),
    }
  }

  return {
    template: template as T,
    locale,
    renderSync,
    async render(props) {
      return renderSync(props) ?? renderEmail({ ...request, props } as RenderEmailRequest)
    },
  }
}
