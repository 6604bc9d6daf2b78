import { describe, expect, it } from 'vitest'
import { partner } from '../../test/fixtures'
import { authorize } from './authorize'
import type { Actor, PermissionKey, Role } from './permissions'
import {
  can,
  canViewBatch,
  ownRowsCreator,
  PERMISSION_KEYS,
  permissionsForRole,
  ROLES,
} from './permissions'

// §2.3 as written: ✓ = all, own = own rows, ✗ = none.
const MATRIX: [
  PermissionKey,
  Record<Exclude<Role, 'ecosystem_manager'>, 'all' | 'own' | 'none'>,
][] = [
  ['custdev.view', { admin: 'all', sales: 'all', account_manager: 'own', read_only: 'all' }],
  [
    'custdev.preregister',
    { admin: 'all', sales: 'all', account_manager: 'all', read_only: 'none' },
  ],
  [
    'custdev.preregister.delete',
    { admin: 'all', sales: 'all', account_manager: 'own', read_only: 'none' },
  ],
  ['custdev.invite', { admin: 'all', sales: 'all', account_manager: 'own', read_only: 'none' }],
  [
    'custdev.history.view',
    { admin: 'all', sales: 'all', account_manager: 'own', read_only: 'all' },
  ],
  ['custdev.reveal', { admin: 'all', sales: 'all', account_manager: 'own', read_only: 'all' }],
  [
    'custdev.api_keys.manage',
    { admin: 'all', sales: 'none', account_manager: 'none', read_only: 'none' },
  ],
  [
    'custdev.webhooks.manage',
    { admin: 'all', sales: 'none', account_manager: 'none', read_only: 'none' },
  ],
]

const PARTNER_ROLES = ['admin', 'sales', 'account_manager', 'read_only'] as const
const own = { partnerId: 'p1', createdByUserId: 'u1' }
const colleague = { partnerId: 'p1', createdByUserId: 'u2' }
const foreign = { partnerId: 'p2', createdByUserId: 'u1' }

describe('permission matrix (§2.3)', () => {
  it('has the five roles and eight keys of the spec (§2.3, §13.2.2)', () => {
    expect(ROLES).toEqual(['admin', 'sales', 'account_manager', 'read_only', 'ecosystem_manager'])
    expect(PERMISSION_KEYS).toHaveLength(8)
  })

  describe.each(MATRIX)('%s', (key, scopes) => {
    it.each(PARTNER_ROLES)('applies the spec scope for %s', (role) => {
      const actor: Actor = { role, userId: 'u1', partnerId: 'p1' }
      const scope = scopes[role]
      expect(can(actor, key)).toBe(scope !== 'none')
      expect(can(actor, key, own)).toBe(scope !== 'none')
      expect(can(actor, key, colleague)).toBe(scope === 'all')
      expect(can(actor, key, foreign)).toBe(false)
      expect(permissionsForRole(role).includes(key)).toBe(scope !== 'none')
    })
  })

  it('gives the ecosystem manager no partner permission', () => {
    const manager: Actor = { role: 'ecosystem_manager', userId: 'm1', partnerId: null }
    expect(permissionsForRole('ecosystem_manager')).toEqual([])
    for (const key of PERMISSION_KEYS) expect(can(manager, key)).toBe(false)
  })

  it('refuses an actor with an unknown role', () => {
    expect(can({ role: 'root' as Role, userId: 'u1', partnerId: 'p1' }, 'custdev.view')).toBe(false)
  })

  it('narrows lists to the actor’s own rows exactly where the matrix says own', () => {
    for (const [key, byRole] of MATRIX) {
      for (const [role, scope] of Object.entries(byRole) as [Role, string][]) {
        const actor: Actor = { role, userId: 'u1', partnerId: 'p1' }
        expect(ownRowsCreator(actor, key)).toBe(scope === 'own' ? 'u1' : undefined)
      }
    }
    const manager: Actor = { role: 'account_manager', userId: 'u7', partnerId: 'p1' }
    expect(ownRowsCreator(manager, 'custdev.history.view')).toBe('u7')
    expect(ownRowsCreator({ ...manager, role: 'read_only' }, 'custdev.view')).toBeUndefined()
  })

  it('shows batch progress to its creator and to admins only (R49)', () => {
    const batch = { partnerId: 'p1', createdByUserId: 'u1' }
    expect(canViewBatch({ role: 'sales', userId: 'u1', partnerId: 'p1' }, batch)).toBe(true)
    expect(canViewBatch({ role: 'sales', userId: 'u2', partnerId: 'p1' }, batch)).toBe(false)
    expect(canViewBatch({ role: 'admin', userId: 'u9', partnerId: 'p1' }, batch)).toBe(true)
    expect(canViewBatch({ role: 'admin', userId: 'u9', partnerId: 'p2' }, batch)).toBe(false)
    expect(canViewBatch({ role: 'read_only', userId: 'u1', partnerId: 'p1' }, batch)).toBe(false)
  })
})

describe('authorize (R3)', () => {
  const sales: Actor = { role: 'sales', userId: 'u1', partnerId: 'partner-acme' }

  it('allows a permitted user of an enabled partner', () => {
    expect(authorize({ actor: sales, partner: partner(), permission: 'custdev.invite' }).ok).toBe(
      true
    )
  })

  it('answers CUSTOMER_DEVELOPMENT_NOT_ENABLED before PERMISSION_DENIED', () => {
    const viewer: Actor = { ...sales, role: 'read_only' }
    const result = authorize({
      actor: viewer,
      partner: partner({ customerDevelopmentEnabled: false }),
      permission: 'custdev.invite',
    })
    expect(!result.ok && result.error.code).toBe('CUSTOMER_DEVELOPMENT_NOT_ENABLED')
  })

  it.each([
    [{ role: 'read_only', userId: 'u1', partnerId: 'partner-acme' }, partner()],
    [{ role: 'ecosystem_manager', userId: 'm1', partnerId: null }, partner()],
    [sales, null],
    [sales, partner({ id: 'partner-globex' })],
  ] as const)('denies %j', (actor, p) => {
    const result = authorize({ actor, partner: p, permission: 'custdev.invite' })
    expect(!result.ok && result.error.code).toBe('PERMISSION_DENIED')
  })
})
