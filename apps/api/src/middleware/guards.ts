import { authorize, can, type PermissionKey } from '@partner-center/domain'
import type { Context, MiddlewareHandler } from 'hono'
import type { ApiKeyPrincipal, AppEnv, PlatformKeyPrincipal, Principal } from '../deps'
import { AppError, toAppError } from '../errors'
import { actorOf } from '../partner-scope'

type UserPrincipal = Extract<Principal, { kind: 'user' }>

/** The signed-in partner user or ecosystem manager, else 401 `NOT_AUTHENTICATED`. */
export function requireUser(c: Context<AppEnv>): UserPrincipal {
  const principal = c.get('principal')
  if (principal?.kind !== 'user') throw AppError.of('NOT_AUTHENTICATED')
  return principal
}

/**
 * The signed-in user, or an API key (R141): the authentication middleware let a key through only
 * to a route the table marks `apiKey`. Else 401 `NOT_AUTHENTICATED`.
 */
export function requireUserOrKey(
  c: Context<AppEnv>
): UserPrincipal | ApiKeyPrincipal | PlatformKeyPrincipal {
  const principal = c.get('principal')
  if (principal === undefined || principal.kind === 'customer') {
    throw AppError.of('NOT_AUTHENTICATED')
  }
  return principal
}

/** Any signed-in user (partner staff or ecosystem manager). */
export function signedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireUser(c)
    await next()
  }
}

/** A signed-in user or an API key (`GET /me`, R141). */
export function signedInOrKey(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireUserOrKey(c)
    await next()
  }
}

/**
 * Guards a Customer Development endpoint in the order of domain.md R3: signed in, then the
 * domain's `authorize` (module enabled for the partner, then the permission key; the ecosystem
 * manager is always `PERMISSION_DENIED`). Runs before input validation.
 */
export function partnerGuard(permission: PermissionKey): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('principal')
    if (caller?.kind === 'api_key') return keyPartnerGuard(c, caller, permission, next)
    // A platform key on a partner route (R141, R9).
    if (caller?.kind === 'platform_key') throw AppError.of('PERMISSION_DENIED')
    const principal = requireUser(c)
    const actor = { role: principal.role, userId: principal.userId, partnerId: principal.partnerId }
    const authorized = authorize({ actor, partner: principal.partner, permission })
    if (!authorized.ok) throw toAppError(authorized.error)
    const { role } = principal
    // authorize refused the ecosystem manager already (R9); this only narrows the type.
    if (role === 'ecosystem_manager') throw toAppError({ code: 'PERMISSION_DENIED' })
    c.set('partnerScope', {
      actorType: 'partner_user',
      userId: principal.userId,
      displayName: principal.displayName,
      role,
      locale: principal.locale,
      partner: authorized.value,
    })
    await next()
  }
}

/**
 * The partner guard for an API key (R141): the read permissions of the key's role on its own
 * partner, never the management of keys. The scope names the key as the actor of its reads.
 */
async function keyPartnerGuard(
  c: Context<AppEnv>,
  principal: ApiKeyPrincipal,
  permission: PermissionKey,
  next: () => Promise<void>
): Promise<void> {
  if (permission === 'custdev.api_keys.manage' || permission === 'custdev.webhooks.manage') {
    throw AppError.of('API_KEY_NOT_ALLOWED')
  }
  const actor = { role: principal.role, userId: principal.keyId, partnerId: principal.partnerId }
  const authorized = authorize({ actor, partner: principal.partner, permission })
  if (!authorized.ok) throw toAppError(authorized.error)
  c.set('partnerScope', {
    actorType: 'api_key',
    userId: principal.keyId,
    displayName: principal.name,
    role: principal.role,
    locale: principal.partner.defaultLocale,
    partner: authorized.value,
  })
  await next()
}

/**
 * M6: a request with `?reveal=` needs `custdev.reveal` as well, else the whole request is
 * `PERMISSION_DENIED`. Runs after the partner guard and before validation (R3 order).
 */
export function revealGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const reveal = c.req.queries('reveal')
    if (
      reveal?.some((value) => value !== '') &&
      !can(actorOf(c.get('partnerScope')), 'custdev.reveal')
    ) {
      throw AppError.of('PERMISSION_DENIED')
    }
    await next()
  }
}

/**
 * Guards an `/api/v1/admin/*` endpoint: signed in, then the ecosystem manager role; partner users
 * get `PERMISSION_DENIED` (R9). Runs before input validation.
 */
export function adminGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('principal')
    // A partner key on an admin route (R141).
    if (caller?.kind === 'api_key') throw AppError.of('PERMISSION_DENIED')
    // A platform key reads: authentication let it through only to a route marked `apiKey`.
    if (caller?.kind === 'platform_key') return next()
    const principal = requireUser(c)
    if (principal.role !== 'ecosystem_manager') throw AppError.of('PERMISSION_DENIED')
    await next()
  }
}
