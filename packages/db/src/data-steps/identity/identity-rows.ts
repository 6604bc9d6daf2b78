// The rows the identity data step reads, as plain objects (camelCase), and what it decides.
import type { InvitationStatus, PreregistrationStatus } from '@partner-center/domain'

/** A pre-registration as the step reads it. */
export interface PreregistrationIdentityRow {
  id: string
  partnerId: string
  status: PreregistrationStatus
  email: string | null
  emailCanonical: string | null
  mobileE164: string | null
  customerAccountId: string | null
  validUntil: Date | null
  reviewDeadline: Date | null
  createdAt: Date
}

/** An invitation as the step reads it. */
export interface InvitationIdentityRow {
  id: string
  partnerId: string
  /** Null for a link row that converted no pre-registration (§12.2.3). */
  preregistrationId: string | null
  status: InvitationStatus
  recipientEmail: string
  recipientEmailCanonical: string
  expiresAt: Date | null
}

/** A customer account as the step reads it. */
export interface CustomerAccountIdentityRow {
  id: string
  email: string
  emailCanonical: string
  mobileE164: string | null
  createdAt: Date
}

/** A partner user (or the ecosystem manager) as the step reads it. */
export interface UserIdentityRow {
  id: string
  partnerId: string | null
  email: string
  emailCanonical: string
  createdAt: Date
}

/** All rows the step plans over. */
export interface IdentityRows {
  preregistrations: PreregistrationIdentityRow[]
  invitations: InvitationIdentityRow[]
  customerAccounts: CustomerAccountIdentityRow[]
  users: UserIdentityRow[]
}

/**
 * The canonical forms of the current rules, injected so the planner stays a pure function:
 * null when the current rules refuse a stored value (the row then keeps what it has).
 */
export interface CanonicalForms {
  email: (raw: string) => string | null
  mobile: (stored: string) => string | null
}

/** A stored value the current rules refuse; kept as it is and reported masked. */
export interface RefusedValue {
  table: 'pre_registrations' | 'invitations' | 'customer_accounts' | 'users'
  id: string
  field: 'email' | 'mobile'
}

/** A newer row of an identity merged into the earlier one it duplicates. */
export interface Merge<T> {
  row: T
  /** The earlier row that keeps the identity. */
  kept: T
}

/** New canonical values of one row (only rows where something changes are listed). */
export interface CanonicalChange {
  emailCanonical: string | null
  mobileE164: string | null
}

/** Everything the step will write, decided before any write. */
export interface IdentityPlan {
  preregistrations: {
    /** Final canonical values of the rows whose values change. */
    changes: Map<string, CanonicalChange>
    /** Stored-holding rows past their own clock whose keys now collide: written EXPIRED (P7, P8). */
    expired: PreregistrationIdentityRow[]
    /** Newer holding rows of an identity held earlier: EXPIRED with `IDENTITY_MERGED`. */
    merged: Merge<PreregistrationIdentityRow>[]
  }
  invitations: {
    changes: Map<string, string>
    /** Stored-live invitations of merged pre-registrations: REVOKED (or EXPIRED when past). */
    retired: InvitationIdentityRow[]
  }
  customerAccounts: {
    changes: Map<string, CanonicalChange>
    merged: Merge<CustomerAccountIdentityRow>[]
  }
  users: {
    changes: Map<string, string>
    merged: Merge<UserIdentityRow>[]
  }
  refused: RefusedValue[]
}
