// Bundled for the browser by e2e/support/build-contract-kit.ts: runs the mfe-contract test kit
// against the built micro-frontend served by the system under test.
import { createEventBus, type MfeContext } from '@partner-center/mfe-contract'
import { checkMicroFrontend, type MfeCheckReport } from '@partner-center/mfe-contract/testing'

interface KitOptions {
  manifestUrl: string
  token: string
}

async function runContractKit(options: KitOptions): Promise<MfeCheckReport> {
  const manifest = (await (await fetch(options.manifestUrl)).json()) as { entry: string }
  const entryUrl = new URL(manifest.entry, new URL(options.manifestUrl, location.href)).href
  const createContext = (): MfeContext => ({
    locale: 'en',
    basePath: '/sales/leads/customer-development',
    apiBaseUrl: '/api',
    auth: { getToken: () => Promise.resolve(options.token), onUnauthorized: () => undefined },
    navigate: () => undefined,
    events: createEventBus(),
    tenant: { partnerId: 'e2e', partnerName: 'E2E' },
    featureFlags: {},
    zIndexBase: 2000,
  })
  return checkMicroFrontend({ load: () => import(/* @vite-ignore */ entryUrl), createContext })
}

;(window as unknown as { runContractKit: typeof runContractKit }).runContractKit = runContractKit
