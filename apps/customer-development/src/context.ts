import type { MfeContext } from '@partner-center/mfe-contract'
import type { InjectionKey, ShallowRef } from 'vue'

/** The host context of this mount; `update()` replaces it, so read `.value` when needed. */
export const MODULE_CONTEXT: InjectionKey<ShallowRef<MfeContext>> = Symbol(
  'customer-development/context'
)

/**
 * The node inside the module root where dialogs, tooltips and messages are attached, so the
 * theme applies to them and `unmount` removes them (architecture.md §4).
 */
export const OVERLAY: InjectionKey<HTMLElement> = Symbol('customer-development/overlay')
