import type { AppDeps } from '../../deps'
import { openLinkOrThrow } from '../../persistence/invitation-link-by-code'

/**
 * `POST /api/v1/public/invitation-links/resolve`: what an invitation link shows, read-only
 * (R100): the partner, its contact email and default locale, the association type and an
 * activity link's expiry. Never the tag, the kind, the creator or the counters; no counter, no
 * audit.
 */
export async function resolveInvitationLink(deps: AppDeps, options: { code: string }) {
  const { found, open } = await openLinkOrThrow(deps.db, {
    code: options.code,
    now: deps.clock.now(),
  })
  return {
    partnerName: found.partner.name,
    partnerContactEmail: found.partner.contactEmail,
    associationType: open.associationType,
    expiresAt: open.expiresAt?.toISOString() ?? null,
    locale: found.partner.defaultLocale,
    platformName: deps.config.platformName,
  }
}
