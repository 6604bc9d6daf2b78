import {
  ASSOCIATION_TYPES,
  associationTypeDefinition,
  associationTypeNote,
  type Locale,
} from '@partner-center/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CONSOLE_BASE_PATH as BASE,
  HOST_ME as me,
  answerAsTheApi,
  createHostContext,
} from '../../../test/host-context'

const names = { platform: me.platformName }

// The first mount transforms Element Plus and loads the view's chunk: slow on a busy machine.
const FIRST_RENDER = { timeout: 20_000 }

/** Mounts the whole module at `path`, as a host would. */
async function mountAt(path: string, locale: Locale = 'en') {
  window.history.pushState(null, '', path)
  const { mount, unmount } = await import('../../lifecycle')
  const container = document.createElement('div')
  document.body.append(container)
  const ctx = createHostContext(locale)
  await mount(container, ctx)
  const find = (testId: string) => container.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  return { container, ctx, find, unmount: () => unmount(container) }
}

/** The partner's texts of both types: definitions, and notes apart from them. */
function partnerTexts(locale: Locale): string[] {
  return ASSOCIATION_TYPES.flatMap((type) => [
    associationTypeDefinition(type, locale, 'partner', names),
    ...[associationTypeNote(type, locale, 'partner', names)].filter((note) => note !== null),
  ])
}

describe('the help view below the module’s base path (S20)', () => {
  beforeEach(() => vi.stubGlobal('fetch', vi.fn(answerAsTheApi)))
  afterEach(() => {
    vi.unstubAllGlobals()
    localStorage.clear()
  })

  it.each(['en', 'zh-CN'] as const)(
    'opens at …/help in %s with the domain’s association types, and goes back to the list',
    async (locale) => {
      const module = await mountAt(`${BASE}/help`, locale)
      await vi.waitFor(() => expect(module.find('help-view')).not.toBeNull(), FIRST_RENDER)
      await vi.waitFor(
        () =>
          expect(module.find('association-type-list')?.textContent).toContain(
            partnerTexts(locale)[0]
          ),
        FIRST_RENDER
      )
      const help = module.find('help-view')?.textContent ?? ''
      for (const text of partnerTexts(locale)) expect(help).toContain(text)
      expect(module.container.querySelector('[role="tablist"]')).toBeNull()

      module.find('help-back')?.click()
      await vi.waitFor(() => expect(module.find('help-view')).toBeNull())
      expect(module.ctx.navigate).toHaveBeenCalledWith(BASE)
      expect(module.container.querySelector('[role="tablist"]')).not.toBeNull()
      await module.unmount()
    }
  )

  it('opens from the flowchart’s “For details” link and follows the browser back', async () => {
    localStorage.setItem(`pc-customer-development:flowchart:${me.user.id}`, 'shown')
    const module = await mountAt(BASE)
    await vi.waitFor(() => expect(module.find('process-flowchart')).not.toBeNull(), FIRST_RENDER)
    await vi.waitFor(() =>
      expect(module.find('process-flowchart')?.textContent).toContain(partnerTexts('en')[0])
    )
    const flowchart = module.find('process-flowchart')?.textContent ?? ''
    for (const text of partnerTexts('en')) expect(flowchart).toContain(text)

    const link = module.find('process-flowchart')?.querySelector<HTMLAnchorElement>('a')
    expect(link?.getAttribute('href')).toBe(`${BASE}/help`)
    link?.click()
    await vi.waitFor(() => expect(module.find('help-view')).not.toBeNull(), FIRST_RENDER)
    expect(module.ctx.navigate).toHaveBeenCalledWith(`${BASE}/help`)

    // The host's history went back to the list.
    window.history.pushState(null, '', BASE)
    window.dispatchEvent(new PopStateEvent('popstate'))
    await vi.waitFor(() => expect(module.find('help-view')).toBeNull())
    await module.unmount()
  })
})
