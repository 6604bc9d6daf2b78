import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileFunction, constants } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { qiankunEntryScript } from '../vite-qiankun-entry'

type Lifecycle = (props: unknown) => Promise<unknown>
type SandboxWindow = Record<string, unknown>

/**
 * Runs the entry's classic script the way qiankun 2 (import-html-entry) does in its JS sandbox:
 * inside `with (window)`, `window`, `self` and `globalThis` bound to the sandbox's proxy window.
 */
function runInSandbox(script: string, sandbox: SandboxWindow): void {
  const proxy = new Proxy(sandbox, {})
  // Like a browser's eval, the code may import(): Node's own loader resolves file URLs.
  const run = compileFunction(`with (window) {\n${script}\n}`, ['window', 'self', 'globalThis'], {
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  run.call(proxy, proxy, proxy, proxy)
}

let folder = ''
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
  folder = ''
})

describe('the qiankun HTML entry script', () => {
  it('registers the four lifecycles on the sandbox window only, and imports the ES adapter once from the injected public path', async () => {
    folder = await mkdtemp(join(tmpdir(), 'qiankun-entry-'))
    // A stand-in ES adapter that counts its evaluations and echoes each call.
    await writeFile(
      join(folder, 'qiankun-abc.js'),
      `globalThis.__adapterLoads = (globalThis.__adapterLoads ?? 0) + 1
export const bootstrap = async (props) => ['bootstrap', props]
export const mount = async (props) => ['mount', props]
export const unmount = async (props) => ['unmount', props]
export const update = async (props) => ['update', props]
`
    )
    const sandbox: SandboxWindow = {
      __INJECTED_PUBLIC_PATH_BY_QIANKUN__: `${pathToFileURL(folder).href}/`,
    }
    const script = qiankunEntryScript({
      adapterFile: 'qiankun-abc.js',
      globalName: 'customer-development',
      base: '/mfe/customer-development/',
    })
    runInSandbox(script, sandbox)

    expect('customer-development' in globalThis).toBe(false)
    const lifecycles = sandbox['customer-development'] as Record<string, Lifecycle>
    expect(Object.keys(lifecycles)).toEqual(['bootstrap', 'mount', 'unmount', 'update'])
    const props = { name: 'crm-customers' }
    expect(await lifecycles.bootstrap!(props)).toEqual(['bootstrap', props])
    expect(await lifecycles.mount!(props)).toEqual(['mount', props])
    expect(await lifecycles.update!(props)).toEqual(['update', props])
    expect(await lifecycles.unmount!(props)).toEqual(['unmount', props])
    expect((globalThis as SandboxWindow).__adapterLoads).toBe(1)
    delete (globalThis as SandboxWindow).__adapterLoads
  })

  it('rejects a lifecycle when the adapter cannot load, and tries again on the next call', async () => {
    folder = await mkdtemp(join(tmpdir(), 'qiankun-entry-'))
    const sandbox: SandboxWindow = {
      __INJECTED_PUBLIC_PATH_BY_QIANKUN__: `${pathToFileURL(folder).href}/`,
    }
    runInSandbox(
      qiankunEntryScript({ adapterFile: 'late.js', globalName: 'cd', base: '/' }),
      sandbox
    )
    const { mount } = sandbox.cd as Record<string, Lifecycle>
    await expect(mount!({})).rejects.toThrow(/late\.js/)
    await writeFile(join(folder, 'late.js'), `export const mount = async () => 'mounted'\n`)
    expect(await mount!({})).toBe('mounted')
  })
})
