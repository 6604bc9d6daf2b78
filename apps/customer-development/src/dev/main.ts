import { createEventBus } from '@partner-center/mfe-contract'
import { mount } from '../lifecycle'

// Standalone harness for `pnpm dev`: mounts the module with a fake host context. Sign in through
// the shell once and paste the token into sessionStorage key `partner-center.token`.
const container = document.getElementById('app')
if (container) {
  void mount(container, {
    locale: 'en',
    basePath: '/',
    apiBaseUrl: '/api',
    auth: {
      getToken: () => Promise.resolve(sessionStorage.getItem('partner-center.token') ?? ''),
      onUnauthorized: () => console.warn('401: sign in through the shell first'),
    },
    navigate: (to) => history.pushState(null, '', to),
    events: createEventBus(),
    tenant: { partnerId: 'dev', partnerName: 'Development' },
    featureFlags: {},
    zIndexBase: 2000,
  })
}
