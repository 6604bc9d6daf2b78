import type { Database } from '@partner-center/db'
import {
  accessTokens,
  associations,
  customerAccounts,
  invitationBatches,
  invitations,
  outbox,
  preRegistrations,
  users,
} from '@partner-center/db/schema'
import { demoId } from '@partner-center/db/seed'
import { createHash, randomBytes } from 'node:crypto'
import { T } from '../test-app'

// Rows as the code before issue 13 stored them: the domain of `x@ｃｕｓｔｏｍｅｒ.example` as NFC
// plus plain Punycode of the full-width label, mobiles with the UK trunk 0. These literals are
// what that code answered (HEAD's normalizeEmail / normalizeMobile), kept here because the
// current rules can no longer produce them.
export const OLD_CUSTOMER_DOMAIN = 'xn--oi7cexhrchg.example'
export const OLD_ACME_DOMAIN = 'xn--mi7ceg5a.example'

const day = (days: number) => new Date(T.getTime() + days * 86_400_000)
const ACME = demoId('partner:acme')
const GLOBEX = demoId('partner:globex')
const ACME_ADMIN = demoId('user:admin@acme.example')
const GLOBEX_ADMIN = demoId('user:admin@globex.example')

/** Passwords of the collision rows (the losing rows have their own). */
export const PASSWORDS = { keptUser: 'Kept-user-pw-1', lostUser: 'Lost-user-pw-2' } as const

/** Ids and raw session tokens of the seeded collisions. */
export interface Collisions {
  acme: string
  globex: string
  /** Globex, T−3 d, `cross@customer.example`: keeps the identity. */
  crossKept: string
  /** Acme, T−2 d, `cross@ｃｕｓｔｏｍｅｒ.example` with a SENT invitation: merged. */
  crossMerged: string
  crossInvitation: string
  /** Acme, T−4 d, `+442079460991`: keeps the number. */
  mobileKept: string
  /** Acme, T−1 d, `+4402079460991` with a QUEUED invitation and its pending email: merged. */
  mobileMerged: string
  mobileInvitation: string
  mobileOutbox: string
  /** Accounts: older `dupe@ｃｕｓｔｏｍｅｒ.example` (Globex ACTIVE) keeps; newer `dupe@customer.example` (Acme ACTIVE, signed in) merged. */
  accountKept: string
  accountMerged: string
  accountMergedToken: string
  accountMergedTokenId: string
  /** Accounts by mobile: older `+442079460992` keeps, newer `+4402079460992` merged. */
  mobileAccountKept: string
  mobileAccountMerged: string
  associationKept: string
  associationMerged: string
  /** Users: older Acme `twin@ａｃｍｅ.example` keeps; newer Globex `twin@acme.example` (signed in) merged. */
  userKept: string
  userMerged: string
  userMergedToken: string
  userMergedTokenId: string
}

function session(principal: { userId: string } | { customerAccountId: string }) {
  const token = randomBytes(32).toString('base64url')
  const id = crypto.randomUUID()
  const row = {
    id,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    principalKind: 'userId' in principal ? ('user' as const) : ('customer' as const),
    ...principal,
    createdAt: day(-0.1),
    lastUsedAt: T,
    expiresAt: day(0.3),
    maxExpiresAt: day(0.9),
  }
  return { token, id, row }
}

/**
 * Writes one of each collision of issue 13 into a seeded database, in the old canonical form.
 * `hash` is the app's password hasher.
 */
