import type { Database } from '@partner-center/db/portable'
import { invitationLinks, partners, users } from '@partner-center/db/schema'
import {
  offlineLinkAnswer,
  permissionsForRole,
  type FailureCode,
  type LinkOwnerState,
  type OpenOfflineLink,
} from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { AppError } from '../errors'
import { hashToken } from '../security/tokens'

const owners = alias(users, 'link_owner')

/** Options of {@link findLinkByCode}. */
export interface FindLinkByCodeOptions {
  code: string
  /**
   * Lock the link row until the transaction ends (R113), so each request either commits before
   * a disable, enable or reset (which take `FOR UPDATE`) or sees it: `share` for a step that
   * only reads the link; `counter` (`FOR NO KEY UPDATE`) for one that increments its counters,
   * since two `FOR SHARE` holders that both update the row would deadlock each other. Foreign
   * keys to the link (`FOR KEY SHARE`) do not wait for either.
   */
  lock?: 'share' | 'counter'
}

/**
 * The invitation link a code opens (only its SHA-256 is looked up, R99), with its partner and,
 * for a general link, its owner's state; null for an unknown code.
 */
export async function findLinkByCode(db: Database, options: FindLinkByCodeOptions) {
  const codeHash = await hashToken(options.code)
  const query = db
    .select({
      link: invitationLinks,
      partner: partners,
      ownerStatus: owners.status,
      ownerRole: owners.role,
    })
    .from(invitationLinks)
    .innerJoin(partners, eq(partners.id, invitationLinks.partnerId))
    .leftJoin(owners, eq(owners.id, invitationLinks.ownerUserId))
    .where(eq(invitationLinks.codeHash, codeHash))
    .limit(1)
  const [row] =
    options.lock === 'share'
      ? await query.for('share', { of: invitationLinks })
      : options.lock === 'counter'
        ? await query.for('no key update', { of: invitationLinks })
        : await query
  if (!row) return null
  const owner: LinkOwnerState | null =
    row.ownerStatus === null || row.ownerRole === null
      ? null
      : {
          disabled: row.ownerStatus === 'DISABLED',
          canInvite: permissionsForRole(row.ownerRole).includes('custdev.invite'),
        }
  return { link: row.link, partner: row.partner, owner }
}

/** A link a code found, with its partner and owner. */
export type FoundLink = NonNullable<Awaited<ReturnType<typeof findLinkByCode>>>

/**
 * The error of a link that does not open (R100): `LINK_NOT_FOUND` for an unknown code, else the
 * link's code with `details.partnerName` (and the partner's contact email, for the result page).
 */
export function offlineLinkError(code: FailureCode, found: FoundLink | null): AppError {
  if (!found) return AppError.of('LINK_NOT_FOUND')
  return AppError.of(code, {
    partnerName: found.partner.name,
    partnerContactEmail: found.partner.contactEmail,
  })
}

/**
 * Opens a link for one step of R100–R107: the link and its answer when `ACTIVE`, else throws the
 * link's error. Every later step starts with this answer, so a link that stopped working between
 * two steps answers its code there and writes nothing.
 */
export async function openLinkOrThrow(
  db: Database,
  options: FindLinkByCodeOptions & { now: Date }
): Promise<{ found: FoundLink; open: OpenOfflineLink }> {
  const found = await findLinkByCode(db, options)
  const answer = offlineLinkAnswer({
    link: found?.link ?? null,
    owner: found?.owner,
    now: options.now,
  })
  if (!found || !answer.ok)
    throw offlineLinkError(answer.ok ? 'LINK_NOT_FOUND' : answer.error.code, found)
  return { found, open: answer.value }
}
