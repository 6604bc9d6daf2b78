import { randomUUID } from 'node:crypto'
import type postgres from 'postgres'
import { call } from './http'

export const CD = '/api/v1/customer-development'
/** Every customer value the suite creates matches these, so scans can find them unmasked. */
export const CUSTOMER_EMAIL_DOMAIN = 'rel-customer.example'
export const CUSTOMER_NAME_PREFIX = 'Relcust'
/** Customer mobiles the suite creates: +86 139 and eight digits (unmasked form). */
export const CUSTOMER_MOBILE_PREFIX = '+86139'

/** A fixture partner and its users (domain.md §10.5). */
export interface FixturePartner {
  partnerId: string
  users: { id: string; email: string; role: string }[]
  password: string
}

/** Creates a partner with the given roles through `POST /api/v1/test/partners`. */
export async function createPartner(
  base: string,
  roles: string[] = ['admin'],
  overrides: Record<string, unknown> = {}
): Promise<FixturePartner> {
  const answer = await call<FixturePartner>(base, 'POST', '/api/v1/test/partners', {
    body: {
      preregistrationQuota: 10_000,
      dailyInviteCap: 100_000,
      contactEmail: `contact.${randomUUID().slice(0, 8)}@partner.example`,
      users: roles.map((role) => ({ role })),
      ...overrides,
    },
  })
  if (answer.status !== 201) throw new Error(`fixture partner: ${answer.status} ${answer.text}`)
  return answer.body
}

/** Signs a partner user in and returns the bearer token. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const answer = await call<{ token: string }>(base, 'POST', '/api/v1/auth/sign-in', {
    body: { email, password },
  })
  if (answer.status !== 200) throw new Error(`sign-in ${answer.status} ${answer.text}`)
  return answer.body.token
}

/** A customer value set the scans look for (email, name). */
export function customerIdentity(tag: string) {
  const id = `${tag}-${randomUUID().slice(0, 8)}`
  return {
    email: `rc-${id}@${CUSTOMER_EMAIL_DOMAIN}`,
    name: `${CUSTOMER_NAME_PREFIX} ${id}`,
  }
}

/**
 * Inserts `count` PRE_REGISTERED rows directly in SQL (like seeded data, without audit rows), so
 * a fault run can queue 1,000 invitations through the API in seconds. Returns their ids.
 */
export async function seedPreregistrations(
  sql: postgres.Sql,
  options: { partnerId: string; userId: string; count: number; tag: string }
): Promise<string[]> {
  const now = Date.now()
  const rows = Array.from({ length: options.count }, (_, n) => {
    const who = customerIdentity(`${options.tag}${n}`)
    return {
      id: randomUUID(),
      partner_id: options.partnerId,
      created_by_user_id: options.userId,
      source: 'PARTNER_CENTER',
      customer_name: who.name,
      email: who.email,
      email_canonical: who.email,
      mobile_e164: null,
      locale: 'en',
      status: 'PRE_REGISTERED',
      valid_from: new Date(now),
      valid_until: new Date(now + 15 * 86_400_000),
      created_at: new Date(now - n),
      updated_at: new Date(now),
    }
  })
  for (let i = 0; i < rows.length; i += 500) {
    await sql`insert into pre_registrations ${sql(rows.slice(i, i + 500))}`
  }
  return rows.map((row) => row.id)
}

/** The 202 answer of invite and resend. */
export interface BatchAnswer {
  batchId: string
  queued: number
  skipped: number
  results: { preregistrationId: string; outcome: string; invitationId?: string; code?: string }[]
}

/** Splits a list into chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** A platform operator (ecosystem manager) inserted in SQL, as the seed would; returns email and password. */
export async function insertEcosystemManager(sql: postgres.Sql) {
  const { randomBytes, scryptSync } = await import('node:crypto')
  const password = 'Manager!reliability'
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1 })
  const hash = `scrypt:16384:8:1:${salt.toString('base64url')}:${key.toString('base64url')}`
  const email = `manager.${randomUUID().slice(0, 8)}@ecosystem.example`
  const now = new Date()
  await sql`insert into users (id, partner_id, email, email_canonical, display_name, role,
    password_hash, created_at, updated_at)
    values (${randomUUID()}, null, ${email}, ${email}, 'Ecosystem Manager', 'ecosystem_manager',
      ${hash}, ${now}, ${now})`
  return { email, password }
}

/** A uuid[] literal for `${uuidArray(ids)}::uuid[]` (works before postgres.js fetched types). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`
}
