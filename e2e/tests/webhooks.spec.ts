import { mkdirSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { Webhook } from 'standardwebhooks'
import { seriousViolations } from '../support/accessibility'
import {
  CUSTOMER_DEVELOPMENT_PATH,
  createFixturePartner,
  freshCustomerEmail,
  openCustomerDevelopment,
  uniqueTag,
} from '../support/customer-development'
import { signIn } from '../support/sign-in'

// Issue 21 (domain.md S29–S33, S35, S36; R126–R138): webhooks as the partner admin in the
// module and as the ecosystem manager in the shell, against a real receiver on 127.0.0.1 that
// verifies every request with the standardwebhooks library. The once-shown secret is read from
// its dialog; Send Test Event, a real event (a pre-registration with an external reference),
// Redeliver, rotation, disabling and deletion are each seen at the receiver.
const MANAGER = 'manager@ecosystem.example'
const SCREENSHOTS = fileURLToPath(new URL('../.reports/screenshots/', import.meta.url))
const MODULE = '[data-testid="customer-development"]'

/** One request the receiver got: its headers, its body and the secrets that verify it. */
interface Received {
  headers: IncomingHttpHeaders
  body: string
  verifiedBy: string[]
}

/** A loopback receiver that records every request and which known secret verifies it. */
interface Receiver {
  url: string
  secrets: string[]
  received: Received[]
  close: () => Promise<void>
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Omit<Receiver, 'url' | 'close'> = { secrets: [], received: [] }
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const headers = {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      }
      const verifiedBy = receiver.secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers)
          return true
        } catch {
          return false
        }
      })
      receiver.received.push({ headers: request.headers, body, verifiedBy })
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    ...receiver,
    url: `http://127.0.0.1:${port}/hooks/partner-center`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** The requests of one event type, by the body's `type`. */
function ofType(receiver: Receiver, type: string): Received[] {
  return receiver.received.filter((one) => (JSON.parse(one.body) as { type: string }).type === type)
}

/** Answers the open confirmation that says `text` with OK. */
async function confirm(page: Page, text: string): Promise<void> {
  const question = page.getByRole('dialog').filter({ hasText: text })
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'OK' }).click()
}

/**
 * Reads the once-shown secret of the open Signing Secret dialog (`ids` are the page's test ids),
 * checks that Esc and a click outside leave it open, and closes it with "I have stored it".
 */
async function takeSecret(
  page: Page,
  ids: { dialog: string; secret: string },
  oldSecretText: boolean
): Promise<string> {
  const dialog = page.getByTestId(ids.dialog)
  await expect(dialog.getByText('Signing Secret')).toBeVisible()
  await expect(
    dialog.getByText('Copy this secret now and store it with your receiver.', { exact: false })
  ).toBeVisible()
  await expect(dialog.getByText(/The old secret stops working at /)).toHaveCount(
    oldSecretText ? 1 : 0
  )
  const input = dialog.locator(`input[data-testid="${ids.secret}"]`)
  await expect(input).toHaveValue(/^whsec_[A-Za-z0-9+/]{43}=$/)
  const secret = await input.inputValue()
  await page.keyboard.press('Escape')
  await page.mouse.click(5, 5)
  await expect(input).toBeVisible()
  await dialog.getByRole('button', { name: 'I have stored it' }).click()
  await expect(dialog).toBeHidden()
  expect(await page.content()).not.toContain(secret)
  return secret
}

/** Fills the Add Endpoint dialog and presses OK. */
async function addEndpoint(
  page: Page,
  ids: { add: string; dialog: string; url: string; selectAll: string },
  url: string,
  description: string
): Promise<void> {
  await page.getByTestId(ids.add).click()
  const dialog = page.getByTestId(ids.dialog)
  await expect(
    dialog.getByText('Private and local network addresses are refused.', { exact: false })
  ).toBeVisible()
  await dialog.locator(`input[data-testid="${ids.url}"]`).fill(url)
  await dialog.getByLabel('Description').fill(description)
  await dialog.getByTestId(ids.selectAll).click()
  await dialog.getByRole('button', { name: 'OK' }).click()
}

/** The endpoint's row of a table, by its description. */
function rowOf(table: Locator, description: string): Locator {
  return table.locator('tbody tr').filter({ hasText: description })
}

