// Shared setup of the tests of accepting through an invitation link (domain.md R106–R112): each
// test file opens its own world (test app, owner partner, one 'Spring Fair' link) and binds these
// steps to it, so no file depends on another's rows.
import { invitationLinks, invitations } from '@partner-center/db/schema'
import { BUSINESS_TABLES } from '@partner-center/db/testing'
import { eq, sql } from 'drizzle-orm'
import type { TestApp } from '../helpers'
import { createOwner, type Owner } from '../state-machines/state-fixtures'
import { createTestApp } from '../test-app'
import { insertInvitationLink, PUBLIC_LINKS } from './public-link-fixtures'

/** The tables whose row counts prove that a refused acceptance wrote nothing. */
export const TABLES = [
  ...new Set([...BUSINESS_TABLES, 'invitation_links', 'pending_link_registrations']),
]

/** A link as {@link insertInvitationLink} answers it. */
export type InsertedLink = Awaited<ReturnType<typeof insertInvitationLink>>

/** One file's world: its own test app, an owner partner and that partner's custom link. */
export interface LinkAcceptWorld {
  t: TestApp
  owner: Owner
  link: InsertedLink
}

/** Opens a world: a fresh test app with an owner partner and its 'Spring Fair' link. */
export async function openLinkAcceptWorld(): Promise<LinkAcceptWorld> {
  const t = await createTestApp()
  const owner = await createOwner(t)
  const link = await insertInvitationLink(t, {
    partnerId: owner.partnerId,
    createdByUserId: owner.userId,
    tag: 'Spring Fair',
  })
  return { t, owner, link }
}

/**
 * The acceptance steps of one test file, over the world `world()` answers (set in that file's
 * `beforeAll`).
 */
export function linkAcceptSteps(world: () => LinkAcceptWorld) {
  function accept(
    token: string | undefined,
    code = world().link.code,
    instructionsAccepted = true
  ) {
    return world().t.call('POST', `${PUBLIC_LINKS}/accept`, {
      token,
      headers: { 'accept-language': 'zh-CN' },
      body: { code, instructionsAccepted },
    })
  }

  async function linkRowsOf(customerAccountId: string) {
    return world()
      .t.database.db.select()
      .from(invitations)
      .where(
        sql`${invitations.acceptedCustomerAccountId} = ${customerAccountId} or ${invitations.failedCustomerAccountId} = ${customerAccountId}`
      )
  }

  async function linkCounts(linkId = world().link.id) {
    const [row] = await world()
      .t.database.db.select({ associations: invitationLinks.associationCount })
      .from(invitationLinks)
      .where(eq(invitationLinks.id, linkId))
    return row?.associations
  }

  return { accept, linkRowsOf, linkCounts }
}
