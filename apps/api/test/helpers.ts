import { executeRows } from '@partner-center/db'
import {
  demoId,
  demoPreregistrationId,
  type DemoPreregistrationSeedName,
} from '@partner-center/db/seed'
import { sql } from 'drizzle-orm'
import type { createTestApp } from './test-app'

/** The app of one test file. */
export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** Paths of the partner API. */
export const CD = '/api/v1/customer-development'

/** Paths of the public API (invitation links and customer sessions). */
export const PUBLIC = '/api/v1/public'

/** Id of a seeded pre-registration (domain.md §10.3). */
export const P = (name: DemoPreregistrationSeedName) => demoPreregistrationId(name)

/** Id of a seeded invitation, e.g. `P02-2`. */
export const I = (seedName: string) => demoId(`invitation:${seedName}`)

/** Audit events of an action (optionally of one request id). */
export async function auditEvents(t: TestApp, action: string, requestId?: string) {
  return executeRows<{
    details: Record<string, unknown>
    request_id: string | null
    entity_id: string
  }>(
    t.database.db,
    requestId
      ? sql`select details, request_id, entity_id from audit_events where action = ${action} and request_id = ${requestId}`
      : sql`select details, request_id, entity_id from audit_events where action = ${action}`
  )
}

/** Signs each user in, one after another; answers the session tokens by email. */
export async function signInAll(
  t: TestApp,
  emails: readonly string[]
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {}
  for (const email of emails) tokens[email] = await t.signIn(email)
  return tokens
}

/**
 * What the captured logs leak (R77): any of the given raw tokens, and any unmasked customer email.
 * Expect it to be empty.
 */
export function leakedSecrets(t: TestApp, secrets: readonly string[]): string[] {
  const text = JSON.stringify(t.logs)
  const emails = text.match(/[a-z0-9.]+@customer\.example/g) ?? []
  return [...secrets.filter((secret) => text.includes(secret)), ...emails]
}

/** The status and error code of an answer, for `expect(errorOf(r)).toEqual({ status, code })`. */
export function errorOf(response: { status: number; text: string }) {
  const body = (response.text.startsWith('{') ? JSON.parse(response.text) : {}) as {
    error?: { code?: string }
  }
  return { status: response.status, code: body.error?.code }
}

/**
 * The directives of a Content-Security-Policy header, by name.
 *
 * @example
 * cspDirectives("default-src 'none'; script-src 'nonce-x'").get('script-src') // ["'nonce-x'"]
 */
export function cspDirectives(header: string | null): Map<string, string[]> {
  const parsed = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) parsed.set(name, values)
  }
  return parsed
}
