import {
  createTemplateRenderer,
  type LinkPolicy,
  type Locale,
  type TemplateName,
  type TemplateRenderer,
} from '@partner-center/email-templates'

/**
 * The fast-path renderers of one process, one per template and locale, built on first use
 * (a skeleton render costs a few milliseconds; each email after that costs microseconds).
 *
 * @example
 * const renderers = createEmailRenderers({ origin: config.publicBaseUrl, appEnv: 'production' })
 * const email = await (await renderers.get('invitation', 'en')).render(props)
 */
export function createEmailRenderers(linkPolicy: LinkPolicy) {
  const cache = new Map<string, Promise<TemplateRenderer<TemplateName>>>()
  return {
    get<T extends TemplateName>(template: T, locale: Locale): Promise<TemplateRenderer<T>> {
      const key = `${template}:${locale}`
      let renderer = cache.get(key)
      if (!renderer) {
        renderer =
          template === 'invitation' || template === 'invitation-reminder'
            ? createTemplateRenderer({ template, locale, linkPolicy })
            : createTemplateRenderer({ template, locale })
        // A failed build is not cached, so a later email retries it.
        renderer.catch(() => cache.delete(key))
        cache.set(key, renderer)
      }
      return renderer as Promise<TemplateRenderer<T>>
    },
  }
}

/** The renderers of {@link createEmailRenderers}. */
export type EmailRenderers = ReturnType<typeof createEmailRenderers>
