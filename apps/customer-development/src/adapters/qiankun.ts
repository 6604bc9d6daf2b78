import * as lifecycle from '../lifecycle'
import {
  checkHostProps,
  checkLocale,
  contextFromHostProps,
  patchFromHostProps,
  requireElement,
  type HostProps,
} from './host-props'

const HOST = 'qiankun'

/**
 * What qiankun 2 passes each lifecycle: the props the host gave `loadMicroApp` (or
 * `registerMicroApps`), the {@link HostProps} every host may give, merged with qiankun's own
 * `container`, `name` and global-state functions. Only `container` (given by qiankun on mount
 * and unmount), `getToken` and `apiBaseUrl` are required.
 */
export interface QiankunProps extends HostProps {
  /**
   * Where qiankun rendered the entry's HTML: its wrapper `div` inside the host's container. The
   * module renders into a node of its own appended here, so qiankun's wrapper content stays.
   */
  container: HTMLElement
  /** qiankun's id of this app instance (`customer-development`, `customer-development_1`, …). */
  name?: string
  /** qiankun's global state; unused (the module talks to the host through its props). */
  onGlobalStateChange?: unknown
  setGlobalState?: unknown
}

/** The module's own node in each qiankun container, found again on update and unmount. */
interface QiankunMount {
  container: HTMLElement
  node: HTMLElement
}

// qiankun calls `update` with the host's props and its own `name` but without `container`
// (single-spa parcel props), so mounts are found by the instance name, else by container.
const mounts = new Map<string, QiankunMount>()

function mountKey(props: Partial<QiankunProps> | undefined, container?: HTMLElement): string {
  if (typeof props?.name === 'string' && props.name !== '') return props.name
  const found = [...mounts].find(([, mount]) => mount.container === container)
  return found?.[0] ?? ''
}

/** qiankun lifecycle: once per app instance, before its first mount. */
export async function bootstrap(): Promise<void> {
  await lifecycle.bootstrap()
}

/**
 * qiankun lifecycle: renders inside `props.container` (qiankun's wrapper). Rejects naming a
 * missing or wrong prop, before touching the DOM.
 */
export async function mount(props: QiankunProps): Promise<void> {
  const container = requireElement(HOST, 'container', props?.container)
  const checked = checkHostProps<QiankunProps>(HOST, props)
  const key = mountKey(checked, container)
  if (mounts.has(key)) throw new Error(`customer-development (qiankun): "${key}" is mounted`)
  const node = container.ownerDocument.createElement('div')
  node.dataset.qiankunMount = 'customer-development'
  container.append(node)
  try {
    await lifecycle.mount(node, contextFromHostProps(checked))
  } catch (error) {
    node.remove()
    throw error
  }
  mounts.set(key, { container, node })
}

/**
 * qiankun lifecycle (`microApp.update(props)` of `loadMicroApp`): applies a new `locale`,
 * `tenant` or `featureFlags` without a remount; other props take effect on the next mount.
 */
export async function update(props: Partial<QiankunProps>): Promise<void> {
  const mounted = mounts.get(mountKey(props, props?.container))
  if (!mounted) throw new Error('customer-development (qiankun): update before mount')
  checkLocale(HOST, props.locale)
  await lifecycle.update(mounted.node, patchFromHostProps(props))
}

/** qiankun lifecycle: removes every node, style and listener of the mount; keeps qiankun's. */
export async function unmount(props: Partial<QiankunProps>): Promise<void> {
  const key = mountKey(props, props?.container)
  const mounted = mounts.get(key)
  if (!mounted) return
  mounts.delete(key)
  await lifecycle.unmount(mounted.node)
  mounted.node.remove()
}
