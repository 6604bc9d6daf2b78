// The module's first view as the size check (tests/customer-development/initial-javascript-
// budget.spec.ts) and bench/ui-bundle.mjs measure it. The bench imports this file through Node's
// type stripping: type-only imports, erasable syntax and no imports of the suite's own files.
import { gzipSync } from 'node:zlib'
import type { PreregistrationItem, PreregistrationPage } from '@partner-center/contracts'
import type { Page } from '@playwright/test'

/** How many rows the first view is measured with (issue 19: "before the first 100 rows show"). */
export const MEASURED_ROWS = 100

/** A page of {@link MEASURED_ROWS} masked customers, as the API answers the list. */
export function hundredRowsPage(now = new Date()): PreregistrationPage {
  const day = 86_400_000
  const items: PreregistrationItem[] = Array.from({ length: MEASURED_ROWS }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    customerName: 'C***',
    accountName: null,
    email: 'c***@customer.example',
    mobile: '+86 ****0010',
    locale: 'en',
    externalRef: null,
    source: 'PARTNER_CENTER',
    status: 'PRE_REGISTERED',
    createdAt: now.toISOString(),
    validUntil: new Date(now.getTime() + 10 * day).toISOString(),
    reviewReason: null,
    reviewNote: null,
    closedReason: null,
    createdBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Bench User' },
    latestInvitation: null,
    inviteCheck: { allowed: true },
  }))
  return { items, total: MEASURED_ROWS, page: 1, pageSize: MEASURED_ROWS }
}

/**
 * Answers the page's customer-list requests with {@link hundredRowsPage}, so what is measured
 * is the page's own cost of showing 100 rows, not the API's.
 */
export async function serveHundredRows(page: Page): Promise<void> {
  const body = hundredRowsPage()
  await page.route(
    (url) => url.pathname.endsWith('/api/v1/customer-development/preregistrations'),
    (route) =>
      route.request().method() === 'GET' ? route.fulfill({ json: body }) : route.fallback()
  )
}

/** The 100th row of the customer list (selector), visible once the first view is complete. */
export const HUNDREDTH_ROW = `[data-testid="preregistration-table"] tbody tr:nth-child(${MEASURED_ROWS})`

/** Wherever a host loads it from, the module's files are below this path. */
export const MODULE_PATH = '/mfe/customer-development/'

/** One script of the module the page fetched, and its size gzip-compressed. */
export interface FetchedScript {
  path: string
  gzipBytes: number
}

/**
 * Records every script the page fetches below {@link MODULE_PATH} from now until `stop()`,
 * which resolves with each one's gzip size (Node's default level, as a server would send it).
 */
export function recordModuleScripts(page: Page): { stop(): Promise<FetchedScript[]> } {
  const fetched = new Map<string, Promise<number>>()
  const onResponse = (response: { url(): string; body(): Promise<Buffer> }) => {
    const { pathname } = new URL(response.url())
    if (!pathname.startsWith(MODULE_PATH) || !pathname.endsWith('.js')) return
    fetched.set(
      pathname,
      response.body().then((body) => gzipSync(body).length)
    )
  }
  page.on('response', onResponse)
  return {
    async stop() {
      page.off('response', onResponse)
      return Promise.all(
        [...fetched].map(async ([path, gzipBytes]) => ({ path, gzipBytes: await gzipBytes }))
      )
    },
  }
}
