import pino from 'pino'
import { createApp } from '../../../src/app'
import type { AppDeps } from '../../../src/deps'

/**
 * The OpenAPI document the API serves at `/api/openapi.json`, built from the contracts' schemas
 * by `createApp` with fake dependencies: serving the document touches no database, clock or key,
 * so a unit test needs none (the same trick as src/readme-tables.test.ts).
 *
 * @example
 * const document = await liveOpenApiDocument()
 * Object.keys(document.paths as object) // ['/api/v1/auth/sign-in', …]
 */
export async function liveOpenApiDocument(): Promise<Record<string, unknown>> {
  // Production settings: the document as production serves it (no development routes mounted).
  const deps = {
    db: {},
    dbKind: 'postgres',
    clock: { now: () => new Date(0) },
    logger: pino({ level: 'silent' }),
    passwords: {},
    keyring: {},
    config: {
      appEnv: 'production',
      publicBaseUrl: 'https://example.invalid',
      bodyLimitBytes: 1024,
    },
  } as unknown as AppDeps
  const response = await createApp(deps).request('/api/openapi.json')
  if (response.status !== 200) {
    throw new Error(`GET /api/openapi.json answered ${response.status}: ${await response.text()}`)
  }
  return (await response.json()) as Record<string, unknown>
}
