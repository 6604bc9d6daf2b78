import type { MfeContext } from '@partner-center/mfe-contract'
import * as lifecycle from '../lifecycle'
import {
  checkHostProps,
  contextFromHostProps,
  navigateWithHistory,
  patchFromHostProps,
  requireElement,
  type HostProps,
} from './host-props'

const HOST = 'single-spa'

/**
 * What a single-spa root config passes this module (`customProps` of `registerApplication` or
 * the props of `mountParcel`, merged by single-spa with its own `name` and `singleSpa`): the
 * {@link HostProps} every host may give, plus the element to render into. Only `domElement`,
 * `getToken` and `apiBaseUrl` are required.
 */
export interface SingleSpaProps extends HostProps {
  /** The element the module renders into; single-spa never creates one for us. */
  domElement: HTMLElement
  /** Passed by single-spa itself. */
  name?: string
  /** Passed by single-spa itself; its `navigateToUrl` is the default `navigate`. */
  singleSpa?: { navigateToUrl?: (to: string) => void }
}

function checkProps(props: Partial<SingleSpaProps> | undefined): SingleSpaProps {
  requireElement(HOST, 'domElement', props?.domElement)
  return checkHostProps<SingleSpaProps>(HOST, props)
}

/** The default `navigate`: single-spa's router when given, else the History API. */
function navigateWith(props: SingleSpaProps): MfeContext['navigate'] {
  const navigateToUrl = props.singleSpa?.navigateToUrl
  return (to, options) => {
    if (navigateToUrl && !options?.replace) navigateToUrl(to)
    else navigateWithHistory(to, options)
  }
}

/** Maps single-spa props onto the contract's context (architecture.md §4). */
export function contextFromProps(props: SingleSpaProps): MfeContext {
  return contextFromHostProps(props, navigateWith(props))
}

/** single-spa lifecycle: once, before the first mount. */
export async function bootstrap(): Promise<void> {
  await lifecycle.bootstrap()
}

/** single-spa lifecycle: renders into `props.domElement`; rejects naming a missing prop. */
export async function mount(props: SingleSpaProps): Promise<void> {
  const checked = checkProps(props)
  await lifecycle.mount(checked.domElement, contextFromProps(checked))
}

/**
 * single-spa lifecycle (parcels only): applies a new `locale`, `tenant` or `featureFlags`
 * without a remount; other props take effect on the next mount.
 */
export async function update(props: SingleSpaProps): Promise<void> {
  const checked = checkProps(props)
  await lifecycle.update(checked.domElement, patchFromHostProps(checked))
}

/** single-spa lifecycle: removes every node, style and listener of the mount. */
export async function unmount(props: SingleSpaProps): Promise<void> {
  await lifecycle.unmount(requireElement(HOST, 'domElement', props?.domElement))
}
