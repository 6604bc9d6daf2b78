import type { AppDeps } from '../deps'
import { adminGuard } from '../middleware/guards'
import { platformConfigurationOwner } from '../use-cases/configuration-owner'
import { createWebhookEndpointRouter } from './webhook-endpoints'

/**
 * Platform webhook endpoints under `{admin}/webhook-endpoints…` (R121): the partner routes'
 * twins, managed by the ecosystem manager signed in as a person. A platform endpoint receives
 * every partner's events, and its delivery log names each event's partner (S35).
 */
export function createAdminWebhookEndpointRoutes(deps: AppDeps) {
  return createWebhookEndpointRouter(deps, {
    names: {
      list: 'findPlatformWebhookEndpoints',
      create: 'createPlatformWebhookEndpoint',
      get: 'getPlatformWebhookEndpoint',
      update: 'updatePlatformWebhookEndpoint',
      remove: 'deletePlatformWebhookEndpoint',
      rotate: 'rotatePlatformWebhookSecret',
      test: 'sendPlatformWebhookTestEvent',
      deliveries: 'findPlatformWebhookDeliveries',
      delivery: 'getPlatformWebhookDelivery',
      redeliver: 'redeliverPlatformWebhookDelivery',
    },
    tags: ['Ecosystem manager'],
    guard: adminGuard(),
    owner: platformConfigurationOwner,
  })
}
