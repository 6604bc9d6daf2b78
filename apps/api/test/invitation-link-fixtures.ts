import { executeRows } from '@partner-center/db'
import {
  customerAccounts,
  invitationLinks,
  invitations,
  pendingLinkRegistrations,
  preRegistrations,
  type InvitationLinkRow,
} from '@partner-center/db/schema'
import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { CD, type TestApp } from './helpers'

// Shared setup of the partner-side invitation link tests (domain.md §12, R90–R99).

/** `…/invitation-links`. */
export const LINKS = `${CD}/invitation-links`

/** A general link's answer (R91). */
export interface GeneralLinkBody {
  id: string
  tag: string
  associationType: string
  createdAt: string
  registrationCount: number
  associationCount: number
  url: string
}

/** A custom link as listed (R95). */
export interface LinkItemBody {
  id: string
  tag: string
  associationType: string
  createdBy: { id: string; displayName: string }
  createdAt: string
  expiresAt: string | null
  registrationCount: number
  associationCount: number
  status: string
  actions: Record<'copy' | 'disable' | 'enable', { allowed: boolean; code?: string }>
}

/** A page envelope (R35). */
export interface PageBody<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** The code in a link's fragment: `{PUBLIC_BASE_URL}/join#{code}`. */
export function codeOf(url: string): string {
  const match = /^http:\/\/localhost:4175\/join#([A-Za-z0-9_-]{43})$/.exec(url)
  if (!match?.[1]) throw new Error(`not an invitation link: ${url.slice(0, 30)}…`)
  return match[1]
}

/** SHA-256 hex, as `codeHash` stores a code. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The stored link row of an id. */
export async function linkRow(t: TestApp, id: string): Promise<InvitationLinkRow> {
  const [row] = await t.database.db.select().from(invitationLinks).where(eq(invitationLinks.id, id))
  if (!row) throw new Error(`no link ${id}`)
  return row
}

/** The number of invitation links (all partners), to prove a refusal wrote none. */
export async function linkCount(t: TestApp): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from invitation_links`
  )
  return row?.n ?? 0
}

/** A `PENDING` link registration of a link, as the code step of R101 writes it. */
export async function insertPendingRegistration(t: TestApp, linkId: string): Promise<string> {
  const id = crypto.randomUUID()
  const now = t.clock.now()
  await t.database.db.insert(pendingLinkRegistrations).values({
    id,
    purpose: 'REGISTER',
    linkId,
    emailCanonical: `pending.${id.slice(0, 8)}@customer.example`,
    displayName: 'Pending Customer',
    passwordHash: 'scrypt$placeholder',
    locale: 'en',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 10 * 60_000),
  })
  return id
}

/** The status of a pending link registration. */
export async function pendingStatus(t: TestApp, id: string): Promise<string | undefined> {
  const [row] = await t.database.db
    .select({ status: pendingLinkRegistrations.status })
    .from(pendingLinkRegistrations)
    .where(eq(pendingLinkRegistrations.id, id))
  return row?.status
}

/** What {@link insertLinkAssociation} writes: one customer associated through one link. */
export interface LinkAssociationFixture {
  partnerId: string
  link: Pick<InvitationLinkRow, 'id' | 'tag' | 'kind' | 'associationType' | 'createdByUserId'>
  customerName: string
  email: string
  mobile?: string | null
  accountName: string
  acceptedAt: Date
  status?: 'ACCEPTED' | 'ASSOCIATION_FAILED'
}

/**
 * The rows a link association leaves (§12.2.3, I10, P9b), written directly because the public
 * accept endpoint is built elsewhere: the customer's account, a `CONVERTED` pre-registration of
 * the partner (source `LINK`) and the `ACCEPTED` link invitation row with channel, link id and tag.
 */
export async function insertLinkAssociation(t: TestApp, fixture: LinkAssociationFixture) {
  const db = t.database.db
  const now = fixture.acceptedAt
  const accountId = crypto.randomUUID()
  const preregistrationId = crypto.randomUUID()
  const invitationId = crypto.randomUUID()
  const email = fixture.email
  await db.insert(customerAccounts).values({
    id: accountId,
    email,
    emailCanonical: email.toLowerCase(),
    mobileE164: fixture.mobile ?? null,
    displayName: fixture.accountName,
    passwordHash: 'scrypt$placeholder',
    registeredAt: now,
    registeredVia: 'LINK',
    emailVerified: true,
    createdAt: now,
    updatedAt: now,
  })
  await db.insert(preRegistrations).values({
    id: preregistrationId,
    partnerId: fixture.partnerId,
    createdByUserId: fixture.link.createdByUserId,
    source: 'LINK',
    customerName: fixture.customerName,
    email,
    emailCanonical: email.toLowerCase(),
    mobileE164: fixture.mobile ?? null,
    locale: 'en',
    customerAccountId: accountId,
    status: 'CONVERTED',
    convertedAt: now,
    convertedVia: fixture.link.kind === 'GENERAL' ? 'general_link' : 'custom_link',
    createdAt: now,
    updatedAt: now,
  })
  const accepted = (fixture.status ?? 'ACCEPTED') === 'ACCEPTED'
  await db.insert(invitations).values({
    id: invitationId,
    partnerId: fixture.partnerId,
    preregistrationId,
    createdByUserId: fixture.link.createdByUserId,
    channel: fixture.link.kind === 'GENERAL' ? 'general_link' : 'custom_link',
    linkId: fixture.link.id,
    linkTag: fixture.link.tag,
    associationType: fixture.link.associationType,
    recipientEmail: email,
    recipientEmailCanonical: email.toLowerCase(),
    locale: 'en',
    status: fixture.status ?? 'ACCEPTED',
    acceptedAt: accepted ? now : null,
    acceptedCustomerAccountId: accepted ? accountId : null,
    failedAt: accepted ? null : now,
    failedCustomerAccountId: accepted ? null : accountId,
    failureCode: accepted ? null : 'SPECIAL_CONTRACT',
    createdAt: now,
    updatedAt: now,
  })
  return { accountId, preregistrationId, invitationId }
}
