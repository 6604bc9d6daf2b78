import { ApiError, createApiClient, type MeResponse } from '@partner-center/contracts'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

const TOKEN_KEY = 'partner-center.token'

/**
 * The signed-in partner user. The token lives in memory and sessionStorage (domain.md R79), so a
 * reload keeps the session and closing the tab ends it.
 */
export const useSessionStore = defineStore('shell/session', () => {
  const token = ref<string | null>(sessionStorage.getItem(TOKEN_KEY))
  const me = ref<MeResponse | null>(null)
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const error = ref<ApiError | null>(null)

  const api = createApiClient({
    baseUrl: '/api',
    getToken: () => token.value,
    getLocale: () => document.documentElement.lang || 'en',
  })

  const isSignedIn = computed(() => token.value !== null && me.value !== null)
  const partner = computed(() => me.value?.partner ?? null)

  function setToken(value: string | null) {
    token.value = value
    if (value) sessionStorage.setItem(TOKEN_KEY, value)
    else sessionStorage.removeItem(TOKEN_KEY)
  }

  async function signIn(email: string, password: string) {
    status.value = 'loading'
    error.value = null
    try {
      const result = await api.signIn({ email, password })
      setToken(result.token)
      me.value = await api.getMe()
      status.value = 'success'
    } catch (cause) {
      setToken(null)
      error.value = cause instanceof ApiError ? cause : null
      status.value = 'error'
      throw cause
    }
  }

  /** Loads `me` for a token kept from before a reload; drops the token when it is no longer valid. */
  async function restore(): Promise<boolean> {
    if (!token.value) return false
    if (me.value) return true
    try {
      me.value = await api.getMe()
      return true
    } catch {
      setToken(null)
      return false
    }
  }

  async function signOut() {
    try {
      if (token.value) await api.signOut()
    } finally {
      setToken(null)
      me.value = null
    }
  }

  /** Called by a module after a 401 it cannot recover from: the session is over. */
  function expire() {
    setToken(null)
    me.value = null
  }

  return { token, me, status, error, isSignedIn, partner, signIn, restore, signOut, expire, api }
})
