import { inject } from 'vue'
import { MODULE_API, type ModuleApi } from '../module-api'

/**
 * The per-mount API of this module (`MODULE_API`, provided by `mount`): stores call it inside
 * their setup, dialogs inside theirs.
 */
export function useModuleApi(): ModuleApi {
  const api = inject(MODULE_API)
  if (!api) throw new Error('customer-development: API not provided')
  return api
}
