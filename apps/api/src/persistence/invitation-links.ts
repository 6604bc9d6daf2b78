import { appliesFromSql, type Database } from '@partner-center/db/portable'
import {
  invitationLinks,
  pendingLinkRegistrations,
  users,
  type InvitationLinkRow,
  type NewInvitationLinkRow,
} from '@partner-center/db/schema'
import type { LinkEvent, LinkTagNamespace } from '@partner-center/domain'
import { and, eq, ne } from 'drizzle-orm'
import { lockKeys } from './locks'

// Reads and writes of invitation links (domain.md §12.2.1) for the partner endpoints. Every
// query selects by id, owner or tag key; none of them ever reads or writes a raw code.

/** A link with its creator's display name ("Created By", R95). */
export interface LinkWithCreator {
  link: InvitationLinkRow
  creatorName: string
}

/**
 * The caller's `ACTIVE` general link, or null. With `forUpdate` it is row-locked for the rest of
 * the transaction (R92, R113: acceptances and registrations take `FOR SHARE` on it).
 */
export async function findActiveGeneralLink(
  db: Database,
  ownerUserId: string,
  options: { forUpdate?: boolean } = {}
): Promise<InvitationLinkRow | null> {
  const query = db
    .select()
    .from(invitationLinks)
    .where(
      and(
        eq(invitationLinks.ownerUserId, ownerUserId),
        eq(invitationLinks.kind, 'GENERAL'),
        eq(invitationLinks.status, 'ACTIVE')
      )
    )
    .limit(1)
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row ?? null
}

/** A link by id (the caller has checked it is a UUID), optionally row-locked. */
export async function findLinkById(
  db: Database,
  id: string,
  options: { forUpdate?: boolean } = {}
): Promise<InvitationLinkRow | null> {
  const query = db.select().from(invitationLinks).where(eq(invitationLinks.id, id)).limit(1)
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row ?? null
}

/** A link by id with its creator's display name, for the answer of a change. */
export async function findLinkWithCreator(
  db: Database,
  id: string
): Promise<LinkWithCreator | null> {
  const [row] = await db
    .select({ link: invitationLinks, creatorName: users.displayName })
    .from(invitationLinks)
    .innerJoin(users, eq(users.id, invitationLinks.createdByUserId))
    .where(eq(invitationLinks.id, id))
    .limit(1)
  return row ?? null
}

/**
 * Inserts a link unless a unique constraint refuses it (one `ACTIVE` general link per user, one
 * tag key per partner): null then, and the caller reads the row that won (R91).
 */
export async function insertLinkUnlessTaken(
  db: Database,
  row: NewInvitationLinkRow
): Promise<InvitationLinkRow | null> {
  const [inserted] = await db.insert(invitationLinks).values(row).onConflictDoNothing().returning()
  return inserted ?? null
}

/**
 * Takes R93's transaction lock on (partner, tag key): the check of the namespace and the insert
 * of a custom link run under it, so two creations of one tag create one link.
 */
export async function lockLinkTag(db: Database, partnerId: string, tagKey: string): Promise<void> {
  await lockKeys(db, [`invitation-link-tag:${partnerId}:${tagKey}`])
}

/**
 * What a tag key may clash with in a partner's namespace (R94): the links of that key that are
 * not `RESET`, and the account names (canonical emails) of all the partner's users, compared by
 * their tag key in the domain.
 */
export async function loadLinkTagNamespace(
  db: Database,
  partnerId: string,
  tagKey: string
): Promise<LinkTagNamespace> {
  const links = await db
    .select({ tagKey: invitationLinks.tagKey })
    .from(invitationLinks)
    .where(
      and(
        eq(invitationLinks.partnerId, partnerId),
        eq(invitationLinks.tagKey, tagKey),
        ne(invitationLinks.status, 'RESET')
      )
    )
  const accounts = await db
    .select({ accountName: users.emailCanonical })
    .from(users)
    .where(eq(users.partnerId, partnerId))
  return {
    linkTagKeys: links.map((link) => link.tagKey),
    accountNames: accounts.map((account) => account.accountName),
  }
}

/**
 * Writes a switch of a link (L3 disable, L4 enable) with the SQL guard of the event's
 * from-states: disable sets `disabledAt` and `disabledByUserId`, enable clears them. Answers
 * whether the row changed (the caller holds its row lock, so it does).
 */
export async function writeLinkSwitch(
  db: Database,
  options: { linkId: string; event: LinkEvent; actorUserId: string; now: Date }
): Promise<boolean> {
  const { event, now } = options
  const disabling = event.to === 'DISABLED'
  const rows = await db
    .update(invitationLinks)
    .set({
      status: event.to === 'unchanged' ? undefined : event.to,
      disabledAt: disabling ? now : null,
      disabledByUserId: disabling ? options.actorUserId : null,
      updatedAt: now,
    })
    .where(
      and(eq(invitationLinks.id, options.linkId), appliesFromSql(invitationLinks.status, event))
    )
    .returning({ id: invitationLinks.id })
  return rows.length === 1
}

/**
 * Marks the old general link `RESET` (L6) with the guard of the event's from-states. The
 * replacement is inserted after this (the partial unique constraints free its owner and tag
 * only now) and linked with {@link linkReplacement}.
 */
export async function writeLinkReset(
  db: Database,
  options: { linkId: string; event: LinkEvent; now: Date }
): Promise<boolean> {
  const rows = await db
    .update(invitationLinks)
    .set({ status: 'RESET', resetAt: options.now, updatedAt: options.now })
    .where(
      and(
        eq(invitationLinks.id, options.linkId),
        appliesFromSql(invitationLinks.status, options.event)
      )
    )
    .returning({ id: invitationLinks.id })
  return rows.length === 1
}

/** Points a reset general link at its replacement (`replacedById`, §12.2.1). */
export async function linkReplacement(
  db: Database,
  options: { oldLinkId: string; newLinkId: string }
): Promise<void> {
  await db
    .update(invitationLinks)
    .set({ replacedById: options.newLinkId })
    .where(eq(invitationLinks.id, options.oldLinkId))
}

/**
 * Voids the `PENDING` link registrations of a link that stopped working (L3, L5, L6): their
 * codes can no longer create anything. Answers how many.
 */
export async function voidPendingRegistrations(db: Database, linkId: string): Promise<number> {
  const rows = await db
    .update(pendingLinkRegistrations)
    .set({ status: 'VOID' })
    .where(
      and(
        eq(pendingLinkRegistrations.linkId, linkId),
        eq(pendingLinkRegistrations.status, 'PENDING')
      )
    )
    .returning({ id: pendingLinkRegistrations.id })
  return rows.length
}

/** A user's account name (§12.1): the canonical form of their email, the general link's tag. */
export async function findAccountName(db: Database, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ accountName: users.emailCanonical })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
  return row?.accountName ?? null
}
