import { expect, type APIResponse, type Page, type Response } from '@playwright/test'

/**
 * Collects every Content-Security-Policy violation of a page, in any of its frames: Chromium
 * logs each one to the console ("Refused to … because it violates the following Content
 * Security Policy directive …"), including in sandboxed srcdoc frames where no listener can run;
 * a `securitypolicyviolation` listener in the page's own documents reports them too. Call
 * before the first navigation.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI}`
      )
    })
  })
  return violations
}

/** The directives of a response's Content-Security-Policy header, by name. */
export function cspOf(response: Response | APIResponse | null): Map<string, string[]> {
  const header = response?.headers()['content-security-policy'] ?? ''
  const directives = new Map<string, string[]>()
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) directives.set(name, values)
  }
  return directives
}

/**
 * Asserts the headers every served page sends (issue 13 item 6): a CSP whose scripts come only
 * from the origin (no 'unsafe-inline' script), no framing, nosniff. HSTS is absent on http.
 */
export function expectPageSecurityHeaders(response: Response | APIResponse | null) {
  expect(response, 'no response').not.toBeNull()
  const csp = cspOf(response)
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  const headers = response!.headers()
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['strict-transport-security']).toBeUndefined()
}
