import type { Database } from '@partner-center/db/portable'
import { customerAccounts } from '@partner-center/db/schema'
import {
  INVITATION_EVENTS,
  webhookTypeOf,
  type AssociationType,
  type FailureCode,
  type InvitationChannel,
  type Payer,
} from '@partner-center/domain'
import { eq } from 'drizzle-orm'
import { recordWebhookEvents } from './webhook-events'

// The events of an acceptance (domain.md §13.5): I8/I10 write `invitation.accepted` and A1
// `association.created`; I9/I11 `association.failed`. The customer is the actor; the payload
// carries no id for them (R125).
const CUSTOMER = { type: 'customer', id: null } as const

/** An invitation accepted with the association it created (I8 or I10, A1). */
export interface AcceptedInvitation {
  invitationId: string
  associationId: string
  channel: InvitationChannel
  linkId: string | null
  linkTag: string | null
  association: {
    customerAccountId: string
    type: AssociationType
    payer: Payer
    frozenPendingBudget: boolean
    associatedAt: Date
  }
  /** True for P9b: the link association created its pre-registration. */
  preregistrationCreated: boolean
}

/**
 * Writes `invitation.accepted` and `association.created` in the acceptance's transaction (R124),
 * after the invitation and the association are written. The account's display name is read here
 * and masked by the payload builder (M1).
 *
 * @example
 * await recordAcceptanceEvents(tx, { invitationId, associationId, channel: 'email', linkId: null, linkTag: null, association: planned, preregistrationCreated: false }, now)
 */
export async function recordAcceptanceEvents(
  tx: Database,
  accepted: AcceptedInvitation,
  now: Date
): Promise<void> {
  const { association } = accepted
  const [account] = await tx
    .select({ displayName: customerAccounts.displayName })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, association.customerAccountId))
  const link = { linkId: accepted.linkId, linkTag: accepted.linkTag }
  await recordWebhookEvents(tx, webhookTypeOf(INVITATION_EVENTS.ACCEPTED), {
    now,
    items: [
      {
        entityId: accepted.invitationId,
        actor: CUSTOMER,
        fields: { acceptedAt: now, channel: accepted.channel, ...link },
      },
    ],
  })
  await recordWebhookEvents(tx, 'association.created', {
    now,
    items: [
      {
        entityId: accepted.associationId,
        actor: CUSTOMER,
        fields: {
          associationType: association.type,
          payer: association.payer,
          source: accepted.channel,
          ...link,
          preregistrationCreated: accepted.preregistrationCreated,
          customerAccountId: association.customerAccountId,
          accountName: account?.displayName ?? null,
          frozenPendingBudget: association.frozenPendingBudget,
          associatedAt: association.associatedAt,
        },
      },
    ],
  })
}

/** An invitation whose acceptance failed an eligibility check and was recorded (I9 or I11). */
export interface FailedAssociation {
  invitationId: string
  failureCode: FailureCode
  associationType: AssociationType
  channel: InvitationChannel
  linkId: string | null
  linkTag: string | null
}

/**
 * Writes `association.failed` in the transaction that recorded the failure (R124). It never
 * carries the failed account's id (R35).
 *
 * @example
 * await recordAssociationFailedEvent(tx, { invitationId, failureCode: 'ALREADY_ASSOCIATED', associationType: 'referral', channel: 'email', linkId: null, linkTag: null }, now)
 */
export async function recordAssociationFailedEvent(
  tx: Database,
  failed: FailedAssociation,
  now: Date
): Promise<void> {
  await recordWebhookEvents(tx, webhookTypeOf(INVITATION_EVENTS.ASSOCIATION_FAILED), {
    now,
    items: [
      {
        entityId: failed.invitationId,
        actor: CUSTOMER,
        fields: {
          failureCode: failed.failureCode,
          failedAt: now,
          associationType: failed.associationType,
          source: failed.channel,
          linkId: failed.linkId,
          linkTag: failed.linkTag,
        },
      },
    ],
  })
}
