import type { MfeContext, MfeModule } from '../types'
import { cleanUpFailedMount } from '../update-or-remount'
import { MFE_CHECK_NAMES, toCheck, type MfeCheck } from './check-report'
import { isEmpty } from './kit-host'
import { leftoverLinks, type ScenarioInput } from './two-mounts-scenario'

/**
 * Mounts with `failing` and `ctx` into a fresh container, treats a rejection the way
 * `loadMicroFrontend` does (best-effort unmount, then empty the container), and then proves the
 * host is still usable: the real module mounts into the same container, renders, unmounts to
 * an empty container and leaves no `link[data-mfe]` behind.
 */
async function runFailedMount(
  input: ScenarioInput,
  label: string,
  failing: MfeModule,
  ctx: MfeContext,
  mustReject: boolean
): Promise<string[]> {
  const { module, host, createContext } = input
  const container = host.createContainer(label)
  const problems: string[] = []
  const first = await host.call('the failing mount()', () => failing.mount(container, ctx))
  if (first.ok) {
    if (mustReject) problems.push('mount() resolved although it was made to throw')
    const unmounted = await host.call('unmount() after the failing mount()', () =>
      module.unmount(container)
    )
    if (!unmounted.ok) problems.push(unmounted.message)
  } else {
    await cleanUpFailedMount(failing, container)
    await host.settle()
  }
  container.replaceChildren()

  const again = await host.call('mount() after the failure', () =>
    module.mount(container, createContext())
  )
  if (!again.ok) problems.push(again.message)
  else if (isEmpty(container)) problems.push('the container is empty after mounting again')
  const unmounted = await host.call('unmount() after mounting again', () =>
    module.unmount(container)
  )
  if (!unmounted.ok) problems.push(unmounted.message)
  if (!isEmpty(container)) problems.push('the container is not empty after the final unmount()')
  const leak = leftoverLinks(input)
  if (leak) problems.push(leak)
  return problems
}

/**
 * The two "rejected mount leaves the host usable" checks. First, a context whose
 * `auth.getToken` rejects: the module may show an error or reject `mount`, but must not break
 * the page. Second, a wrapper whose `mount` renders with the real module and then throws, as
 * if a later step failed: the host's clean-up must leave the container reusable.
 *
 * @example
 * const [tokenRejected, mountThrows] = await runFailedMountScenarios(input)
 */
export async function runFailedMountScenarios(input: ScenarioInput): Promise<MfeCheck[]> {
  const { module, createContext } = input
  const base = createContext()
  const rejectingCtx: MfeContext = {
    ...base,
    auth: {
      ...base.auth,
      getToken: () => Promise.reject(new Error('mfe-contract kit: the token is unavailable')),
    },
  }
  const tokenProblems = await runFailedMount(input, 'token-rejected', module, rejectingCtx, false)

  const throwing: MfeModule = {
    contractVersion: module.contractVersion,
    mount: async (container, ctx) => {
      await module.mount(container, ctx)
      throw new Error('mfe-contract kit: mount failed after rendering')
    },
    unmount: (container) => module.unmount(container),
  }
  const throwProblems = await runFailedMount(input, 'mount-throws', throwing, createContext(), true)

  return [
    toCheck(MFE_CHECK_NAMES.tokenRejected, tokenProblems),
    toCheck(MFE_CHECK_NAMES.mountThrows, throwProblems),
  ]
}
