import { expect, test, type Locator, type Page } from '@playwright/test'
import { e2eEnv } from '../env'
import { seriousViolations } from '../support/accessibility'
import {
  CUSTOMER_DEVELOPMENT_PATH,
  createFixturePartner,
  openCustomerDevelopment,
  uniqueTag,
} from '../support/customer-development'
import { signIn } from '../support/sign-in'

// Issue 21 (domain.md S29, S34, S35; R139–R143): the partner admin's API Keys page below the
// module's path and the ecosystem manager's in the shell. A key is shown once, copied, then
// gone from the page; it reads through the API until it is revoked, then answers
// API_KEY_REVOKED.
const API = `http://127.0.0.1:${e2eEnv.ports.api}/api`
const API_KEYS_PATH = `${CUSTOMER_DEVELOPMENT_PATH}/api-keys`
const MANAGER = 'manager@ecosystem.example'
const MODULE = '[data-testid="customer-development"]'

/** What the API answers a request made with the key alone, as another system would send it. */
async function readWithKey(path: string, key: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${API}${path}`, { headers: { Authorization: `Bearer ${key}` } })
  const body = (await response.json()) as { error?: { code: string } }
  return { status: response.status, code: body.error?.code }
}

/**
 * Creates a key named `name` in the page's Create dialog (`ids` are the page's test ids), checks
 * the once-shown key (Esc does not close its dialog, Copy puts it on the clipboard) and closes it
 * with "I have stored it"; resolves with the key, which the page no longer holds.
 */
async function createKey(
  page: Page,
  ids: { create: string; dialog: string; created: string; secret: string; copy: string },
  name: string,
  axeScope?: string
): Promise<string> {
  await page.getByTestId(ids.create).click()
  const dialog = page.getByTestId(ids.dialog)
  await expect(dialog.getByText('What uses this key, for example CRM sync.')).toBeVisible()
  await dialog.getByLabel('Name', { exact: true }).fill(name)
  await dialog.getByRole('button', { name: 'OK' }).click()

  const created = page.getByTestId(ids.created)
  await expect(created.getByText('API Key Created')).toBeVisible()
  await expect(
    created.getByText('Copy this key now. It is shown only once and cannot be recovered;', {
      exact: false,
    })
  ).toBeVisible()
  const secret = created.locator(`input[data-testid="${ids.secret}"]`)
  await expect(secret).toHaveValue(/^pck_[A-Za-z0-9_-]{43}$/)
  const key = await secret.inputValue()
  expect.soft(await seriousViolations(page, axeScope)).toEqual([])

  // Neither Esc nor a click outside closes it before "I have stored it".
  await page.keyboard.press('Escape')
  await page.mouse.click(5, 5)
  await expect(secret).toBeVisible()

  await created.getByTestId(ids.copy).click()
  await expect(page.getByText('Key copied')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await created.getByRole('button', { name: 'I have stored it' }).click()
  await expect(created).toBeHidden()
  expect(await page.content()).not.toContain(key)
  return key
}

/** Revokes the key of `row` after the question, and waits for "Key revoked". */
async function revokeKey(page: Page, row: Locator, revokeTestId: string, name: string) {
  await row.getByTestId(revokeTestId).click()
  const question = page.getByRole('dialog').filter({ hasText: `Revoke the API key "${name}"?` })
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'OK' }).click()
  await expect(page.getByText('Key revoked')).toBeVisible()
}

test('a partner admin opens API Keys from the module header, creates a key that reads through the API, and revokes it', async ({
  page,
  context,
  request,
}) => {
  test.slow()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const partner = await createFixturePartner(request, {
    users: [{ role: 'admin' }, { role: 'read_only' }],
  })
  const [admin, viewer] = partner.users
  const module = await openCustomerDevelopment(page, admin!.email)

  await module.getByRole('link', { name: 'API Keys' }).click()
  await expect(page).toHaveURL(API_KEYS_PATH)
  await expect(module.getByRole('heading', { name: 'API Keys' })).toBeVisible()
  const table = module.getByTestId('api-keys-table')
  await expect(table).toContainText('No API keys yet.')
  expect.soft(await seriousViolations(page, MODULE)).toEqual([])

  const name = `CRM sync ${uniqueTag()}`
  const key = await createKey(
    page,
    {
      create: 'api-key-create',
      dialog: 'create-api-key-dialog',
      created: 'api-key-created-dialog',
      secret: 'api-key-secret',
      copy: 'api-key-copy',
    },
    name
  )
  const row = table.locator('tbody tr').filter({ hasText: name })
  await expect(row.getByTestId('api-key-prefix')).toHaveText(`${key.slice(0, 12)}…`)
  await expect(row.getByTestId('api-key-role')).toHaveText('Read only')
  await expect(row.getByTestId('api-key-status')).toHaveText('Active')

  const preregistrations = '/v1/customer-development/preregistrations'
  expect(await readWithKey(preregistrations, key)).toEqual({ status: 200, code: undefined })
  // Used now: the list shows when, instead of "Never", once read again.
  await page.reload()
  await expect(row.getByTestId('api-key-never')).toHaveCount(0)

  await revokeKey(page, row, 'api-key-revoke', name)
  await expect(row.getByTestId('api-key-status')).toHaveText('Revoked')
  expect(await readWithKey(preregistrations, key)).toEqual({
    status: 401,
    code: 'API_KEY_REVOKED',
  })

  await module.getByRole('button', { name: 'Back to the customer list' }).click()
  await expect(page).toHaveURL(CUSTOMER_DEVELOPMENT_PATH)
  await expect(module.getByTestId('preregistration-table')).toBeVisible()

  // A user whose role may not manage keys: the link says why, and its route shows no page.
  await openCustomerDevelopment(page, viewer!.email)
  const link = module.getByTestId('view-link-api-keys')
  await expect(link).toHaveAttribute('aria-disabled', 'true')
  await page.goto(API_KEYS_PATH)
  await expect(module.getByTestId('view-denied')).toContainText('Ask your partner administrator')
  await expect(module.getByTestId('api-keys-table')).toHaveCount(0)
})

test('the ecosystem manager creates a platform key on /admin/api-keys, reads partners with it, and revokes it', async ({
  page,
  context,
}) => {
  test.slow()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signIn(page, MANAGER)
  await page.getByRole('menuitem', { name: 'API Keys' }).click()
  await expect(page).toHaveURL(/\/admin\/api-keys$/)
  await expect(page.getByRole('heading', { name: 'API Keys' })).toBeVisible()
  await expect(page.getByTestId('platform-api-keys-table')).toBeVisible()
  expect.soft(await seriousViolations(page, 'main')).toEqual([])

  const name = `Platform sync ${uniqueTag()}`
  await page.getByTestId('platform-key-create').click()
  const dialog = page.getByTestId('create-platform-key-dialog')
  await expect(dialog.getByText('Ecosystem manager', { exact: true })).toBeVisible()
  await expect(
    dialog.getByText('The key can call the ecosystem manager’s API, except API keys and webhooks.')
  ).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  const key = await createKey(
    page,
    {
      create: 'platform-key-create',
      dialog: 'create-platform-key-dialog',
      created: 'platform-key-created-dialog',
      secret: 'platform-key-secret',
      copy: 'platform-key-copy',
    },
    name
  )
  const row = page.getByTestId('platform-api-keys-table').locator('tr').filter({ hasText: name })
  await expect(row.getByTestId('platform-key-prefix')).toHaveText(`${key.slice(0, 12)}…`)
  await expect(row).toContainText('Ecosystem manager')

  expect(await readWithKey('/v1/admin/partners', key)).toEqual({ status: 200, code: undefined })
  await revokeKey(page, row, 'platform-key-revoke', name)
  await expect(row.getByTestId('platform-key-status')).toHaveText('Revoked')
  expect(await readWithKey('/v1/admin/partners', key)).toEqual({
    status: 401,
    code: 'API_KEY_REVOKED',
  })

  // The Webhooks entry beside it leads to its page.
  await page.getByRole('menuitem', { name: 'Webhooks' }).click()
  await expect(page).toHaveURL(/\/admin\/webhooks$/)
  await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible()
})
