import { expect, test } from '@playwright/test'
import { seriousViolations } from '../../support/accessibility'
import { LOCALES, rememberShellLocale } from '../../support/locales'
import { signIn } from '../../support/sign-in'

// What a person reads on the shell in each language, to act as they would.
const WORDS = {
  en: {
    signInTitle: 'Sign in to Partner Center',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    signOut: 'Sign out',
    sales: 'Sales',
    leads: 'Leads and Opportunities',
    customerDevelopment: 'Customer Development',
    mailbox: 'Mailbox',
    language: 'Language',
    partners: 'Partners',
  },
  'zh-CN': {
    signInTitle: '登录合作伙伴中心',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    signOut: '退出登录',
    sales: '销售',
    leads: '拓新',
    customerDevelopment: '客户拓展',
    mailbox: '邮箱',
    language: '语言',
    partners: '合作伙伴',
  },
} as const

for (const { code, label } of LOCALES) {
  const words = WORDS[code]

  test(`the shell's sign-in, navigation, Mailbox and Partners pages have no serious or critical accessibility violations in ${code}`, async ({
    page,
  }) => {
    // Seven axe runs and three sign-ins are CPU-bound: on a loaded 2-core machine they can take
    // most of a minute.
    test.slow()
    await rememberShellLocale(page, code)

    // Sign-in, then its refusal.
    await page.goto('/sign-in')
    await expect(page.getByRole('heading', { name: words.signInTitle })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', code)
    expect.soft(await seriousViolations(page)).toEqual([])
    await page.getByLabel(words.email, { exact: true }).fill('admin@acme.example')
    await page.getByLabel(words.password, { exact: true }).fill('not the password')
    await page.getByRole('button', { name: words.submit, exact: true }).click()
    await expect(page.getByRole('alert')).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])

    // Navigation: the Sales menu and its submenu open, then the language select.
    await signIn(page, 'admin@acme.example')
    await page.getByRole('menuitem', { name: words.sales }).hover()
    await page.getByRole('menuitem', { name: words.leads }).hover()
    await expect(
      page.getByRole('menuitem', { name: words.customerDevelopment, exact: true })
    ).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await page.getByRole('combobox', { name: words.language }).click({ force: true })
    await expect(page.getByRole('option', { name: label })).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')

    // The development mailbox with its newest message open (the seed delivers demo emails).
    await page.getByRole('menuitem', { name: words.mailbox }).click()
    await expect(page.getByRole('heading', { level: 1, name: words.mailbox })).toBeVisible()
    await expect(page.locator('.mailbox__message h2')).not.toBeEmpty()
    expect.soft(await seriousViolations(page)).toEqual([])

    // Partners refuses a partner user with a message.
    await page.goto('/admin/partners')
    await expect(page.getByTestId('partners-not-permitted')).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])

    // The ecosystem manager lands on Partners: every partner's controls in one table.
    await page.getByRole('button', { name: words.signOut }).click()
    await signIn(page, 'manager@ecosystem.example')
    await expect(page.getByRole('heading', { level: 1, name: words.partners })).toBeVisible()
    await expect(page.getByTestId('partners-table').getByText('Acme Cloud Services')).toBeVisible()
    expect.soft(await seriousViolations(page)).toEqual([])
  })
}
