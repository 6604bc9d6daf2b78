import { createApiClient, type ApiClient } from '@partner-center/contracts'
import type { MfeContext } from '@partner-center/mfe-contract'
import type { InjectionKey } from 'vue'

/** Injection key of the per-mount API client. */
export const API_CLIENT: InjectionKey<ApiClient> = Symbol('customer-development/api')

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