export async function seedCollisions(
  db: Database,
  hash: (password: string) => Promise<string>
): Promise<Collisions> {
  const id = () => crypto.randomUUID()
  const c = {
    acme: ACME,
    globex: GLOBEX,
    crossKept: id(),
    crossMerged: id(),
    crossInvitation: id(),
    mobileKept: id(),
    mobileMerged: id(),
    mobileInvitation: id(),
    mobileOutbox: id(),
    accountKept: id(),
    accountMerged: id(),
    mobileAccountKept: id(),
    mobileAccountMerged: id(),
    associationKept: id(),
    associationMerged: id(),
    userKept: id(),
    userMerged: id(),
  }
  const prereg = (
    rowId: string,
    partnerId: string,
    createdByUserId: string,
    createdDays: number,
    contact: { email: string | null; emailCanonical: string | null; mobileE164: string | null }
  ) => ({
    id: rowId,
    partnerId,
    createdByUserId,
    customerName: 'Collision Co',
    ...contact,
    locale: 'en' as const,
    status: 'PRE_REGISTERED' as const,
    validFrom: day(createdDays),
    validUntil: day(createdDays + 15),
    createdAt: day(createdDays),
    updatedAt: day(createdDays),
  })
  await db.insert(preRegistrations).values([
    prereg(c.crossKept, GLOBEX, GLOBEX_ADMIN, -3, {
      email: 'cross@customer.example',
      emailCanonical: 'cross@customer.example',
      mobileE164: null,
    }),
    prereg(c.crossMerged, ACME, ACME_ADMIN, -2, {
      email: 'cross@ｃｕｓｔｏｍｅｒ.example',
      emailCanonical: `cross@${OLD_CUSTOMER_DOMAIN}`,
      mobileE164: null,
    }),
    prereg(c.mobileKept, ACME, ACME_ADMIN, -4, {
      email: null,
      emailCanonical: null,
      mobileE164: '+442079460991',
    }),
    prereg(c.mobileMerged, ACME, ACME_ADMIN, -1, {
      email: 'mobile.co@customer.example',
      emailCanonical: 'mobile.co@customer.example',
      mobileE164: '+4402079460991',
    }),
  ])
  const batchId = id()
  await db.insert(invitationBatches).values({
    id: batchId,
    partnerId: ACME,
    createdByUserId: ACME_ADMIN,
    kind: 'INVITE',
    associationType: 'reseller',
    requestedCount: 2,
    queuedCount: 2,
    skippedCount: 0,
    results: [],
    createdAt: day(-1),
  })
  const invitation = (
    rowId: string,
    preregistrationId: string,
    email: string,
    canonical: string
  ) => ({
    id: rowId,
    partnerId: ACME,
    preregistrationId,
    batchId,
    createdByUserId: ACME_ADMIN,
    associationType: 'reseller' as const,
    recipientEmail: email,
    recipientEmailCanonical: canonical,
    locale: 'en' as const,
    messageId: `<invitation.${rowId}@partner-center.local>`,
  })
  await db.insert(invitations).values([
    {
      ...invitation(
        c.crossInvitation,
        c.crossMerged,
        'cross@ｃｕｓｔｏｍｅｒ.example',
        `cross@${OLD_CUSTOMER_DOMAIN}`
      ),
      status: 'SENT',
      sentAt: day(-2),
      expiresAt: day(5),
      attemptCount: 1,
      createdAt: day(-2),
      updatedAt: day(-2),
    },
    {
      ...invitation(
        c.mobileInvitation,
        c.mobileMerged,
        'mobile.co@customer.example',
        'mobile.co@customer.example'
      ),
      status: 'QUEUED',
      createdAt: day(-0.5),
      updatedAt: day(-0.5),
    },
  ])
  await db.insert(outbox).values({
    id: c.mobileOutbox,
    kind: 'INVITATION_EMAIL',
    aggregateId: c.mobileInvitation,
    payload: { invitationId: c.mobileInvitation },
    dedupeKey: `invitation:${c.mobileInvitation}:send`,
    status: 'PENDING',
    runAfter: day(1),
    createdAt: day(-0.5),
  })

  const account = async (
    rowId: string,
    email: string,
    emailCanonical: string,
    mobileE164: string | null,
    registeredDays: number,
    password: string
  ) => ({
    id: rowId,
    email,
    emailCanonical,
    mobileE164,
    displayName: 'Dupe Customer',
    passwordHash: await hash(password),
    registeredAt: day(registeredDays),
    registeredVia: 'SELF' as const,
    createdAt: day(registeredDays),
    updatedAt: day(registeredDays),
  })
  await db
    .insert(customerAccounts)
    .values([
      await account(
        c.accountKept,
        'dupe@ｃｕｓｔｏｍｅｒ.example',
        `dupe@${OLD_CUSTOMER_DOMAIN}`,
        null,
        -20,
        PASSWORDS.keptUser
      ),
      await account(
        c.accountMerged,
        'dupe@customer.example',
        'dupe@customer.example',
        null,
        -10,
        PASSWORDS.lostUser
      ),
      await account(
        c.mobileAccountKept,
        'mob.one@customer.example',
        'mob.one@customer.example',
        '+442079460992',
        -20,
        PASSWORDS.keptUser
      ),
      await account(
        c.mobileAccountMerged,
        'mob.two@customer.example',
        'mob.two@customer.example',
        '+4402079460992',
        -5,
        PASSWORDS.lostUser
      ),
    ])
  const association = (
    rowId: string,
    partnerId: string,
    customerAccountId: string,
    days: number
  ) => ({
    id: rowId,
    partnerId,
    customerAccountId,
    type: 'referral' as const,
    payer: 'PLATFORM' as const,
    status: 'ACTIVE' as const,
    origin: 'IMPORTED' as const,
    associatedAt: day(days),
    createdAt: day(days),
    updatedAt: day(days),
  })
  await db
    .insert(associations)
    .values([
      association(c.associationKept, GLOBEX, c.accountKept, -15),
      association(c.associationMerged, ACME, c.accountMerged, -8),
    ])

  await db.insert(users).values([
    {
      id: c.userKept,
      partnerId: ACME,
      email: 'twin@ａｃｍｅ.example',
      emailCanonical: `twin@${OLD_ACME_DOMAIN}`,
      displayName: 'Twin Kept',
      role: 'sales',
      passwordHash: await hash(PASSWORDS.keptUser),
      createdAt: day(-30),
      updatedAt: day(-30),
    },
    {
      id: c.userMerged,
      partnerId: GLOBEX,
      email: 'twin@acme.example',
      emailCanonical: 'twin@acme.example',
      displayName: 'Twin Merged',
      role: 'admin',
      passwordHash: await hash(PASSWORDS.lostUser),
      createdAt: day(-1),
      updatedAt: day(-1),
    },
  ])
  const userSession = session({ userId: c.userMerged })
  const accountSession = session({ customerAccountId: c.accountMerged })
  await db.insert(accessTokens).values([userSession.row, accountSession.row])
  return {
    ...c,
    userMergedToken: userSession.token,
    userMergedTokenId: userSession.id,
    accountMergedToken: accountSession.token,
    accountMergedTokenId: accountSession.id,
  }
}
