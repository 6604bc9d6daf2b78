import { ID_INJECTION_KEY, provideGlobalConfig } from 'element-plus'
import type { App } from 'vue'
import { ELEMENT_NAMESPACE } from './style-scope'

// Element Plus ids (`cd-el-id-<prefix>-<n>`) are unique per mount, so two mounts side by side
// never share an id, and each mount knows the popper container it may have added.
let lastIdPrefix = 0

/**
 * Gives the app Element Plus's configuration at app level (messages and message boxes are
 * rendered with the app's context, outside ElConfigProvider): the module's namespace, and ids
 * of its own.
 */
export function configureElementPlus(app: App): number {
  lastIdPrefix += 1
  app.provide(ID_INJECTION_KEY, { prefix: lastIdPrefix, current: 0 })
  provideGlobalConfig({ namespace: ELEMENT_NAMESPACE }, app)
  return lastIdPrefix
}

/**
 * Element Plus's tooltips add `<div id="<namespace>-popper-container-<prefix>">` to `body` on
 * first use and never remove it (ours render in the overlay node, so it stays empty).
 */
export function removePopperContainer(idPrefix: number): void {
  document.getElementById(`${ELEMENT_NAMESPACE}-popper-container-${idPrefix}`)?.remove()
}
