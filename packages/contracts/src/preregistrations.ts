import {
  DELETION_OUTCOMES,
  DELETION_SKIP_CODES,
  PREREGISTRATION_SOURCES,
  PREREGISTRATION_STATUSES,
  REVEAL_COLUMNS,
} from '@partner-center/domain'
import { z } from './zod'
import { Instant, LocaleSchema, PageQuery, Uuid, pageOf } from './common'

/** Pre-registration statuses as listed (domain.md §4.1; `DELETED` rows are never listed). */
export const PreregistrationStatusSchema = z
  .enum(PREREGISTRATION_STATUSES)
  .exclude(['DELETED'])
  .meta({ id: 'PreregistrationStatus' })

/** Columns a caller may unmask with `?reveal=` (domain.md M6). */
export const RevealColumn = z.enum(REVEAL_COLUMNS)
export type RevealColumn = z.infer<typeof RevealColumn>

/** A comma-separated query value parsed into a non-empty list of `item`. */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(200)
    .transform((value) => value.split(',').filter((part) => part !== ''))
    .pipe(z.array(item).min(1))

/** `GET /api/v1/customer-development/preregistrations` query (domain.md R35, M6). */
export const PreregistrationListQuery = z.strictObject({
  ...PageQuery.shape,
  q: z.string().trim().min(2).max(100).optional(),
  status: commaList(PreregistrationStatusSchema).optional(),
  reveal: commaList(RevealColumn).optional(),
  /** Rows with exactly this external reference (R122; case-sensitive, not trimmed). */
  externalRef: z.string().min(1).max(256).optional(),
})
/** The list query as a client sends it (comma-separated lists as strings). */
export interface PreregistrationListQueryInput {
  page?: number
  pageSize?: number
  q?: string
  status?: string
  reveal?: string
  /** An exact external reference (R122). */
  externalRef?: string
}

/** Whether a row can be invited now, and why not (domain.md R40). */
export const InviteCheck = z
  .object({
    allowed: z.boolean(),
    code: z.string().optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
  })
  .meta({ id: 'InviteCheck' })
export type InviteCheck = z.infer<typeof InviteCheck>

/** One row of the customer list; contacts are masked unless revealed (domain.md §7). */
export const PreregistrationItem = z
  .object({
    id: Uuid,
    customerName: z.string(),
    /**
     * The display name of the customer's account once associated (`CONVERTED` with an `ACTIVE`
     * association), masked like a name unless `reveal=name`; null before (domain.md S5).
     */
    accountName: z.string().nullable(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    locale: LocaleSchema,
    /** The partner's own identifier of the customer (R122); not customer data, never masked. */
    externalRef: z.string().nullable(),
    source: z.enum(PREREGISTRATION_SOURCES),
    status: PreregistrationStatusSchema,
    createdAt: Instant,
    validUntil: Instant.nullable(),
    reviewReason: z.string().nullable(),
    reviewNote: z.string().nullable(),
    /** Why an EXPIRED row was closed early: `IDENTITY_MERGED` (a catalogue code), else null. */
    closedReason: z.string().nullable(),
    createdBy: z.object({ id: Uuid, displayName: z.string() }),
    latestInvitation: z
      .object({ id: Uuid, status: z.string(), sentAt: Instant.nullable(), createdAt: Instant })
      .nullable(),
    inviteCheck: InviteCheck,
  })
  .meta({ id: 'PreregistrationItem' })
export type PreregistrationItem = z.infer<typeof PreregistrationItem>

/** A page of the customer list. */
export const PreregistrationPage = pageOf(PreregistrationItem).meta({ id: 'PreregistrationPage' })
export type PreregistrationPage = z.infer<typeof PreregistrationPage>

/** `POST /api/v1/customer-development/preregistrations` body (domain.md R19; rules R14–R16 in the domain). */
export const CreatePreregistrationRequest = z
  .strictObject({
    customerName: z.string().max(1000),
    email: z.string().max(1000).nullable().optional(),
    mobile: z.string().max(100).nullable().optional(),
    locale: LocaleSchema.optional(),
    /** The partner's own identifier (R122): trimmed, 1–64 characters; absent or null for none. */
    externalRef: z.string().max(1000).nullable().optional(),
  })
  .meta({ id: 'CreatePreregistrationRequest' })
export type CreatePreregistrationRequest = z.infer<typeof CreatePreregistrationRequest>

/** `POST …/preregistrations/batch-delete` body (R33): 1–100 well-formed ids. */
export const BatchDeletePreregistrationsRequest = z
  .strictObject({ preregistrationIds: z.array(Uuid).min(1).max(100) })
  .meta({ id: 'BatchDeletePreregistrationsRequest' })
export type BatchDeletePreregistrationsRequest = z.infer<typeof BatchDeletePreregistrationsRequest>

/** The outcome of one id of a delete (R32, R33). */
export const DeletionResult = z
  .object({
    preregistrationId: Uuid,
    outcome: z.enum(DELETION_OUTCOMES),
    code: z.enum(DELETION_SKIP_CODES).optional(),
    revokedInvitationId: Uuid.nullable().optional(),
    /** The pre-registration's external reference (R122), when it was found. */
    externalRef: z.string().nullable().optional(),
  })
  .meta({ id: 'DeletionResult' })
export type DeletionResult = z.infer<typeof DeletionResult>

/** `DELETE …/preregistrations/{id}` answer. */
export const DeletePreregistrationResponse = DeletionResult
export type DeletePreregistrationResponse = DeletionResult

/** `POST …/preregistrations/batch-delete` answer: every distinct id with its outcome. */
export const BatchDeletePreregistrationsResponse = z
  .object({
    requested: z.number().int(),
    deleted: z.number().int(),
    skipped: z.number().int(),
    results: z.array(DeletionResult),
  })
  .meta({ id: 'BatchDeletePreregistrationsResponse' })
export type BatchDeletePreregistrationsResponse = z.infer<
  typeof BatchDeletePreregistrationsResponse
>