test('a partner admin adds an endpoint, receives signed test and real events, redelivers, rotates, disables and deletes it', async ({
  page,
  request,
}) => {
  test.slow()
  const receiver = await startReceiver()
  try {
    const partner = await createFixturePartner(request)
    const admin = partner.users[0]!
    const module = await openCustomerDevelopment(page, admin.email)

    // S29: the header link opens the page below the module's path.
    await module.getByRole('link', { name: 'Webhooks' }).click()
    await expect(page).toHaveURL(`${CUSTOMER_DEVELOPMENT_PATH}/webhooks`)
    await expect(module.getByRole('heading', { name: 'Webhooks' })).toBeVisible()
    const table = module.getByTestId('webhooks-table')
    await expect(table).toContainText(
      'No endpoints yet. Add one to receive events in your own systems.'
    )

    const description = `CRM ${uniqueTag()}`
    await addEndpoint(
      page,
      {
        add: 'webhook-add',
        dialog: 'webhook-dialog',
        url: 'webhook-dialog-url',
        selectAll: 'event-select-all',
      },
      receiver.url,
      description
    )
    const secret = await takeSecret(
      page,
      { dialog: 'webhook-secret-dialog', secret: 'webhook-secret' },
      false
    )
    receiver.secrets.push(secret)
    const row = rowOf(table, description)
    await expect(row.getByTestId('webhook-url')).toHaveText(receiver.url)
    await expect(row.getByTestId('webhook-events')).toHaveText('All events')
    await expect(row.getByTestId('webhook-status')).toHaveText('Enabled')
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // Send Test Event: the page polls the delivery until the receiver's 200 is recorded.
    await row.getByTestId('webhook-test').click()
    await expect(row.getByTestId('webhook-test-text')).toHaveText(
      /^Test event delivered: HTTP 200 in \d+ ms$/
    )
    const tests = ofType(receiver, 'webhook.test')
    expect(tests).toHaveLength(1)
    expect(tests[0]!.verifiedBy).toEqual([secret])
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: `${SCREENSHOTS}webhooks-en.png`, fullPage: true })

    // A real event: a pre-registration with an external reference (S36), through the dialog.
    const externalRef = `CRM-${uniqueTag()}`
    await module.getByRole('button', { name: 'Back to the customer list' }).click()
    await module.getByTestId('preregister-button').click()
    const preregister = page.getByRole('dialog', { name: 'Preregister Customer' })
    await expect(
      preregister.getByText('Your own identifier of this customer, for example the CRM record ID', {
        exact: false,
      })
    ).toBeVisible()
    await preregister.getByLabel('Customer Name').fill('Webhook Robotics')
    await preregister.getByLabel('Email', { exact: true }).fill(freshCustomerEmail('hooked'))
    await preregister.getByLabel('External Reference').fill(externalRef)
    await preregister.getByTestId('preregister-ok').click()
    await expect(preregister.getByTestId('preregister-outcome')).toBeVisible()
    await preregister.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(module.getByTestId('external-ref').first()).toHaveText(`Ref: ${externalRef}`)
    await expect.poll(() => ofType(receiver, 'preregistration.created').length).toBe(1)
    const created = ofType(receiver, 'preregistration.created')[0]!
    expect(created.verifiedBy).toEqual([secret])
    const event = JSON.parse(created.body) as { data: { externalRef: string; partnerId: string } }
    expect(event.data).toMatchObject({ externalRef, partnerId: partner.partnerId })

    // S33: the delivery log lists both, with details and Redeliver.
    await module.getByRole('link', { name: 'Webhooks' }).click()
    await rowOf(table, description).getByTestId('webhook-log').click()
    await expect(page).toHaveURL(/\/webhooks\/[0-9a-f-]{36}$/)
    const log = module.getByTestId('deliveries-table')
    await expect(module.getByTestId('delivery-log-url')).toHaveText(receiver.url)
    const realRow = log.locator('tbody tr').filter({ hasText: 'Customer pre-registered' })
    await expect(realRow.getByTestId('delivery-status')).toHaveText('Delivered')
    await expect(realRow.getByTestId('delivery-response')).toHaveText('HTTP 200')
    await expect(realRow.getByTestId('delivery-webhook-id')).toHaveText(
      String(created.headers['webhook-id'])
    )
    await expect(log.locator('tbody tr').filter({ hasText: 'Test event' })).toHaveCount(1)
    await realRow.getByTestId('delivery-details').click()
    const detail = module.getByTestId('delivery-detail')
    await expect(detail).toContainText('Attempt 1')
    await expect(detail).toContainText('Response excerpt (first 1,024 bytes)')
    await expect(detail.getByTestId('delivery-body')).toHaveText(created.body)
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}webhook-delivery-log-en.png`, fullPage: true })

    await realRow.getByTestId('delivery-redeliver').click()
    await expect(page.getByText('Redelivery queued')).toBeVisible()
    await expect.poll(() => ofType(receiver, 'preregistration.created').length).toBe(2)
    const again = ofType(receiver, 'preregistration.created')[1]!
    expect(again.headers['webhook-id']).toBe(created.headers['webhook-id'])
    expect(again.body).toBe(created.body)
    expect(again.verifiedBy).toEqual([secret])

    // Rotation: a new secret shown once; during the overlap both secrets verify.
    await module.getByTestId('delivery-log-back').click()
    await rowOf(table, description).getByTestId('webhook-rotate').click()
    await confirm(page, 'Rotate the signing secret? A new secret is shown once. For 24 hours')
    const rotated = await takeSecret(
      page,
      { dialog: 'webhook-secret-dialog', secret: 'webhook-secret' },
      true
    )
    expect(rotated).not.toBe(secret)
    receiver.secrets.push(rotated)
    await rowOf(table, description).getByTestId('webhook-test').click()
    await expect(rowOf(table, description).getByTestId('webhook-test-text')).toHaveText(
      /^Test event delivered: HTTP 200 in \d+ ms$/
    )
    expect(ofType(receiver, 'webhook.test').at(-1)!.verifiedBy).toEqual([secret, rotated])

    // Disable after the question: Send Test Event says why it is unavailable.
    await rowOf(table, description).getByTestId('webhook-status-switch').click()
    await confirm(page, 'Disable this endpoint? It receives no events until you enable it again;')
    await expect(rowOf(table, description).getByTestId('webhook-status')).toHaveText('Disabled')
    await expect(rowOf(table, description).getByTestId('webhook-test')).toBeDisabled()
    await expect(rowOf(table, description).getByTestId('webhook-test-hint')).toHaveAttribute(
      'aria-label',
      'Send Test Event: This endpoint is disabled.'
    )

    // Delete after the question naming the URL.
    await rowOf(table, description).getByTestId('webhook-delete').click()
    await confirm(page, `Delete the endpoint ${receiver.url}?`)
    await expect(table).toContainText('No endpoints yet.')
  } finally {
    await receiver.close()
  }
})

test('the ecosystem manager adds a platform endpoint on /admin/webhooks, sends a test event and reads its log', async ({
  page,
}) => {
  test.slow()
  const receiver = await startReceiver()
  try {
    await signIn(page, MANAGER)
    await page.getByRole('menuitem', { name: 'Webhooks' }).click()
    await expect(page).toHaveURL(/\/admin\/webhooks$/)
    await expect(
      page.getByText(
        "Partner Center sends a signed HTTPS request to the platform's endpoints when something happens to any partner's customers.",
        { exact: false }
      )
    ).toBeVisible()

    const description = `Platform BI ${uniqueTag()}`
    await addEndpoint(
      page,
      {
        add: 'platform-webhook-add',
        dialog: 'platform-webhook-dialog',
        url: 'platform-webhook-url',
        selectAll: 'platform-event-select-all',
      },
      receiver.url,
      description
    )
    const secret = await takeSecret(
      page,
      { dialog: 'platform-webhook-secret-dialog', secret: 'platform-webhook-secret' },
      false
    )
    receiver.secrets.push(secret)
    const table = page.getByTestId('platform-webhooks-table')
    const row = rowOf(table, description)
    await expect(row.getByTestId('platform-webhook-status')).toHaveText('Enabled')
    expect.soft(await seriousViolations(page, 'main')).toEqual([])

    await row.getByTestId('platform-webhook-test').click()
    await expect(row.getByTestId('platform-webhook-test-text')).toHaveText(
      /^Test event delivered: HTTP 200 in \d+ ms$/
    )
    expect(ofType(receiver, 'webhook.test').at(-1)!.verifiedBy).toEqual([secret])

    await row.getByTestId('platform-webhook-test-log').click()
    await expect(page).toHaveURL(/\/admin\/webhooks\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { name: 'Delivery Log' })).toBeVisible()
    const log = page.getByTestId('platform-deliveries-table')
    const testRow = log.locator('tbody tr').filter({ hasText: 'Test event' })
    await expect(testRow.getByTestId('platform-delivery-status')).toHaveText('Delivered')
    await testRow.getByTestId('platform-delivery-redeliver').click()
    await expect(page.getByText('Redelivery queued')).toBeVisible()
    await expect.poll(() => ofType(receiver, 'webhook.test').length).toBe(2)

    await page.getByTestId('platform-delivery-log-back').click()
    await rowOf(page.getByTestId('platform-webhooks-table'), description)
      .getByTestId('platform-webhook-delete')
      .click()
    await confirm(page, `Delete the endpoint ${receiver.url}?`)
    await expect(rowOf(page.getByTestId('platform-webhooks-table'), description)).toHaveCount(0)
  } finally {
    await receiver.close()
  }
})
