import { InvitationBatchResponse, PreregistrationItem } from '@partner-center/contracts'
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { e2eEnv } from '../env'
import { DEMO_PASSWORD, signIn } from './sign-in'

// Test data is arranged on the API directly, not through the shell's proxy: one hop fewer on a
// busy machine, and the fixture endpoints answer loopback callers only.
const API = `http://127.0.0.1:${e2eEnv.ports.api}/api`

/** Where the Customer Development module lives in the console (domain.md §9.1). */
export const CUSTOMER_DEVELOPMENT_PATH = '/sales/leads/customer-development'

/**
 * Signs in and opens the Customer Development page; resolves with the module root once its
 * list is shown (first load finished).
 */
export async function openCustomerDevelopment(page: Page, email: string): Promise<Locator> {
  await signIn(page, email)
  await page.goto(CUSTOMER_DEVELOPMENT_PATH)
  const module = page.getByTestId('customer-development')
  // The first list answer can take a while on a busy machine (the API seeds on start).
  await expect(module.getByTestId('preregistration-table')).toBeVisible({ timeout: 30_000 })
  return module
}

/**
 * Records the query string of every customer-list request the page sends from now on, so a
 * spec can see what the page asked the API for (`reveal=…`, M8).
 */
export function recordListQueries(page: Page): string[] {
  const queries: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/customer-development/preregistrations')) {
      queries.push(new URL(request.url()).search)
    }
  })
  return queries
}

/** Switches the shell's language select (the module follows through `update({ locale })`). */
export async function switchLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  // Element Plus draws the selected label over the input; click through it.
  await page.getByRole('combobox', { name: /Language|语言/ }).click({ force: true })
  await page.getByRole('option', { name: label }).click()
}

/** A partner made for one spec through the fixture endpoint (domain.md §10.5). */
export interface FixturePartner {
  partnerId: string
  name: string
  users: { id: string; email: string; role: string }[]
}

let counter = 0
/** A short tag unique to this run and worker, so reruns never meet earlier data or caps. */
export function uniqueTag(): string {
  counter += 1
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${counter}`
}

/** A fresh customer email nobody has pre-registered or invited yet (R39 caps are per email). */
export function freshCustomerEmail(label: string): string {
  return `${label}.${uniqueTag()}@customer.example`
}

/**
 * Creates a partner of its own with Customer Development on, a contact email and one admin
 * (overridable), so a spec that writes data shares no state with any other spec.
 */
export async function createFixturePartner(
  request: APIRequestContext,
  body: Record<string, unknown> = {}
): Promise<FixturePartner> {
  let created: FixturePartner | null = null
  // Creating a partner has no side effect on anyone else, so a refused connection is retried.
  await expect(async () => {
    const tag = uniqueTag()
    const name = (body.name as string | undefined) ?? `E2E Partner ${tag}`
    const response = await request.post(`${API}/v1/test/partners`, {
      data: {
        name,
        contactEmail: `partners.${tag}@fixture.example`,
        users: [{ role: 'admin' }],
        ...body,
      },
    })
    expect(response.status(), await response.text()).toBe(201)
    created = { ...((await response.json()) as Omit<FixturePartner, 'name'>), name }
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] })
  if (!created) throw new Error('no fixture partner')
  return created
}

/** A bearer token of a user, for arranging data through the API. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  let token = ''
  await expect(async () => {
    const response = await request.post(`${API}/v1/auth/sign-in`, {
      data: { email, password: DEMO_PASSWORD },
    })
    expect(response.ok(), await response.text()).toBe(true)
    token = ((await response.json()) as { token: string }).token
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] })
  return token
}

/** Pre-registers one customer through the API (the same operation as the dialog's OK). */
export async function preregisterViaApi(
  request: APIRequestContext,
  token: string,
  customer: { customerName: string; email: string; locale?: 'en' | 'zh-CN' }
): Promise<PreregistrationItem> {
  const response = await request.post(`${API}/v1/customer-development/preregistrations`, {
    headers: { authorization: `Bearer ${token}` },
    data: customer,
  })
  expect(response.status(), await response.text()).toBe(201)
  return PreregistrationItem.parse(await response.json())
}

/**
 * A fixture partner of its own (referral enabled, the fixture default) whose admin pre-registered
 * one fresh customer: the start of a spec that invites. Returns the admin's token for more calls.
 */
export async function partnerWithPreregisteredCustomer(
  request: APIRequestContext,
  customer: { customerName: string; label: string }
) {
  const partner = await createFixturePartner(request)
  const admin = partner.users[0]
  if (!admin) throw new Error('fixture partner without an admin')
  const token = await apiToken(request, admin.email)
  const email = freshCustomerEmail(customer.label)
  const row = await preregisterViaApi(request, token, {
    customerName: customer.customerName,
    email,
  })
  return { partner, admin, token, email, row }
}

/** Invites pre-registered customers through the API, as one batch (the Invite dialog's OK). */
export async function inviteViaApi(
  request: APIRequestContext,
  token: string,
  preregistrationIds: string[],
  associationType: 'reseller' | 'referral' = 'reseller'
): Promise<InvitationBatchResponse> {
  const response = await request.post(`${API}/v1/customer-development/invitations`, {
    headers: { authorization: `Bearer ${token}` },
    data: { preregistrationIds, associationType },
  })
  expect(response.status(), await response.text()).toBe(202)
  return InvitationBatchResponse.parse(await response.json())
}

/** Deletes one pre-registration through the API, as another tab or colleague would. */
export async function deleteViaApi(
  request: APIRequestContext,
  token: string,
  preregistrationId: string
): Promise<void> {
  const response = await request.delete(
    `${API}/v1/customer-development/preregistrations/${preregistrationId}`,
    { headers: { authorization: `Bearer ${token}` } }
  )
  expect(response.ok(), await response.text()).toBe(true)
}

/** Flags of a fixture customer account (domain.md §10.5). */
export interface FixtureAccount {
  email: string
  registeredAt?: string
  hasCashSpend?: boolean
}

/** Creates a platform customer account through the fixture endpoint (domain.md §10.5). */
export async function createCustomerAccount(
  request: APIRequestContext,
  account: FixtureAccount
): Promise<{ id: string; email: string }> {
  const response = await request.post(`${API}/v1/test/customer-accounts`, { data: account })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()) as { id: string; email: string }
}

/**
 * The customer's side of an invitation link through the public API, as the portal does it:
 * register with the invited email, then accept (R62). Leaves the pre-registration CONVERTED.
 */
export async function registerAndAcceptViaApi(
  request: APIRequestContext,
  link: string
): Promise<void> {
  const token = new URL(link).hash.slice(1)
  const registered = await request.post(`${API}/v1/public/invitations/register`, {
    data: {
      token,
      displayName: 'E2E Customer',
      password: 'correct horse battery staple',
      termsAccepted: true,
    },
  })
  expect(registered.status(), await registered.text()).toBe(201)
  const session = (await registered.json()) as { token: string }
  const accepted = await request.post(`${API}/v1/public/invitations/accept`, {
    headers: { authorization: `Bearer ${session.token}` },
    data: { token, instructionsAccepted: true },
  })
  expect(accepted.status(), await accepted.text()).toBe(200)
}
