import {
  ASSOCIATION_TYPES,
  BATCH_KINDS,
  BATCH_ROW_OUTCOMES,
  PREVIEW_EMAIL_KINDS,
} from '@partner-center/domain'
import { z } from './zod'
import { Instant, LocaleSchema, Uuid } from './common'

/** Association types (domain.md §3.7), lower case. */
export const AssociationTypeSchema = z.enum(ASSOCIATION_TYPES).meta({ id: 'AssociationType' })
export type AssociationTypeValue = z.infer<typeof AssociationTypeSchema>

/** The optional `Idempotency-Key` header of invite and resend (R43): 1–255 visible ASCII. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'Expected 1–255 visible ASCII characters')
    .optional(),
})

/**
 * `POST /api/v1/customer-development/invitations` body (R36). The list is deliberately not capped
 * by the schema: more than 100 ids answer `BATCH_TOO_LARGE`, not `VALIDATION_FAILED`.
 */
export const SendInvitationsRequest = z
  .strictObject({
    preregistrationIds: z.array(Uuid).min(1),
    associationType: AssociationTypeSchema.optional(),
  })
  .meta({ id: 'SendInvitationsRequest' })
export type SendInvitationsRequest = z.infer<typeof SendInvitationsRequest>

/** One row of a batch answer (R42), in request order. */
export const InvitationBatchResult = z
  .object({
    preregistrationId: Uuid,
    /** The pre-registration's external reference (R122), when it was found. */
    externalRef: z.string().nullable().optional(),
    outcome: z.enum(BATCH_ROW_OUTCOMES),
    invitationId: Uuid.optional(),
    code: z.string().optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
  })
  .meta({ id: 'InvitationBatchResult' })
export type InvitationBatchResult = z.infer<typeof InvitationBatchResult>

/** 202 answer of invite and resend (R42, R45). */
export const InvitationBatchResponse = z
  .object({
    batchId: Uuid,
    associationType: AssociationTypeSchema,
    requested: z.number().int(),
    queued: z.number().int(),
    skipped: z.number().int(),
    results: z.array(InvitationBatchResult),
  })
  .meta({ id: 'InvitationBatchResponse' })
export type InvitationBatchResponse = z.infer<typeof InvitationBatchResponse>

/** `GET …/invitation-batches/{id}`: delivery progress of a batch (R49). */
export const InvitationBatchProgress = z
  .object({
    batchId: Uuid,
    kind: z.enum(BATCH_KINDS),
    associationType: AssociationTypeSchema,
    createdAt: Instant,
    requested: z.number().int(),
    queued: z.number().int(),
    skipped: z.number().int(),
    results: z.array(InvitationBatchResult),
    total: z.number().int(),
    pending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    done: z.boolean(),
  })
  .meta({ id: 'InvitationBatchProgress' })
export type InvitationBatchProgress = z.infer<typeof InvitationBatchProgress>

/** Which email a preview renders (R119): the invitation (default) or its reminder. */
export const PreviewEmailKindSchema = z.enum(PREVIEW_EMAIL_KINDS).meta({ id: 'PreviewEmailKind' })
export type PreviewEmailKind = z.infer<typeof PreviewEmailKindSchema>

/** `POST …/invitations/preview` body (R48, R119). */
export const PreviewInvitationRequest = z
  .strictObject({
    associationType: AssociationTypeSchema,
    locale: LocaleSchema,
    preregistrationId: Uuid.optional(),
    /** Default `invitation`; `reminder` renders the reminder email of §12.7.2. */
    kind: PreviewEmailKindSchema.optional(),
  })
  .meta({ id: 'PreviewInvitationRequest' })
export type PreviewInvitationRequest = z.infer<typeof PreviewInvitationRequest>

/** The rendered email of a preview: customer data masked, link a placeholder (R48). */
export const PreviewInvitationResponse = z
  .object({ subject: z.string(), html: z.string(), text: z.string() })
  .meta({ id: 'PreviewInvitationResponse' })
export type PreviewInvitationResponse = z.infer<typeof PreviewInvitationResponse>
