import { customerAccounts, invitationLinks } from '@partner-center/db/schema'
import { linkTagKey } from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import { DEMO_PASSWORD } from '../../src/dev/start-development-services'
import type { CaughtMessage } from '../../src/dev/smtp-sink'
import { issueLinkCode } from '../../src/security/link-codes'
import type { TestApp } from '../helpers'

/** Paths of the public invitation-link endpoints (domain.md §12.2.4). */
export const PUBLIC_LINKS = '/api/v1/public/invitation-links'

/** Options of {@link insertInvitationLink}. */
export interface InsertLinkOptions {
  partnerId: string
  createdByUserId: string
  kind?: 'GENERAL' | 'CUSTOM'
  tag?: string
  associationType?: 'reseller' | 'referral'
  status?: 'ACTIVE' | 'DISABLED' | 'EXPIRED' | 'RESET'
  expiresAt?: Date | null
}

/**
 * An invitation link written as the partner endpoints write one (R99): a fresh 256-bit code,
 * stored as its SHA-256 and its ciphertext under the app's keyring. Answers the row id and the
 * raw code (the customer's fragment).
 */
export async function insertInvitationLink(t: TestApp, options: InsertLinkOptions) {
  const { code, stored } = await issueLinkCode(t.deps.keyring)
  const now = t.clock.now()
  const kind = options.kind ?? 'CUSTOM'
  const tag = options.tag ?? `Fair ${crypto.randomUUID().slice(0, 8)}`
  const [row] = await t.database.db
    .insert(invitationLinks)
    .values({
      partnerId: options.partnerId,
      kind,
      ownerUserId: kind === 'GENERAL' ? options.createdByUserId : null,
      tag,
      tagKey: linkTagKey(tag),
      associationType: options.associationType ?? 'reseller',
      expiresAt: options.expiresAt ?? null,
      status: options.status ?? 'ACTIVE',
      ...stored,
      createdByUserId: options.createdByUserId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: invitationLinks.id })
  if (!row) throw new Error('link insert returned no row')
  return { id: row.id, code, tag }
}

/** A fixture partner (§10.5) with its admin user id, for links and their rows. */
export async function linkPartner(t: TestApp, body: Record<string, unknown> = {}) {
  const partner = await t.createPartner({ referralModelEnabled: true, ...body })
  const admin = partner.users.find((user) => user.role === 'admin') ?? partner.users[0]
  if (!admin) throw new Error('fixture partner without users')
  return { partnerId: partner.partnerId, userId: admin.id, userEmail: admin.email }
}

/**
 * A customer account through the fixture endpoint, signed in, with `emailVerified` as asked
 * (default true: most link tests are past the code step).
 */
export async function linkCustomer(
  t: TestApp,
  email: string,
  options: { emailVerified?: boolean; flags?: object; mobile?: string } = {}
) {
  const created = await t.call<{ id: string }>('POST', '/api/v1/test/customer-accounts', {
    body: { email, ...(options.mobile ? { mobile: options.mobile } : {}), ...options.flags },
  })
  if (created.status !== 201) throw new Error(`fixture account: ${created.text}`)
  await t.database.db
    .update(customerAccounts)
    .set({ emailVerified: options.emailVerified ?? true })
    .where(eq(customerAccounts.id, created.body.id))
  const session = await t.call<{ token: string }>('POST', '/api/v1/public/auth/sign-in', {
    body: { email, password: DEMO_PASSWORD },
  })
  if (session.status !== 200) throw new Error(`customer sign-in: ${session.text}`)
  return { id: created.body.id, token: session.body.token }
}

/** The 6-digit code of the newest code email to `to` in the sink (the body, never the DB). */
export function codeFromMail(messages: readonly CaughtMessage[], to: string): string | null {
  const mail = messages.find((message) => message.to.includes(to))
  const match = /^\s*(\d{6})\s*$/m.exec(mail?.text ?? '')
  return match?.[1] ?? null
}

/** A registration body for `register/code` with valid values; override any. */
export function registrationBody(code: string, email: string, overrides: object = {}) {
  return {
    code,
    email,
    displayName: 'Link Customer',
    password: 'correct horse battery',
    termsAccepted: true,
    locale: 'en',
    ...overrides,
  }
}
