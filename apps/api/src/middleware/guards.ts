import { authorize, can, type PermissionKey } from '@partner-center/domain'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv, Principal } from '../deps'
import { AppError, toAppError } from '../errors'
import { actorOf } from '../partner-scope'

type UserPrincipal = Extract<Principal, { kind: 'user' }>

/** The signed-in partner user or ecosystem manager, else 401 `NOT_AUTHENTICATED`. */
export function requireUser(c: Context<AppEnv>): UserPrincipal {
  const principal = c.get('principal')
  if (principal?.kind !== 'user') throw AppError.of('NOT_AUTHENTICATED')
  return principal
}

/** Any signed-in user (partner staff or ecosystem manager). */
export function signedIn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireUser(c)
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
    const principal = requireUser(c)
    const actor = { role: principal.role, userId: principal.userId, partnerId: principal.partnerId }
    const authorized = authorize({ actor, partner: principal.partner, permission })
    if (!authorized.ok) throw toAppError(authorized.error)
    const { role } = principal
    // authorize refused the ecosystem manager already (R9); this only narrows the type.
    if (role === 'ecosystem_manager') throw toAppError({ code: 'PERMISSION_DENIED' })
    c.set('partnerScope', {
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
    const principal = requireUser(c)
    if (principal.role !== 'ecosystem_manager') throw AppError.of('PERMISSION_DENIED')
    await next()
  }
}
