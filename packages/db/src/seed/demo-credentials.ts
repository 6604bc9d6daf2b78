import { DEMO_CUSTOMER_ACCOUNTS } from './demo-customers'
import { DEMO_INVITATIONS } from './demo-invitations'
import { DEMO_USERS } from './demo-partners'

/** Ids of the seeded rows that open a door, by table (see {@link DEMO_CREDENTIAL_IDS}). */
export interface DemoCredentialIds {
  /** Demo users: partner staff and the ecosystem manager, all with `DEMO_PASSWORD`. */
  users: readonly string[]
  /** Demo customer accounts, all with `DEMO_PASSWORD`. */
  customerAccounts: readonly string[]
  /** Seeded invitation tokens, whose raw values derive from `SEED_TOKEN_SECRET`. */
  invitationTokens: readonly string[]
}

/**
 * The ids of every seeded row anyone could use to get in: the password is public and the
 * token secret has a public default. Seed ids are UUID v5 of fixed names in `SEED_NAMESPACE`,
 * so they are recomputed here from the seed's own lists and can never match a row created at
 * run time (random v4 ids). A production process disables these rows (issue 13).
 *
 * @example
 * DEMO_CREDENTIAL_IDS.users.includes(demoId('user:admin@acme.example')) // true
 */
export const DEMO_CREDENTIAL_IDS: DemoCredentialIds = {
  users: DEMO_USERS.map((user) => user.id),
  customerAccounts: DEMO_CUSTOMER_ACCOUNTS.map((account) => account.id),
  invitationTokens: DEMO_INVITATIONS.flatMap((invitation) =>
    invitation.tokenId ? [invitation.tokenId] : []
  ),
}
