import { invitationMessageId } from '@partner-center/domain'
import type {
  AssociationType,
  InvitationStatus,
  NewInvitationBatchRow,
  NewInvitationRow,
} from '../schema/index'
import { demoCustomerId, demoEmail } from './demo-customers'
import { demoId, offsetFrom } from './demo-ids'
import { demoUserId } from './demo-partners'
import { demoPreregistrationId, type DemoPreregistrationSeedName } from './demo-preregistrations'

const TTL_DAYS = 7

/** A seeded invitation, for re-delivering demo emails and deriving their tokens. */
export interface DemoInvitation {
  /** `<pre-registration>-<n>`, e.g. `P02-1`; the HMAC input of its demo token. */
  seedName: string
  /** `demoId('invitation:<seedName>')`. */
  invitationId: string
  preregistrationSeedName: DemoPreregistrationSeedName
  preregistrationId: string
  status: InvitationStatus
  associationType: AssociationType
  /** True when a token row is seeded, so the link can be clicked (domain.md §10). */
  hasToken: boolean
  /** `demoId('invitation-token:<seedName>')`: the id of its seeded token row, when it has one. */
  tokenId: string | null
}

interface Spec {
  seedName: string
  prereg: DemoPreregistrationSeedName
  createdBy: string
  emailLocal: string
  type: AssociationType
  status: InvitationStatus
  /** Days from T of creation, first token issue and (when delivered) SMTP acceptance. */
  sentDays: number
  sentMinutes?: number
  /** False for the one invitation whose only attempt was refused by SMTP (no `sentAt`). */
  delivered?: boolean
  kind?: 'INVITE' | 'RESEND'
  extra?: (now: Date) => Partial<NewInvitationRow>
}

// domain.md §10.3. Every invitation had one delivery attempt, and R51 issues a token before the
// message is handed to SMTP, so each one has a token: each demonstrated link can be clicked.
const SPECS: readonly Spec[] = [
  {
    seedName: 'P02-1',
    prereg: 'P02',
    createdBy: 'sales@acme.example',
    emailLocal: 'new.beta',
    type: 'reseller',
    status: 'SUPERSEDED',
    sentDays: -3,
    extra: (now) => ({
      supersededById: demoId('invitation:P02-2'),
      updatedAt: offsetFrom(now, -1),
    }),
  },
  {
    seedName: 'P02-2',
    prereg: 'P02',
    createdBy: 'sales@acme.example',
    emailLocal: 'new.beta',
    type: 'reseller',
    status: 'SENT',
    sentDays: -1,
    kind: 'RESEND',
    extra: () => ({ supersedesId: demoId('invitation:P02-1') }),
  },
  {
    seedName: 'P03-1',
    prereg: 'P03',
    createdBy: 'admin@acme.example',
    emailLocal: 'fresh.eligible',
    type: 'referral',
    status: 'SENT',
    sentDays: 0,
    sentMinutes: -5,
  },
  {
    seedName: 'P04-1',
    prereg: 'P04',
    createdBy: 'am@acme.example',
    emailLocal: 'new.gamma',
    type: 'reseller',
    status: 'EXPIRED',
    sentDays: -8,
    extra: (now) => ({ updatedAt: offsetFrom(now, -1) }),
  },
  {
    seedName: 'P05-1',
    prereg: 'P05',
    createdBy: 'sales@acme.example',
    emailLocal: 'new.delta',
    type: 'reseller',
    status: 'ACCEPTED',
    sentDays: -5,
    extra: (now) => ({
      acceptedAt: offsetFrom(now, -4),
      acceptedCustomerAccountId: demoCustomerId('new.delta'),
      associationId: demoId('association:new.delta'),
      updatedAt: offsetFrom(now, -4),
    }),
  },
  {
    seedName: 'P11-1',
    prereg: 'P11',
    createdBy: 'sales@acme.example',
    emailLocal: 'unpaid.bills',
    type: 'referral',
    status: 'ASSOCIATION_FAILED',
    sentDays: -2,
    extra: (now) => ({
      failureCode: 'UNPAID_BILLS',
      failedAt: offsetFrom(now, -1),
      failedCustomerAccountId: demoCustomerId('unpaid.bills'),
      updatedAt: offsetFrom(now, -1),
    }),
  },
  {
    seedName: 'P12-1',
    prereg: 'P12',
    createdBy: 'admin@acme.example',
    emailLocal: 'reserved.instances',
    type: 'reseller',
    status: 'SENT',
    sentDays: -2,
  },
  {
    seedName: 'P13-1',
    prereg: 'P13',
    createdBy: 'am@acme.example',
    emailLocal: 'new.zeta',
    type: 'reseller',
    status: 'FAILED_TO_SEND',
    sentDays: -1,
    delivered: false,
    extra: () => ({ failureCode: 'DELIVERY_FAILED' }),
  },
  {
    seedName: 'P14-1',
    prereg: 'P14',
    createdBy: 'sales@acme.example',
    emailLocal: 'withdrawn.co',
    type: 'reseller',
    status: 'REVOKED',
    sentDays: -3,
    extra: (now) => ({ updatedAt: offsetFrom(now, -1) }),
  },
  {
    seedName: 'P15-1',
    prereg: 'P15',
    createdBy: 'sales@acme.example',
    emailLocal: 'new.eta',
    type: 'reseller',
    status: 'ACCEPTED',
    sentDays: -3,
    extra: (now) => ({
      acceptedAt: offsetFrom(now, -2),
      acceptedCustomerAccountId: demoCustomerId('new.eta'),
      associationId: demoId('association:new.eta'),
      updatedAt: offsetFrom(now, -2),
    }),
  },
  {
    seedName: 'P16-1',
    prereg: 'P16',
    createdBy: 'admin@acme.example',
    emailLocal: 'iota.logistics',
    type: 'referral',
    status: 'ACCEPTED',
    sentDays: -2,
    extra: (now) => ({
      acceptedAt: offsetFrom(now, -1),
      acceptedCustomerAccountId: demoCustomerId('iota.logistics'),
      associationId: demoId('association:iota.logistics'),
      updatedAt: offsetFrom(now, -1),
    }),
  },
]

