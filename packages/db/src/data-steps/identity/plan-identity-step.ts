import {
  appliesFrom,
  effectivePreregistrationStatus,
  PREREGISTRATION_EVENTS,
  preregistrationKeys,
} from '@partner-center/domain'
import { HOLDING_PREREGISTRATION_STATUSES } from '../../schema/values'
import {
  canonicalisesInvitation,
  canonicalisesPreregistration,
  lapsedEventOf,
  retiringEventOf,
} from './identity-events'
import type {
  CanonicalChange,
  CanonicalForms,
  IdentityPlan,
  IdentityRows,
  Merge,
  PreregistrationIdentityRow,
  RefusedValue,
} from './identity-rows'

type Table = RefusedValue['table']

/** Oldest first; the id breaks ties so the order never depends on how rows were read. */
function byAge<T extends { id: string; createdAt: Date }>(a: T, b: T): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Oldest first, a row whose keys meet a key of an earlier kept row is merged into that row; the
 * others are kept and claim their keys. Greedy by age, so the earliest claim on an identity wins
 * even when a newer row links two older ones.
 */
function mergeByKeys<T extends { id: string; createdAt: Date }>(
  rows: readonly T[],
  keysOf: (row: T) => readonly string[]
): { kept: T[]; merged: Merge<T>[] } {
  const owner = new Map<string, T>()
  const kept: T[] = []
  const merged: Merge<T>[] = []
  for (const row of [...rows].sort(byAge)) {
    const keys = keysOf(row)
    const earlier = keys.map((key) => owner.get(key)).find((found) => found !== undefined)
    if (earlier !== undefined) {
      merged.push({ row, kept: earlier })
      continue
    }
    kept.push(row)
    for (const key of keys) owner.set(key, row)
  }
  return { kept, merged }
}

/** Re-canonicalises stored values, collecting the ones the current rules refuse. */
function canonicaliser(forms: CanonicalForms, refused: RefusedValue[]) {
  const isMerged = (value: string | null) => value?.startsWith('merged:') === true
  return {
    email(table: Table, id: string, raw: string | null, stored: string | null): string | null {
      if (raw === null || isMerged(stored)) return stored
      const value = forms.email(raw)
      if (value === null) refused.push({ table, id, field: 'email' })
      return value ?? stored
    },
    mobile(table: Table, id: string, stored: string | null): string | null {
      if (stored === null || isMerged(stored)) return stored
      const value = forms.mobile(stored)
      if (value === null) refused.push({ table, id, field: 'mobile' })
      return value ?? stored
    },
  }
}

function isStoredHolding(row: PreregistrationIdentityRow): boolean {
  return (HOLDING_PREREGISTRATION_STATUSES as readonly string[]).includes(row.status)
}

/**
 * Decides every write of the identity data step from a snapshot of the rows, before writing
 * anything: the new canonical values, the merges (newer loses, oldest claim wins) and what they
 * retire. Pure: `now` and the canonical forms are parameters.
 */
