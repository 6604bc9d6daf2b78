import type { WebhookUrlOptions } from '@partner-center/domain'
import type { AppConfig } from '../deps'

/**
 * How this API checks endpoint URLs (R126): production refuses http and local or private IP
 * literals under the `public` policy, the only one production accepts (R136). Elsewhere every
 * host is left to the attempt's check, which is the dispatcher's.
 *
 * @example
 * webhookUrlOptions({ ...config, appEnv: 'production' }) // { production: true, policy: 'public' }
 */
export function webhookUrlOptions(config: Pick<AppConfig, 'appEnv'>): WebhookUrlOptions {
  const production = config.appEnv === 'production'
  return { production, policy: production ? 'public' : 'any' }
}
