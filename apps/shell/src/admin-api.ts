import type { ApiClient } from '@partner-center/contracts'
import type { InjectionKey } from 'vue'

/** The part of the API client the ecosystem manager's pages use. */
export type AdminApi = Pick<ApiClient, 'findPartners' | 'updatePartner'>

/**
 * Lets a test (or a future host) provide its own client; the pages fall back to the session's
 * client, which carries the signed-in user's token.
 */
export const ADMIN_API: InjectionKey<AdminApi> = Symbol('shell/admin-api')
