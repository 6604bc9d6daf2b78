import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { EmailInputError } from '../email-input-error.js'
import { LINK, POLICY, invitation, renewalRequest } from '../testing/fixtures.js'
import type { Locale, RenderEmailRequest, RenderedEmail, TemplateName } from '../types.js'
import { renderEmail } from './render-email.js'
import { createTemplateRenderer, type TemplateRenderer } from './template-renderer.js'

const TEMPLATES: TemplateName[] = ['invitation', 'association-success', 'renewal-request']
const LOCALES: Locale[] = ['en', 'zh-CN']

/** Strings that stress escaping, the text converter and the slot delimiters. */
const trickyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[<>&"'a-c =;#/\\{}!-]{0,30}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Alpha Partner',
      '阿尔法科技',
      '👩‍💻 Dev',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '&amp; &lt;b&gt; &#39; &quot;',
      '{partner} {{ 7*7 }}',
      '\uE0000\uE001',
      '\uE000',
      'a  b',
      ' leading',
      'trailing ',
      'tab\there',
      'zero\u200bwidth',
      'nbsp\u00a0here',
      'line\nbreak',
      'nul\0here',
      'ls\u2028here',
      ''
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 500, maxLength: 2_000 }) }
)

const linkArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .stringMatching(/^[A-Za-z0-9_-]{1,43}$/)
      .map((t) => `${POLICY.origin}/invite#${t}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(LINK, `${POLICY.origin}/invite?a=1&b=<2>#x`, 'javascript:alert(1)'),
  },
  { weight: 1, arbitrary: trickyText }
)

const dateArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2100-01-01'),
      noInvalidDate: true,
    }),
  },
  { weight: 1, arbitrary: fc.constant(new Date(Number.NaN)) }
)

const typeArb = fc.constantFrom('reseller' as const, 'referral' as const)

const requestArb: fc.Arbitrary<RenderEmailRequest> = fc.oneof(
  fc
    .record({
      locale: fc.constantFrom(...LOCALES),
      props: fc.record({
        partnerName: trickyText,
        customerName: trickyText,
        platformName: fc.oneof(fc.constant('Example Cloud'), trickyText),
        link: linkArb,
        expiresAt: dateArb,
        recipientEmail: trickyText,
        partnerContact: trickyText,
        associationType: typeArb,
      }),
    })
    .map(({ locale, props }) => ({
      template: 'invitation' as const,
      locale,
      props,
      linkPolicy: POLICY,
    })),
  fc
    .record({
      locale: fc.constantFrom(...LOCALES),
      props: fc.record({
        partnerName: trickyText,
        platformName: fc.oneof(fc.constant('Example Cloud'), trickyText),
        email: trickyText,
        associatedAt: dateArb,
        associationType: typeArb,
        partnerContact: trickyText,
      }),
    })
    .map(({ locale, props }) => ({ template: 'association-success' as const, locale, props })),
  fc
    .record({
      locale: fc.constantFrom(...LOCALES),
      props: fc.record({ maskedEmail: trickyText, reason: trickyText }),
    })
    .map(({ locale, props }) => ({ template: 'renewal-request' as const, locale, props }))
)

type Outcome = { email: RenderedEmail } | { error: [string, string, string] }

/** Resolves a render to its result or to its refusal, so both can be compared. */
async function outcome(render: () => Promise<RenderedEmail>): Promise<Outcome> {
  try {
    return { email: await render() }
  } catch (error) {
    if (error instanceof EmailInputError) return { error: [error.code, error.field, error.message] }
    throw error
  }
}

/** The same for the synchronous fill, which may decline with `undefined`. */
function syncOutcome(render: () => RenderedEmail | undefined): Outcome | 'fallback' {
  try {
    const email = render()
    return email === undefined ? 'fallback' : { email }
  } catch (error) {
    if (error instanceof EmailInputError) return { error: [error.code, error.field, error.message] }
    throw error
  }
}

const renderers = new Map<string, TemplateRenderer<TemplateName>>()

function rendererFor(request: RenderEmailRequest): TemplateRenderer<TemplateName> {
  const renderer = renderers.get(`${request.template}/${request.locale}`)
  if (renderer === undefined) throw new Error('renderer missing')
  return renderer
}

beforeAll(async () => {
  for (const template of TEMPLATES) {
    for (const locale of LOCALES) {
      const options =
        template === 'invitation' ? { template, locale, linkPolicy: POLICY } : { template, locale }
      renderers.set(`${template}/${locale}`, await createTemplateRenderer(options as never))
    }
  }
})

describe('createTemplateRenderer', () => {
  it('produces the same subject, html and text as renderEmail for generated input', async () => {
    const paths = { filled: 0, fallback: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(requestArb, async (request) => {
        const renderer = rendererFor(request)
        const plain = await outcome(() => renderEmail(request))
        const fast = await outcome(() => renderer.render(request.props))
        expect(fast).toEqual(plain)
        // The synchronous fill alone: identical too, unless it asks for the fallback.
        const filled = syncOutcome(() => renderer.renderSync(request.props))
        expect(filled === 'fallback' ? plain : filled).toEqual(plain)
        if (filled === 'fallback') paths.fallback++
        else if ('email' in filled) paths.filled++
        else paths.refused++
      }),
      { numRuns: 600 }
    )
    // The run must have exercised the fill, the fallback and the refusals, or it proves little.
    expect(paths.filled).toBeGreaterThan(50)
    expect(paths.fallback).toBeGreaterThan(20)
    expect(paths.refused).toBeGreaterThan(20)
  }, 120_000)

  it('fills slots synchronously for ordinary input', () => {
    const email = rendererFor({
      template: 'invitation',
      locale: 'en',
      linkPolicy: POLICY,
      props: invitation(),
    }).renderSync(invitation({ partnerName: 'Beta & <Co>' }))
    expect(email?.subject).toBe('Beta & <Co> invites you to connect your Example Cloud account')
    expect(email?.html).toContain('An invitation from Beta &amp; &lt;Co&gt;</h1>')
    expect(email?.text).toContain('An invitation from Beta & <Co>\n')
  })

  it('falls back to a full render when the text converter would change a value', async () => {
    const renderer = rendererFor({
      template: 'renewal-request',
      locale: 'en',
      props: renewalRequest(),
    })
    const props = renewalRequest({ reason: '  doubled  spaces ' })
    expect(renderer.renderSync(props)).toBeUndefined()
    const email = await renderer.render(props)
    expect(email).toEqual(await renderEmail({ template: 'renewal-request', locale: 'en', props }))
    expect(email.text).toContain('( doubled spaces )')
  })

  it('refuses a bad link policy when it is created', async () => {
    await expect(
      createTemplateRenderer({
        template: 'invitation',
        locale: 'en',
        linkPolicy: { origin: 'http://partners.example.com', appEnv: 'production' },
      })
    ).rejects.toMatchObject({ code: 'LINK_ORIGIN_NOT_ALLOWED' })
  })
})
