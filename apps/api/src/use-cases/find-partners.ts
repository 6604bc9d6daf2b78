import { associations, invitations, partners } from '@partner-center/db/schema'
import { asc, count, eq } from 'drizzle-orm'
import type { AppDeps } from '../deps'
import { toAdminPartner } from '../presenters/admin-partner'

/**
 * `GET /api/v1/admin/partners`: every partner with its contacts and capabilities (S13), and its
 * `ACTIVE` associations per source, by the channel of the invitation that created each (R112;
 * imported associations have none and count under no source).
 */
export async function findPartners(deps: AppDeps) {
  const rows = await deps.db.select().from(partners).orderBy(asc(partners.name), asc(partners.id))
  const counted = await deps.db
    .select({ partnerId: associations.partnerId, channel: invitations.channel, n: count() })
    .from(associations)
    .innerJoin(invitations, eq(invitations.id, associations.invitationId))
    .where(eq(associations.status, 'ACTIVE'))
    .groupBy(associations.partnerId, invitations.channel)
  const bySource = new Map<string, { email: number; general_link: number; custom_link: number }>()
  for (const row of counted) {
    const sources = bySource.get(row.partnerId) ?? { email: 0, general_link: 0, custom_link: 0 }
    sources[row.channel] += Number(row.n)
    bySource.set(row.partnerId, sources)
  }
  return {
    items: rows.map((row) => ({
      ...toAdminPartner(row),
      associationsBySource: bySource.get(row.id) ?? { email: 0, general_link: 0, custom_link: 0 },
    })),
  }
}