/** Every seeded invitation of domain.md §10.3, in creation order per pre-registration. */
export const DEMO_INVITATIONS: readonly DemoInvitation[] = SPECS.map((spec) => ({
  seedName: spec.seedName,
  invitationId: demoId(`invitation:${spec.seedName}`),
  preregistrationSeedName: spec.prereg,
  preregistrationId: demoPreregistrationId(spec.prereg),
  status: spec.status,
  associationType: spec.type,
  hasToken: true,
  tokenId: demoId(`invitation-token:${spec.seedName}`),
}))

function sentAtOf(spec: Spec, now: Date): Date {
  return offsetFrom(now, spec.sentDays, spec.sentMinutes ?? 0)
}

/** One single-row batch per seeded invitation (the batch that created it, §3.6). */
export function buildInvitationBatchRows(now: Date): NewInvitationBatchRow[] {
  return SPECS.map((spec) => ({
    id: demoId(`invitation-batch:${spec.seedName}`),
    partnerId: demoId('partner:acme'),
    createdByUserId: demoUserId(spec.createdBy),
    kind: spec.kind ?? 'INVITE',
    associationType: spec.type,
    requestedCount: 1,
    queuedCount: 1,
    skippedCount: 0,
    results: [
      {
        preregistrationId: demoPreregistrationId(spec.prereg),
        outcome: 'QUEUED',
        invitationId: demoId(`invitation:${spec.seedName}`),
      },
    ],
    createdAt: sentAtOf(spec, now),
  }))
}

/** Invitation rows as of `now`; `Message-ID` per domain.md §3.5 on `mailDomain`. */
export function buildInvitationRows(now: Date, mailDomain: string): NewInvitationRow[] {
  return SPECS.map((spec) => {
    const id = demoId(`invitation:${spec.seedName}`)
    const sentAt = sentAtOf(spec, now)
    const email = demoEmail(spec.emailLocal)
    return {
      id,
      partnerId: demoId('partner:acme'),
      preregistrationId: demoPreregistrationId(spec.prereg),
      batchId: demoId(`invitation-batch:${spec.seedName}`),
      createdByUserId: demoUserId(spec.createdBy),
      channel: 'email',
      associationType: spec.type,
      recipientEmail: email,
      recipientEmailCanonical: email,
      locale: 'en',
      status: spec.status,
      expiresAt: offsetFrom(sentAt, TTL_DAYS),
      sentAt: spec.delivered === false ? null : sentAt,
      attemptCount: 1,
      lastAttemptAt: sentAt,
      messageId: invitationMessageId(id, mailDomain),
      createdAt: sentAt,
      updatedAt: sentAt,
      ...spec.extra?.(now),
    }
  })
}

/** The issue instant of each seeded invitation's single token, keyed by seed name. */
export function tokenIssuedAt(now: Date): Map<string, Date> {
  return new Map(SPECS.map((spec) => [spec.seedName, sentAtOf(spec, now)]))
}
