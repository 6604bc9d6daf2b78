import { expect, type APIRequestContext } from '@playwright/test'
import { e2eEnv } from '../../env'

const MANIFEST_URL = `http://localhost:${e2eEnv.ports.mfe}/mfe/customer-development/manifest.json`

/**
 * The API itself, across origins: host pages are on 127.0.0.1 and allowed by
 * CORS_ALLOWED_ORIGINS (playwright.config.ts), while the API and the module are on localhost.
 */
export const HOST_API_BASE = `http://localhost:${e2eEnv.ports.api}/api`

/** The adapters manifest.json names, as a host reads them (the contract's parser drops them). */
interface ManifestWithAdapters {
  adapters?: Partial<Record<'singleSpa' | 'qiankun' | 'customElement', string>>
}

/**
 * Reads the module's manifest.json as a host would, checks that it names the adapter `key`
 * in the expected form, and resolves it to an absolute URL.
 */
export async function adapterEntryUrl(
  request: APIRequestContext,
  key: keyof NonNullable<ManifestWithAdapters['adapters']>,
  expected: RegExp
): Promise<string> {
  const manifest = (await (await request.get(MANIFEST_URL)).json()) as ManifestWithAdapters
  const entry = manifest.adapters?.[key]
  expect(entry, `manifest.json adapters.${key}`).toMatch(expected)
  return new URL(entry!, MANIFEST_URL).href
}
