import { MeResponse, type ConsoleLimits } from '@partner-center/contracts'
import { expect, type APIRequestContext } from '@playwright/test'
import { apiToken } from './customer-development'

/**
 * The limits the console states (GET /me, issue 16 item 6), as the user `email` is told them. A
 * spec builds its expected texts from these, never from numbers of its own: the suite runs the
 * API with a link validity that is not the default.
 */
export async function consoleLimits(
  request: APIRequestContext,
  email: string
): Promise<ConsoleLimits> {
  const response = await request.get('/api/v1/me', {
    headers: { authorization: `Bearer ${await apiToken(request, email)}` },
  })
  expect(response.ok(), await response.text()).toBe(true)
  return MeResponse.parse(await response.json()).limits
}
