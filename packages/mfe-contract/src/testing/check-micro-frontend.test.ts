import { afterEach, describe, expect, it } from 'vitest'
import { createFakeContext } from '../../test/fake-context'
import { createFakeModule, type FakeModuleFlaws } from '../../test/fake-modules'
import { withoutUpdate } from '../../test/loader-fixtures'
import { CONTRACT_VERSION } from '../types'
import { assertMicroFrontend } from './assert-micro-frontend'
import { checkMicroFrontend } from './check-micro-frontend'
import { formatReport, MFE_CHECK_NAMES, type MfeCheckReport } from './check-report'

function check(flaws: FakeModuleFlaws = {}): Promise<MfeCheckReport> {
  const module = createFakeModule(flaws)
  return checkMicroFrontend({
    load: () => Promise.resolve(module),
    createContext: () => createFakeContext(),
  })
}

function failedNames(report: MfeCheckReport): string[] {
  return report.checks.filter((entry) => !entry.ok).map((entry) => entry.name)
}

function messageOf(report: MfeCheckReport, name: string): string | undefined {
  return report.checks.find((entry) => entry.name === name)?.message
}

afterEach(() => {
  document.head.replaceChildren()
  document.body.replaceChildren()
})

describe('checkMicroFrontend', () => {
  it('passes a well-behaved module on every check', async () => {
    const report = await check()
    expect(report.checks.map((entry) => entry.name)).toEqual(Object.values(MFE_CHECK_NAMES))
    expect(report.checks.filter((entry) => !entry.ok)).toEqual([])
    expect(report.passed).toBe(true)
  })

  it('accepts a module namespace with the lifecycle as named exports', async () => {
    const namespace = { ...createFakeModule() }
    const report = await checkMicroFrontend({
      load: () => namespace,
      createContext: () => createFakeContext(),
    })
    expect(report.passed).toBe(true)
  })

  it('waits for a module that renders its data some time after mount before comparing mounts', async () => {
    const base = createFakeModule()
    // Like a real page: mount() resolves at once, the list arrives from the network 120 ms later.
    const slowData = {
      ...base,
      async mount(container: HTMLElement, ctx: Parameters<typeof base.mount>[1]) {
        await base.mount(container, ctx)
        setTimeout(() => {
          const root = container.firstElementChild
          if (root) root.append(Object.assign(document.createElement('p'), { textContent: 'rows' }))
        }, 120)
      },
    }
    const report = await checkMicroFrontend({
      load: () => Promise.resolve(slowData),
      createContext: () => createFakeContext(),
    })
    expect(failedNames(report)).toEqual([])
  })

  it('leaves the page as it found it', async () => {
    const before = document.body.innerHTML
    await check()
    expect(document.body.innerHTML).toBe(before)
    expect(document.querySelectorAll('link[data-mfe]')).toHaveLength(0)
  })

  it('detects a node left in the container by unmount', async () => {
    const report = await check({ leaksNode: true })
    expect(failedNames(report)).toEqual([
      MFE_CHECK_NAMES.unmount,
      MFE_CHECK_NAMES.tokenRejected,
      MFE_CHECK_NAMES.mountThrows,
    ])
    expect(messageOf(report, MFE_CHECK_NAMES.unmount)).toContain(
      'the first container is not empty after unmount(): <aside></aside>'
    )
  })

  it('detects state shared between two mounts', async () => {
    const report = await check({ sharesState: true })
    expect(failedNames(report)).toEqual([MFE_CHECK_NAMES.independent])
    expect(messageOf(report, MFE_CHECK_NAMES.independent)).toContain(
      'the second container changed when update() was called on the first'
    )
  })

  it('detects a module that ignores update', async () => {
    const report = await check({ ignoresUpdate: true })
    expect(failedNames(report)).toEqual([MFE_CHECK_NAMES.locale])
    expect(messageOf(report, MFE_CHECK_NAMES.locale)).toContain(
      'the root element has lang="en", expected "zh-CN" and the content did not change'
    )
  })

  it('requires lang on the root element even when the text changes', async () => {
    const report = await check({ omitsLang: true })
    expect(failedNames(report)).toEqual([MFE_CHECK_NAMES.locale])
    expect(messageOf(report, MFE_CHECK_NAMES.locale)).toContain('set lang on the root element too')
  })

  it('detects a module without update', async () => {
    const module = withoutUpdate(createFakeModule())
    const report = await checkMicroFrontend({
      load: () => module,
      createContext: () => createFakeContext(),
    })
    expect(failedNames(report)).toEqual([MFE_CHECK_NAMES.locale])
  })

  it('detects a stylesheet link left after the last unmount', async () => {
    const report = await check({ leaksStylesheet: true })
    expect(failedNames(report)).toContain(MFE_CHECK_NAMES.unmount)
    expect(messageOf(report, MFE_CHECK_NAMES.unmount)).toContain(
      '1 link[data-mfe] left in the document ("fake-module-leaky") after the last unmount()'
    )
  })

  it('ignores link[data-mfe] that were on the page before it started', async () => {
    const foreign = document.createElement('link')
    foreign.dataset.mfe = 'another-module'
    document.head.append(foreign)
    const report = await check()
    expect(report.passed).toBe(true)
    expect(foreign.isConnected).toBe(true)
  })

  it('detects a module that a rejected getToken leaves unusable', async () => {
    const report = await check({ poisonedByTokenFailure: true })
    expect(failedNames(report)).toContain(MFE_CHECK_NAMES.tokenRejected)
    expect(messageOf(report, MFE_CHECK_NAMES.tokenRejected)).toContain(
      'mount() after the failure rejected: the module is broken since a token failure'
    )
  })

  it('reports errors dispatched on window as uncaught', async () => {
    const report = await check({ reportsUncaughtError: true })
    expect(failedNames(report)).toEqual([MFE_CHECK_NAMES.uncaught])
    expect(messageOf(report, MFE_CHECK_NAMES.uncaught)).toContain('fake uncaught')
  })

  it('fails every check that needs a module when load rejects', async () => {
    const report = await checkMicroFrontend({
      load: () => Promise.reject(new Error('404 lifecycle.js')),
      createContext: () => createFakeContext(),
    })
    expect(report.passed).toBe(false)
    expect(messageOf(report, MFE_CHECK_NAMES.loads)).toBe(
      'load() or bootstrap() failed: 404 lifecycle.js'
    )
    expect(messageOf(report, MFE_CHECK_NAMES.renders)).toBe('not run: the module did not load')
    expect(report.checks.find((entry) => entry.name === MFE_CHECK_NAMES.uncaught)?.ok).toBe(true)
  })

  it('fails the load check for a module of another contract version', async () => {
    const module = { ...createFakeModule(), contractVersion: CONTRACT_VERSION + 1 }
    const report = await checkMicroFrontend({
      load: () => module,
      createContext: () => createFakeContext(),
    })
    expect(messageOf(report, MFE_CHECK_NAMES.loads)).toMatch(/^CONTRACT_MISMATCH: /)
  })

  it('reports a mount that always rejects without throwing', async () => {
    const module = { ...createFakeModule(), mount: () => Promise.reject(new Error('no API')) }
    const report = await checkMicroFrontend({
      load: () => module,
      createContext: () => createFakeContext(),
    })
    expect(messageOf(report, MFE_CHECK_NAMES.renders)).toBe(
      'mount() into the first container rejected: no API; mount() into the second container rejected: no API'
    )
    expect(messageOf(report, MFE_CHECK_NAMES.independent)).toBe('not run: mount() failed')
  })

  it('times out a mount that never settles', async () => {
    const module = { ...createFakeModule(), mount: () => new Promise<void>(() => undefined) }
    const report = await checkMicroFrontend({
      load: () => module,
      createContext: () => createFakeContext(),
      timeoutMs: 20,
    })
    expect(messageOf(report, MFE_CHECK_NAMES.renders)).toContain('did not settle within 20 ms')
  })
})

describe('assertMicroFrontend', () => {
  it('resolves with the report when every check passes', async () => {
    const report = await assertMicroFrontend({
      load: () => createFakeModule(),
      createContext: () => createFakeContext(),
    })
    expect(report.passed).toBe(true)
  })

  it('throws a readable summary when a check fails', async () => {
    const failing = assertMicroFrontend({
      load: () => createFakeModule({ sharesState: true }),
      createContext: () => createFakeContext(),
    })
    await expect(failing).rejects.toThrow(
      /^Micro-frontend contract: 1 of 8 checks failed\n {2}✓ loads a module that matches the contract\n/
    )
    await expect(failing).rejects.toThrow(
      `✗ ${MFE_CHECK_NAMES.independent}: the second container changed`
    )
  })
})

describe('formatReport', () => {
  it('summarises a passing report', () => {
    const report = { passed: true, checks: [{ name: MFE_CHECK_NAMES.loads, ok: true }] }
    expect(formatReport(report)).toBe(
      'Micro-frontend contract: all 1 checks passed\n  ✓ loads a module that matches the contract'
    )
  })
})
