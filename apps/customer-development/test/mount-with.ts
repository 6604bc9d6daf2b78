import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createApp, type Component } from 'vue'
import { OVERLAY } from '../src/context'
import { configureElementPlus } from '../src/element-plus-config'
import { createModuleI18n, type ModuleI18n } from '../src/i18n'
import { MODULE_API, type ModuleApi } from '../src/module-api'
import { MODULE_ROOT_CLASS } from '../src/style-scope'

/**
 * Mounts a component as the module would: fresh pinia and i18n, Element Plus under the module's
 * namespace, the fake API and an overlay node inside a root attached to the document (dialogs
 * render there).
 */
export function mountWith(
  component: Component,
  options: {
    api: ModuleApi
    props?: Record<string, unknown>
    pinia?: Pinia
    /** Another language than English (made with `createModuleI18n` and `loadLanguage`). */
    i18n?: ModuleI18n
  }
) {
  const root = document.createElement('div')
  root.className = MODULE_ROOT_CLASS
  const overlay = document.createElement('div')
  root.append(overlay)
  document.body.append(root)
  const pinia = options.pinia ?? createPinia()
  const wrapper = mount(component, {
    props: options.props,
    attachTo: root,
    global: {
      plugins: [pinia, options.i18n ?? createModuleI18n('en'), { install: configureElementPlus }],
      provide: { [MODULE_API as symbol]: options.api, [OVERLAY as symbol]: overlay },
    },
  })
  return { wrapper, overlay, pinia }
}

/**
 * Runs store code with a fresh pinia and the fake API injected, as inside the module's app.
 *
 * @example
 * const list = inApp(fakeApi())(() => usePreregistrationsStore())
 */
export function inApp(api: ModuleApi, pinia = createPinia()): <T>(fn: () => T) => T {
  const app = createApp({})
  app.use(pinia)
  app.provide(MODULE_API, api)
  setActivePinia(pinia)
  return (fn) => app.runWithContext(fn)
}
