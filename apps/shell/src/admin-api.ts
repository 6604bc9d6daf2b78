import type { ApiClient } from '@partner-center/contracts'
import type { InjectionKey } from 'vue'

/** The part of the API client the ecosystem manager's pages use. */
export type AdminApi = Pick<
  ApiClient,
  | 'findPartners'
  | 'updatePartner'
  | 'findPlatformApiKeys'
  | 'createPlatformApiKey'
  | 'revokePlatformApiKey'
>

/**
 * Lets a test (or a future host) provide its own client; the pages fall back to the session's
 * client, which carries the signed-in user's token.
 */
export const ADMIN_API: InjectionKey<AdminApi> = Symbol('shell/admin-api')

/**
 * The part of the API client the ecosystem manager's Webhooks pages use (S35), apart from
 * {@link AdminApi} so the other pages' fakes need not carry it.
 */
export type AdminWebhooksApi = Pick<
  ApiClient,
  | 'findPlatformWebhookEndpoints'
  | 'createPlatformWebhookEndpoint'
  | 'getPlatformWebhookEndpoint'
  | 'updatePlatformWebhookEndpoint'
  | 'deletePlatformWebhookEndpoint'
  | 'rotatePlatformWebhookSecret'
  | 'sendPlatformWebhookTestEvent'
  | 'findPlatformWebhookDeliveries'
  | 'getPlatformWebhookDelivery'
  | 'redeliverPlatformWebhookDelivery'
>

/** Lets a test provide its own webhooks client; the pages fall back to the session's client. */
export const ADMIN_WEBHOOKS_API: InjectionKey<AdminWebhooksApi> = Symbol('shell/admin-webhooks-api')
