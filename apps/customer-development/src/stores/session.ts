import type {
  ApiError,
  ConsoleLimits,
  EcosystemManagerContact,
  MeResponse,
} from '@partner-center/contracts'
import {
  allowedAssociationTypes,
  can,
  isLocale,
  type AssociationType,
  type Locale,
  type PermissionKey,
} from '@partner-center/domain'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useModuleApi } from '../composables/use-module-api'
import { toApiError } from '../errors'

/** Who is signed in (`GET /api/v1/me`): permissions, partner capabilities, association types. */
export const useSessionStore = defineStore('customer-development/session', () => {
  const api = useModuleApi()

  const me = ref<MeResponse | null>(null)
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)

  const userId = computed(() => me.value?.user.id ?? null)
  const enabled = computed(
    () => me.value?.partner?.capabilities.customerDevelopmentEnabled !== false
  )
  const allowedTypes = computed<AssociationType[]>(() => {
    const capabilities = me.value?.partner?.capabilities
    return capabilities ? allowedAssociationTypes(capabilities) : []
  })
  // S9 names the platform in the Referral explanation; the API tells which (PLATFORM_NAME).
  const platformName = computed(() => me.value?.platformName ?? null)
  const isPrepaid = computed(() => me.value?.partner?.capabilities.isPrepaid === true)
  // Whom to ask for a capability the partner lacks (S9, S11); null when neither is known.
  const ecosystemManager = computed<EcosystemManagerContact | null>(() => {
    const contact = me.value?.partner?.ecosystemManager
    return contact && (contact.name || contact.email) ? contact : null
  })
  // The numbers the texts state (link validity, protection, attempts) come from the API's
  // configuration, never from the page; null until `/me` answered.
  const limits = computed<ConsoleLimits | null>(() => me.value?.limits ?? null)
  const partnerLocale = computed<Locale>(() => {
    const value = me.value?.partner?.defaultLocale
    return isLocale(value) ? value : 'en'
  })

  /** Whether the role may do `key` at all (row scope is the API's business). */
  function allows(key: PermissionKey): boolean {
    const value = me.value
    if (!value) return false
    return can(
      {
        role: value.user.role,
        userId: value.user.id,
        partnerId: value.partner?.id ?? null,
      },
      key
    )
  }

  /**
   * Whether `GET /me` lists `key` among the user's permissions; read by its string, so a page
   * can ask for a key the domain's table does not hold yet.
   */
  function holds(key: string): boolean {
    return me.value?.permissions.includes(key) ?? false
  }

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      me.value = await api.getMe()
      error.value = null
      status.value = 'success'
    } catch (cause) {
      error.value = toApiError(cause)
      status.value = 'error'
    }
  }

  return {
    me,
    status,
    error,
    userId,
    enabled,
    allowedTypes,
    isPrepaid,
    ecosystemManager,
    limits,
    platformName,
    partnerLocale,
    allows,
    holds,
    load,
  }
})
