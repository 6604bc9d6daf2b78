import { createApiClient, type ApiClient } from '@partner-center/contracts'
import type { MfeContext } from '@partner-center/mfe-contract'

/**
 * The API client of one mount: the token is asked from the host before every call (never
 * cached) and a 401 is handed back to the host once.
 */
export function createModuleApiClient(ctx: MfeContext, getLocale: () => string): ApiClient {
  return createApiClient({
    baseUrl: ctx.apiBaseUrl,
    getToken: () => ctx.auth.getToken(),
    onUnauthorized: () => ctx.auth.onUnauthorized(),
    getLocale,
  })
}
