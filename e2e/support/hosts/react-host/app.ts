// The React 19 host console of tests/hosts/react-custom-element-host.spec.ts, as a host team
// would write it (React.createElement instead of JSX, so the bundle needs no JSX plugin). It
// loads the module's custom element entry, then renders its own UI and
// <customer-development-module> with attributes, a token getter property and event listeners.
import { createElement as h, StrictMode, useCallback, useState } from 'react'
import { createRoot } from 'react-dom/client'

/** What the host page's HTML hands the app. */
interface HostConfig {
  /** The custom element entry (manifest.json `adapters.customElement`). */
  entryUrl: string
  apiBaseUrl: string
  basePath: string
}

/** The host's state the spec reads (and the token it sets, as a sign-in would). */
interface HostState {
  ready: boolean
  token: string
  navigations: { to: string; replace: boolean }[]
  errors: { phase: string; message: string }[]
  unauthorized: number
}

/** The element's own properties the host sets through the ref (not attributes). */
interface ModuleElement extends HTMLElement {
  getToken?: () => Promise<string>
}

declare global {
  interface Window {
    hostConfig: HostConfig
    host: HostState
  }
}

const config = window.hostConfig
const host: HostState = { ready: false, token: '', navigations: [], errors: [], unauthorized: 0 }
window.host = host

/**
 * Hands the element its token getter and listens to its events; React 19 runs the returned
 * clean-up when the element leaves the tree.
 */
function connectModule(element: ModuleElement | null): (() => void) | undefined {
  if (!element) return undefined
  element.getToken = () => Promise.resolve(host.token)
  const onNavigate = (event: Event) => {
    const { to, replace } = (event as CustomEvent<{ to: string; replace: boolean }>).detail
    // The host routes itself (a router's push); the element then does nothing more.
    event.preventDefault()
    host.navigations.push({ to, replace })
    if (replace) history.replaceState(null, '', to)
    else history.pushState(null, '', to)
  }
  const onError = (event: Event) => {
    const { phase, error } = (event as CustomEvent<{ phase: string; error: unknown }>).detail
    host.errors.push({ phase, message: String(error) })
  }
  const onUnauthorized = () => {
    host.unauthorized += 1
  }
  element.addEventListener('customer-development:navigate', onNavigate)
  element.addEventListener('customer-development:error', onError)
  element.addEventListener('customer-development:unauthorized', onUnauthorized)
  return () => {
    element.removeEventListener('customer-development:navigate', onNavigate)
    element.removeEventListener('customer-development:error', onError)
    element.removeEventListener('customer-development:unauthorized', onUnauthorized)
  }
}

function HostConsole() {
  const [mounted, setMounted] = useState(false)
  const [locale, setLocale] = useState<'en' | 'zh-CN'>('en')
  const ref = useCallback(connectModule, [])
  return h(
    'div',
    { className: 'host-console' },
    h('h1', { 'data-host-sample': 'heading' }, 'React host console'),
    h(
      'nav',
      null,
      h('a', { href: '/elsewhere', 'data-host-sample': 'link' }, 'Elsewhere'),
      h('button', { type: 'button', 'data-host-sample': 'button' }, 'Host action'),
      // Styled by the host's own `.el-button` rule (host-chrome.ts), as a console using Element Plus.
      h(
        'button',
        { type: 'button', className: 'el-button', 'data-host-sample': 'el-button' },
        'Host Element button'
      ),
      h('input', { 'aria-label': 'Host search', 'data-host-sample': 'input' }),
      h(
        'select',
        {
          'aria-label': 'Host language',
          value: locale,
          onChange: (event: { target: HTMLSelectElement }) =>
            setLocale(event.target.value as 'en' | 'zh-CN'),
        },
        h('option', { value: 'en' }, 'English'),
        h('option', { value: 'zh-CN' }, '简体中文')
      ),
      h(
        'button',
        { type: 'button', onClick: () => setMounted((value) => !value) },
        mounted ? 'Unmount module' : 'Mount module'
      )
    ),
    h('dialog', { 'data-host-sample': 'dialog' }, h('p', null, 'A host dialog')),
    h(
      'main',
      { id: 'module-slot' },
      mounted
        ? h('customer-development-module', {
            ref,
            // React 19 sets a custom element's property when it has one (locale), else the attribute.
            locale,
            'base-path': config.basePath,
            'api-base-url': config.apiBaseUrl,
          })
        : null
    )
  )
}

// The element is defined before React first renders it, as a host loading a vendor script would.
await import(/* @vite-ignore */ config.entryUrl)
createRoot(document.getElementById('root')!).render(h(StrictMode, null, h(HostConsole)))
host.ready = true
