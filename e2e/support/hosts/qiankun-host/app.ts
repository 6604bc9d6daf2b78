// The qiankun host console of tests/hosts (bundled by ../qiankun-host.ts): its own UI in Vue
// with Element Plus 2.13 (installed as element-plus-host, another minor than the module's) and
// its own theme, and the module loaded with qiankun's own loadMicroApp, JS sandbox on.
import { ElButton, ElDialog, ElInput, version as elementPlusVersion } from 'element-plus-host'
import 'element-plus-host/dist/index.css'
import { loadMicroApp, type MicroApp } from 'qiankun'
import { createApp, defineComponent, h, ref } from 'vue'
import './theme.css'

interface HostConfig {
  entryUrl: string
  apiBaseUrl: string
  basePath: string
}

type Locale = 'en' | 'zh-CN'

/** The host's state and actions, as its navigation would drive them; the spec calls these. */
interface HostState {
  ready: boolean
  elementPlusVersion: string
  token: string
  locale: Locale
  unauthorized: number
  navigations: string[]
  events: { name: string; detail: unknown }[]
  mount(): Promise<void>
  unmount(): Promise<void>
  setLocale(locale: Locale): Promise<void>
}

const config = (window as unknown as { hostConfig: HostConfig }).hostConfig
let microApp: MicroApp | null = null

/** The props the module's qiankun lifecycles take; functions read the host's current state. */
function moduleProps() {
  return {
    getToken: () => Promise.resolve(host.token),
    apiBaseUrl: config.apiBaseUrl,
    locale: host.locale,
    basePath: config.basePath,
    onUnauthorized: () => {
      host.unauthorized += 1
    },
    navigate: (to: string) => {
      host.navigations.push(to)
    },
    onEvent: (name: string, detail: unknown) => {
      host.events.push({ name, detail })
    },
  }
}

const host: HostState = {
  ready: false,
  elementPlusVersion,
  token: '',
  locale: 'en',
  unauthorized: 0,
  navigations: [],
  events: [],
  async mount() {
    // One loadMicroApp per page, remounted after each unmount: qiankun 2.10's loadMicroApp
    // mounts a single-spa 5 root parcel, whose record single-spa never deletes (root parcels
    // have no parent), so a loadMicroApp per mount would keep one parcel per mount alive.
    if (microApp) {
      await microApp.mount()
      return
    }
    const container = document.getElementById('module-container')
    if (!container) throw new Error('no #module-container')
    microApp = loadMicroApp(
      {
        // The host's own name for the app: the entry must not depend on it.
        name: 'crm-customers',
        entry: config.entryUrl,
        container,
        props: moduleProps(),
      },
      // The JS sandbox only: no shadow DOM, no qiankun CSS rewriting (the module scopes its own).
      { sandbox: { strictStyleIsolation: false, experimentalStyleIsolation: false } }
    )
    await microApp.mountPromise
  },
  async unmount() {
    await microApp?.unmount()
  },
  async setLocale(locale) {
    host.locale = locale
    await microApp?.update?.(moduleProps())
  },
}
;(window as unknown as { host: HostState }).host = host

/** The host's own header: a sample of each kind of element whose look the spec snapshots. */
const HostConsole = defineComponent(() => {
  const search = ref('')
  const dialogOpen = ref(false)
  return () => [
    h('header', { class: 'host-header', 'data-host-sample': 'header' }, [
      h('h1', { 'data-host-sample': 'heading' }, 'Host console'),
      h(
        ElButton,
        {
          type: 'primary',
          'data-host-sample': 'el-button-primary',
          onClick: () => (dialogOpen.value = true),
        },
        () => 'Open host dialog'
      ),
      h(ElInput, {
        modelValue: search.value,
        'onUpdate:modelValue': (value: string) => (search.value = value),
        placeholder: 'Search the host',
        'aria-label': 'Search the host',
        style: 'width: 200px',
        'data-host-sample': 'el-input',
      }),
      h('a', { href: '/reports', 'data-host-sample': 'link' }, 'Host reports'),
      h('button', { type: 'button', 'data-host-sample': 'plain-button' }, 'Host plain button'),
    ]),
    h(
      ElDialog,
      {
        modelValue: dialogOpen.value,
        'onUpdate:modelValue': (open: boolean) => (dialogOpen.value = open),
        title: 'Host dialog',
        width: '320px',
        'data-host-sample': 'el-dialog',
      },
      () => h('p', { 'data-host-sample': 'dialog-text' }, 'A dialog of the host console.')
    ),
  ]
})

createApp(HostConsole).mount('#host-header')
host.ready = true
