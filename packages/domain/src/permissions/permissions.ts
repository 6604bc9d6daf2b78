/**
 * Roles of a user (§2.3, §3.2). `ecosystem_manager` belongs to no partner.
 *
 * @example
 * ROLES.includes('account_manager') // true
 */
export const ROLES = [
  'admin',
  'sales',
  'account_manager',
  'read_only',
  'ecosystem_manager',
] as const

/**
 * One role.
 *
 * @example
 * const role: Role = 'sales'
 */
export type Role = (typeof ROLES)[number]

/**
 * Permission keys of the module (§2.3), lower case exactly as in the spec.
 *
 * @example
 * PERMISSION_KEYS[0] // 'custdev.view'
 */
export const PERMISSION_KEYS = [
  'custdev.view',
  'custdev.preregister',
  'custdev.preregister.delete',
  'custdev.invite',
  'custdev.history.view',
  'custdev.reveal',
  // API keys (issue 21, §13.2.2): the API Keys page, create and revoke keys. Never held by a key.
  'custdev.api_keys.manage',
  // Webhooks (issue 21, §13.2.2): endpoints, secrets, test events, delivery log, Redeliver.
  'custdev.webhooks.manage',
] as const

/**
 * One permission key.
 *
 * @example
 * const key: PermissionKey = 'custdev.invite'
 */
export type PermissionKey = (typeof PERMISSION_KEYS)[number]

/**
 * How far a role holds a permission: on every row of its partner, only on its own rows
 * (`createdByUserId`), or not at all.
 *
 * @example
 * const scope: PermissionScope = 'own'
 */
export type PermissionScope = 'all' | 'own' | 'none'

/**
 * The role × permission matrix of §2.3 as data.
 *
 * @example
 * PERMISSION_MATRIX.account_manager['custdev.invite'] // 'own'
 */
export const PERMISSION_MATRIX: Readonly<
  Record<Role, Readonly<Record<PermissionKey, PermissionScope>>>
> = {
  admin: {
    'custdev.view': 'all',
    'custdev.preregister': 'all',
    'custdev.preregister.delete': 'all',
    'custdev.invite': 'all',
    'custdev.history.view': 'all',
    'custdev.reveal': 'all',
    'custdev.api_keys.manage': 'all',
    'custdev.webhooks.manage': 'all',
  },
  sales: {
    'custdev.view': 'all',
    'custdev.preregister': 'all',
    'custdev.preregister.delete': 'all',
    'custdev.invite': 'all',
    'custdev.history.view': 'all',
    'custdev.reveal': 'all',
    'custdev.api_keys.manage': 'none',
    'custdev.webhooks.manage': 'none',
  },
  account_manager: {
    'custdev.view': 'own',
    // Creating has no existing row to own; the new row is the account manager's own.
    'custdev.preregister': 'all',
    'custdev.preregister.delete': 'own',
    'custdev.invite': 'own',
    'custdev.history.view': 'own',
    'custdev.reveal': 'own',
    'custdev.api_keys.manage': 'none',
    'custdev.webhooks.manage': 'none',
  },
  read_only: {
    'custdev.view': 'all',
    'custdev.preregister': 'none',
    'custdev.preregister.delete': 'none',
    'custdev.invite': 'none',
    'custdev.history.view': 'all',
    'custdev.reveal': 'all',
    'custdev.api_keys.manage': 'none',
    'custdev.webhooks.manage': 'none',
  },
  // The ecosystem manager has no access to partner endpoints (§2.1, R9).
  ecosystem_manager: {
    'custdev.view': 'none',
    'custdev.preregister': 'none',
    'custdev.preregister.delete': 'none',
    'custdev.invite': 'none',
    'custdev.history.view': 'none',
    'custdev.reveal': 'none',
    'custdev.api_keys.manage': 'none',
    'custdev.webhooks.manage': 'none',
  },
}

/**
 * The permission keys a role holds in any scope (what `GET /api/v1/me` reports).
 *
 * @example
 * permissionsForRole('read_only') // ['custdev.view', 'custdev.history.view', 'custdev.reveal']
 */
export function permissionsForRole(role: Role): PermissionKey[] {
  return PERMISSION_KEYS.filter((key) => PERMISSION_MATRIX[role][key] !== 'none')
}

/**
 * Who is acting: the signed-in user's role, id and partner (null for the ecosystem manager).
 *
 * @example
 * const actor: Actor = { role: 'sales', userId: 'u1', partnerId: 'p1' }
 */
export interface Actor {
  role: Role
  userId: string
  partnerId: string | null
}

/**
 * The row an action applies to: its partner and its creator (owner for account managers).
 *
 * @example
 * const resource: OwnedResource = { partnerId: 'p1', createdByUserId: 'u1' }
 */
export interface OwnedResource {
  partnerId: string
  createdByUserId: string
}

/**
 * Whether an actor may perform an action, optionally on a row. Without a resource it answers
 * "may call the endpoint at all" (an account manager may list, seeing only own rows). With a
 * resource, another partner's row is always false, and `own` scope requires
 * `createdByUserId === actor.userId` (R2: such rows behave as absent).
 *
 * @example
 * can({ role: 'account_manager', userId: 'u1', partnerId: 'p1' }, 'custdev.invite', { partnerId: 'p1', createdByUserId: 'u2' }) // false
 * can({ role: 'sales', userId: 'u1', partnerId: 'p1' }, 'custdev.invite') // true
 */
export function can(actor: Actor, action: PermissionKey, resource?: OwnedResource): boolean {
  if (actor.partnerId === null || !(ROLES as readonly string[]).includes(actor.role)) return false
  const scope = PERMISSION_MATRIX[actor.role][action]
  if (scope === 'none') return false
  if (resource === undefined) return true
  if (resource.partnerId !== actor.partnerId) return false
  return scope === 'all' || resource.createdByUserId === actor.userId
}

/**
 * The creator a list is narrowed to for an action: the actor's own id where the role's scope of
 * that action is `own` (an account manager lists only the rows they created, §2.3), else none,
 * and the list holds every row of the partner. So lists follow the matrix rather than a role
 * named in each of them.
 *
 * @example
 * ownRowsCreator({ role: 'account_manager', userId: 'u1', partnerId: 'p1' }, 'custdev.history.view') // 'u1'
 * ownRowsCreator({ role: 'sales', userId: 'u1', partnerId: 'p1' }, 'custdev.view') // undefined
 */
export function ownRowsCreator(actor: Actor, action: PermissionKey): string | undefined {
  return PERMISSION_MATRIX[actor.role][action] === 'own' ? actor.userId : undefined
}

/**
 * Whether an actor may see a batch's progress (R49): its creator, or an `admin` of the partner.
 *
 * @example
 * canViewBatch({ role: 'admin', userId: 'u9', partnerId: 'p1' }, { partnerId: 'p1', createdByUserId: 'u1' }) // true
 */
export function canViewBatch(actor: Actor, batch: OwnedResource): boolean {
  if (!can(actor, 'custdev.invite') || batch.partnerId !== actor.partnerId) return false
  return actor.role === 'admin' || batch.createdByUserId === actor.userId
}
