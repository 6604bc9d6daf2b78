import type { MfeContext, MfeModule } from '../types'
import { cleanUpFailedMount } from '../update-or-remount'
import { MFE_CHECK_NAMES, toCheck, type MfeCheck } from './check-report'
import { isEmpty, rootLang, type KitHost } from './kit-host'

/**
 * What the scenarios need: the module, the kit's host page and fresh contexts.
 *
 * @example
 * const input: ScenarioInput = { module, host, createContext, baselineLinks: new Set() }
 */
export interface ScenarioInput {
  module: MfeModule
  host: KitHost
  /** A fresh context with locale 'en'. */
  createContext: () => MfeContext
  /** The `link[data-mfe]` present before the kit started; they are not the module's. */
  baselineLinks: ReadonlySet<HTMLLinkElement>
}

/**
 * Describes `link[data-mfe]` elements added since the kit started, or `undefined` when none.
 *
 * @example
 * const leak = leftoverLinks(input) // 'link[data-mfe="customer-development"] x1'
 */
export function leftoverLinks({ host, baselineLinks }: ScenarioInput): string | undefined {
  const added = host.mfeLinks().filter((link) => !baselineLinks.has(link))
  if (added.length === 0) return undefined
  const names = [...new Set(added.map((link) => link.dataset.mfe ?? ''))]
  return `${added.length} link[data-mfe] left in the document (${names.map((n) => `"${n}"`).join(', ')})`
}

function excerpt(html: string): string {
  return html.length > 80 ? `${html.slice(0, 77)}...` : html
}

function checkLocale(before: string | null, after: string | null, textChanged: boolean): string[] {
  if (after === 'zh-CN' && before === 'en') return []
  const problems: string[] = []
  if (before !== 'en') {
    problems.push(
      `after mount with locale 'en' the root element has lang=${JSON.stringify(before)}, expected "en"`
    )
  }
  if (after !== 'zh-CN') {
    problems.push(
      `after update({ locale: 'zh-CN' }) the root element has lang=${JSON.stringify(after)}, expected "zh-CN"` +
        (textChanged
          ? ' (the text changed; set lang on the root element too)'
          : ' and the content did not change')
    )
  }
  return problems
}

/**
 * Mounts the module into two containers on one page, updates the first to zh-CN, then unmounts
 * both; yields the render, independence, locale and unmount checks. Independence is judged by
 * innerHTML snapshots: updating or unmounting the first container must leave the second's
 * markup exactly as it was.
 *
 * @example
 * const checks = await runTwoMountsScenario(input) // four MfeCheck entries
 */
export async function runTwoMountsScenario(input: ScenarioInput): Promise<MfeCheck[]> {
  const { module, host, createContext } = input
  const first = host.createContainer('first')
  const second = host.createContainer('second')
  const mountedFirst = await host.call('mount() into the first container', () =>
    module.mount(first, createContext())
  )
  const mountedSecond = await host.call('mount() into the second container', () =>
    module.mount(second, createContext())
  )

  const renderProblems: string[] = []
  for (const [label, outcome, container] of [
    ['first', mountedFirst, first],
    ['second', mountedSecond, second],
  ] as const) {
    if (!outcome.ok) renderProblems.push(outcome.message)
    else if (isEmpty(container))
      renderProblems.push(`the ${label} container is empty after mount()`)
  }
  if (!mountedFirst.ok || !mountedSecond.ok) {
    await Promise.all([cleanUpFailedMount(module, first), cleanUpFailedMount(module, second)])
    const notRun = 'not run: mount() failed'
    return [
      toCheck(MFE_CHECK_NAMES.renders, renderProblems),
      { name: MFE_CHECK_NAMES.independent, ok: false, message: notRun },
      { name: MFE_CHECK_NAMES.locale, ok: false, message: notRun },
      { name: MFE_CHECK_NAMES.unmount, ok: false, message: notRun },
    ]
  }

  await host.stabilise([first, second])
  const independenceProblems: string[] = []
  const localeProblems: string[] = []
  const langBefore = rootLang(first)
  const firstBefore = first.innerHTML
  const secondBefore = second.innerHTML
  if (module.update) {
    const updated = await host.call('update() of the first container', () =>
      module.update?.(first, { locale: 'zh-CN' })
    )
    if (!updated.ok) localeProblems.push(updated.message)
    if (second.innerHTML !== secondBefore) {
      independenceProblems.push(
        `the second container changed when update() was called on the first (before: ${excerpt(secondBefore)}; after: ${excerpt(second.innerHTML)})`
      )
    }
    if (updated.ok) {
      localeProblems.push(
        ...checkLocale(langBefore, rootLang(first), first.innerHTML !== firstBefore)
      )
    }
  } else {
    localeProblems.push('the module has no update(), so a locale change cannot re-render it')
  }

  await host.stabilise([first, second])
  const secondBeforeUnmount = second.innerHTML
  const unmountProblems: string[] = []
  const unmountedFirst = await host.call('unmount() of the first container', () =>
    module.unmount(first)
  )
  if (!unmountedFirst.ok) unmountProblems.push(unmountedFirst.message)
  if (!isEmpty(first))
    unmountProblems.push(
      `the first container is not empty after unmount(): ${excerpt(first.innerHTML)}`
    )
  if (second.innerHTML !== secondBeforeUnmount) {
    independenceProblems.push('the second container changed when the first was unmounted')
  }
  const unmountedSecond = await host.call('unmount() of the second container', () =>
    module.unmount(second)
  )
  if (!unmountedSecond.ok) unmountProblems.push(unmountedSecond.message)
  if (!isEmpty(second))
    unmountProblems.push(
      `the second container is not empty after unmount(): ${excerpt(second.innerHTML)}`
    )
  const leak = leftoverLinks(input)
  if (leak) unmountProblems.push(`${leak} after the last unmount()`)

  return [
    toCheck(MFE_CHECK_NAMES.renders, renderProblems),
    toCheck(MFE_CHECK_NAMES.independent, independenceProblems),
    toCheck(MFE_CHECK_NAMES.locale, localeProblems),
    toCheck(MFE_CHECK_NAMES.unmount, unmountProblems),
  ]
}
