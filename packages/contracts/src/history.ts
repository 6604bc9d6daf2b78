import { HISTORY_FILTERS, INVITATION_CHANNELS } from '@partner-center/domain'
import { z } from './zod'
import { Instant, PageQuery, Uuid, pageOf } from './common'
import { AssociationTypeSchema } from './invitations'
import { InviteCheck, RevealColumn, commaList } from './preregistrations'

/** Values of the History Records status filter (domain.md §4.2, S10). */
export const HistoryFilterSchema = z.enum(HISTORY_FILTERS).meta({ id: 'HistoryFilter' })

/** Invitation channels, History Records' "Source" (domain.md §12.2.3, R111). */
export const InvitationChannelSchema = z.enum(INVITATION_CHANNELS).meta({ id: 'InvitationChannel' })

/** `GET /api/v1/customer-development/history` query (R74, M6). */
export const HistoryQuery = z.strictObject({
  ...PageQuery.shape,
  q: z.string().trim().min(2).max(100).optional(),
  status: commaList(HistoryFilterSchema).optional(),
  /** R111: one or more of `email`, `general_link`, `custom_link`. */
  channel: commaList(InvitationChannelSchema).optional(),
  reveal: commaList(RevealColumn).optional(),
  /** Rows whose pre-registration has exactly this external reference (R122). */
  externalRef: z.string().min(1).max(256).optional(),
})
/** The history query as a client sends it (comma-separated lists as strings). */
export interface HistoryQueryInput {
  page?: number
  pageSize?: number
  q?: string
  status?: string
  /** Comma-separated channels (R111). */
  channel?: string
  reveal?: string
  /** An exact external reference (R122). */
  externalRef?: string
}

/** A failure code with its catalogue message and partner action in the request language. */
export const FailureInfo = z
  .object({ code: z.string(), message: z.string(), partnerAction: z.string().nullable() })
  .meta({ id: 'FailureInfo' })

/** One History Records row: one invitation (R74); customer data masked unless revealed. */
export const HistoryItem = z
  .object({
    id: Uuid,
    /** Null only for a link row that converted no pre-registration (I11, R109). */
    preregistrationId: Uuid.nullable(),
    /** The external reference of its pre-registration (R122); null when none. */
    externalRef: z.string().nullable(),
    /** How the row came about, "Source" (R111). */
    channel: InvitationChannelSchema,
    /** The link's tag at that instant, for link rows; null for email. */
    linkTag: z.string().nullable(),
    customerName: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    associationType: AssociationTypeSchema,
    invitedBy: z.object({ id: Uuid, displayName: z.string() }),
    createdAt: Instant,
    sentAt: Instant.nullable(),
    expiresAt: Instant.nullable(),
    acceptedAt: Instant.nullable(),
    attemptCount: z.number().int(),
    supersededById: Uuid.nullable(),
    status: z.string(),
    statusFilter: HistoryFilterSchema,
    statusLabel: z.string(),
    failure: FailureInfo.nullable(),
    renewalRequestedAt: Instant.nullable(),
    /** When SMTP first accepted the invitation's reminder (I12); null: none sent. */
    reminderSentAt: Instant.nullable(),
    /** The reminder's outbox row ended `FAILED`: "Reminder not delivered" (R118). */
    reminderFailed: z.boolean(),
    preregistrationDeleted: z.boolean(),
    resendCheck: InviteCheck,
  })
  .meta({ id: 'HistoryItem' })
export type HistoryItem = z.infer<typeof HistoryItem>

/** A page of History Records. */
export const HistoryPage = pageOf(HistoryItem).meta({ id: 'HistoryPage' })
export type HistoryPage = z.infer<typeof HistoryPage>
