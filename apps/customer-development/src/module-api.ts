import type { ApiClient } from '@partner-center/contracts'
import type { InjectionKey } from 'vue'

/**
 * The part of the contracts' {@link ApiClient} this page calls. Stores and dialogs get it
 * injected (one client per mount); unit tests provide a fake with the same, contract-typed
 * methods, so a change in the contracts fails typecheck here instead of at run time.
 */
export type ModuleApi = Pick<
  ApiClient,
  | 'getMe'
  | 'findPreregistrations'
  | 'createPreregistration'
  | 'deletePreregistration'
  | 'batchDeletePreregistrations'
  | 'sendInvitations'
  | 'getInvitationBatch'
  | 'previewInvitation'
  | 'resendInvitation'
  | 'findHistory'
  | 'getGeneralInvitationLink'
  | 'resetGeneralInvitationLink'
  | 'findInvitationLinks'
  | 'createInvitationLink'
  | 'getInvitationLinkUrl'
  | 'disableInvitationLink'
  | 'enableInvitationLink'
  | 'findLinkAssociations'
  | 'findApiKeys'
  | 'createApiKey'
  | 'revokeApiKey'
  | 'findWebhookEndpoints'
  | 'createWebhookEndpoint'
  | 'getWebhookEndpoint'
  | 'updateWebhookEndpoint'
  | 'deleteWebhookEndpoint'
  | 'rotateWebhookSecret'
  | 'sendWebhookTestEvent'
  | 'findWebhookDeliveries'
  | 'getWebhookDelivery'
  | 'redeliverWebhookDelivery'
>

/** Injection key of the per-mount {@link ModuleApi} (made by `createModuleApiClient`). */
export const MODULE_API: InjectionKey<ModuleApi> = Symbol('customer-development/module-api')