export function planIdentityStep(
  rows: IdentityRows,
  forms: CanonicalForms,
  now: Date
): IdentityPlan {
  const refused: RefusedValue[] = []
  const canonical = canonicaliser(forms, refused)

  // Customer accounts: one identity per canonical email and per mobile.
  const accountValues = new Map(
    rows.customerAccounts.map((a) => [
      a.id,
      {
        emailCanonical: canonical.email('customer_accounts', a.id, a.email, a.emailCanonical),
        mobileE164: canonical.mobile('customer_accounts', a.id, a.mobileE164),
      },
    ])
  )
  const accounts = mergeByKeys(rows.customerAccounts, (a) => {
    const value = accountValues.get(a.id)
    if (!value || value.emailCanonical?.startsWith('merged:')) return []
    return preregistrationKeys({ ...value, customerAccountId: null })
  })
  const keptAccountOf = new Map(accounts.merged.map((m) => [m.row.id, m.kept.id]))

  // Users: one per canonical email.
  const userValues = new Map(
    rows.users.map((u) => [u.id, canonical.email('users', u.id, u.email, u.emailCanonical)])
  )
  const users = mergeByKeys(rows.users, (u) => {
    const value = userValues.get(u.id)
    return value && !value.startsWith('merged:') ? [value] : []
  })

  // Pre-registrations: new values, then the holding rows' collisions.
  const preregValues = new Map<string, CanonicalChange>(
    rows.preregistrations
      .filter((p) => canonicalisesPreregistration(p, now))
      .map((p) => [
        p.id,
        {
          emailCanonical: canonical.email('pre_registrations', p.id, p.email, p.emailCanonical),
          mobileE164: canonical.mobile('pre_registrations', p.id, p.mobileE164),
        },
      ])
  )
  const valuesOf = (p: PreregistrationIdentityRow) =>
    preregValues.get(p.id) ?? { emailCanonical: p.emailCanonical, mobileE164: p.mobileE164 }
  // The partial unique indexes cover stored-holding rows by their stored account id.
  const indexKeys = (p: PreregistrationIdentityRow) =>
    preregistrationKeys({ ...valuesOf(p), customerAccountId: p.customerAccountId })
  const storedHolding = rows.preregistrations.filter(isStoredHolding)
  const keyCount = new Map<string, number>()
  for (const p of storedHolding) {
    for (const key of indexKeys(p)) keyCount.set(key, (keyCount.get(key) ?? 0) + 1)
  }
  // P11 candidates, and the rows the clock closed (P7, P8) that still block an index.
  const holding = rows.preregistrations.filter((p) =>
    appliesFrom(PREREGISTRATION_EVENTS.IDENTITY_MERGED, effectivePreregistrationStatus(p, now))
  )
  const expired = storedHolding.filter(
    (p) =>
      lapsedEventOf(p, now) !== null && indexKeys(p).some((key) => (keyCount.get(key) ?? 0) > 1)
  )
  // Protection compares identities (R17): an account merged away counts as the kept one.
  const preregs = mergeByKeys(holding, (p) => {
    const account = p.customerAccountId
    return preregistrationKeys({
      ...valuesOf(p),
      customerAccountId: account === null ? null : (keptAccountOf.get(account) ?? account),
    })
  })
  const mergedPreregIds = new Set(preregs.merged.map((m) => m.row.id))

  const invitationChanges = new Map<string, string>()
  for (const i of rows.invitations) {
    if (!canonicalisesInvitation(i, now)) continue
    const value = canonical.email('invitations', i.id, i.recipientEmail, i.recipientEmailCanonical)
    if (value !== null && value !== i.recipientEmailCanonical) invitationChanges.set(i.id, value)
  }
  const retired = rows.invitations.filter(
    (i) =>
      i.preregistrationId !== null &&
      mergedPreregIds.has(i.preregistrationId) &&
      retiringEventOf(i, now) !== null
  )

  return {
    preregistrations: {
      changes: changedOnly(rows.preregistrations, preregValues),
      expired,
      merged: preregs.merged,
    },
    invitations: { changes: invitationChanges, retired },
    // Merged accounts and users take `merged:{id}` instead of their new canonical values.
    customerAccounts: {
      changes: changedOnly(accounts.kept, accountValues),
      merged: accounts.merged,
    },
    users: {
      changes: new Map(
        users.kept.flatMap((u) => {
          const value = userValues.get(u.id)
          return value && value !== u.emailCanonical ? [[u.id, value] as const] : []
        })
      ),
      merged: users.merged,
    },
    refused,
  }
}

function changedOnly<T extends { id: string } & CanonicalChange>(
  rows: readonly T[],
  values: ReadonlyMap<string, CanonicalChange>
): Map<string, CanonicalChange> {
  const changes = new Map<string, CanonicalChange>()
  for (const row of rows) {
    const value = values.get(row.id)
    if (!value) continue
    if (value.emailCanonical !== row.emailCanonical || value.mobileE164 !== row.mobileE164) {
      changes.set(row.id, value)
    }
  }
  return changes
}
