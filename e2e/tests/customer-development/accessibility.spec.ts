import { expect, test, type Page } from '@playwright/test'
import { seriousViolations } from '../../support/accessibility'
import {
  apiToken,
  CUSTOMER_DEVELOPMENT_PATH,
  createFixturePartner,
  deleteViaApi,
  freshCustomerEmail,
  openCustomerDevelopment,
  preregisterViaApi,
} from '../../support/customer-development'
import { LOCALES, rememberShellLocale, type E2eLocale } from '../../support/locales'
import { signIn } from '../../support/sign-in'

// What a person reads on the module in each language, to act as they would.
const WORDS = {
  en: { history: 'History Records', customerName: 'Customer Name', email: 'Email' },
  'zh-CN': { history: '历史记录', customerName: '客户名称', email: '邮箱' },
} as const

const MODULE = '[data-testid="customer-development"]'

/** Opens the module in a language, signed in as `email`; resolves with its root. */
async function openIn(page: Page, code: E2eLocale['code'], email: string) {
  await rememberShellLocale(page, code)
  const module = await openCustomerDevelopment(page, email)
  await expect(module).toHaveAttribute('lang', code)
  return module
}

for (const { code } of LOCALES) {
  const words = WORDS[code]

  test(`the list, Preregister, Invite with referral, Preview Email, the invite result and Batch Delete have no serious or critical accessibility violations in ${code}`, async ({
    page,
    request,
  }) => {
    // Eight axe runs are CPU-bound: on a loaded 2-core machine they alone can take a minute.
    test.slow()
    // A partner of its own (referral on): this test sends and deletes.
    const partner = await createFixturePartner(request)
    const admin = partner.users[0]!
    const token = await apiToken(request, admin.email)
    const rows = []
    for (const name of ['Alpha Access', 'Beta Access', 'Gamma Access']) {
      rows.push(
        await preregisterViaApi(request, token, {
          customerName: name,
          email: freshCustomerEmail('a11y'),
        })
      )
    }

    // The list with the process flowchart shown.
    const module = await openIn(page, code, admin.email)
    const table = module.getByTestId('preregistration-table')
    await module.getByTestId('flowchart-toggle').click()
    await expect(module.getByTestId('process-flowchart')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // Preregister: the form's own errors, then its outcome.
    await module.getByTestId('preregister-button').click()
    const preregister = page.getByTestId('preregister-dialog')
    await preregister.getByTestId('preregister-ok').click()
    await expect(preregister.locator('.cd-el-form-item__error').first()).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await preregister.getByLabel(words.customerName, { exact: true }).fill('Delta Access')
    await preregister.getByLabel(words.email, { exact: true }).fill(freshCustomerEmail('a11y'))
    await preregister.getByTestId('preregister-ok').click()
    await expect(preregister.getByTestId('preregister-outcome')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    // Esc closes the dialog and focus goes back to its opener.
    await page.keyboard.press('Escape')
    await expect(preregister).toBeHidden()
    await expect(module.getByTestId('preregister-button')).toBeFocused()

    // Invite with both association types offered, then its email preview.
    await table.getByTestId('row-invite').first().click()
    const invite = page.getByTestId('invite-dialog')
    await expect(invite.getByTestId('association-type').getByRole('radio')).toHaveCount(2)
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await invite.getByTestId('preview-email').click()
    const preview = page.getByTestId('email-preview')
    // Its chunk and the server's rendering come on first use.
    await expect(preview.getByTestId('preview-subject')).not.toBeEmpty({ timeout: 30_000 })
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await preview.locator('.cd-el-dialog__headerbtn').click()
    await expect(preview).toBeHidden()

    // OK: the batch's summary and its sending progress.
    await invite.getByTestId('invite-ok').click()
    await expect(invite.getByTestId('invite-result')).toBeVisible()
    await expect(invite.getByTestId('invite-progress')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await page.keyboard.press('Escape')
    await expect(invite).toBeHidden()

    // Batch Delete of every row while a colleague deletes one: its confirmation, then a result
    // that lists the skipped row.
    await expect(table.locator('tbody tr')).toHaveCount(4)
    await table.locator('thead').getByRole('checkbox').click()
    await deleteViaApi(request, token, rows[1]!.id)
    await module.getByTestId('batch-delete-button').click()
    const confirm = module.locator('.cd-el-message-box')
    await expect(confirm).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await confirm.locator('.cd-el-message-box__btns .cd-el-button--primary').click()
    await expect(module.getByTestId('batch-delete-skipped')).toHaveCount(1)
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
  })

  test(`History Records, the help view, Invite without referral, a refused permission and a partner without the module have no serious or critical accessibility violations in ${code}`, async ({
    page,
  }) => {
    // Four sign-ins and six axe runs: over a minute on a loaded 2-core machine.
    test.slow()
    // The seeded list of Acme (every status) with the flowchart, then the help view its "For
    // details" opens.
    const module = await openIn(page, code, 'admin@acme.example')
    await module.getByTestId('flowchart-toggle').click()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])
    await module.getByTestId('process-flowchart').getByTestId('help-link').click()
    await expect(page).toHaveURL(new RegExp(`${CUSTOMER_DEVELOPMENT_PATH}/help$`))
    await expect(module.getByTestId('help-view')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // History Records, with a failure's reason open.
    await module.getByTestId('help-back').click()
    await module.getByRole('tab', { name: words.history }).click()
    const history = module.getByTestId('history-table')
    await expect(history.getByTestId('history-status').first()).toBeVisible({ timeout: 30_000 })
    await history.getByTestId('failure-info').first().hover()
    await expect(page.getByRole('tooltip')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // A partner without the referral model: Referral is offered, disabled, with whom to ask.
    const umbrella = await openCustomerDevelopment(page, 'admin@umbrella.example')
    await umbrella.getByTestId('preregistration-table').getByTestId('row-invite').first().click()
    const types = page.getByTestId('invite-dialog').getByTestId('association-type')
    await expect(types.getByRole('radio')).toHaveCount(2)
    await expect(types.getByRole('radio', { disabled: true })).toHaveCount(1)
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // A read-only user: the controls they may not use are disabled, with the reason.
    const viewer = await openCustomerDevelopment(page, 'viewer@acme.example')
    await expect(viewer.getByTestId('preregister-button')).toBeDisabled()
    await viewer.getByTestId('permission-hint').first().focus()
    await expect(page.getByRole('tooltip')).toBeVisible()
    expect.soft(await seriousViolations(page, MODULE)).toEqual([])

    // A partner without Customer Development: the shell's message instead of the module.
    await signIn(page, 'admin@initech.example')
    await page.goto(CUSTOMER_DEVELOPMENT_PATH)
    await expect(page.getByTestId('module-not-enabled')).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
  })
}
