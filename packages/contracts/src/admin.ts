import { REVIEW_DECISIONS } from '@partner-center/domain'
import { z } from './zod'
import { Instant, PageQuery, Uuid, pageOf } from './common'
import { PartnerCapabilities, PartnerProfile } from './auth'
import { AssociationTypeSchema } from './invitations'

/** A partner as the ecosystem manager sees it: contacts and capabilities (domain.md §2.2, §3.1). */
export const AdminPartner = z
  .object({ ...PartnerProfile.shape, ...PartnerCapabilities.shape, updatedAt: Instant })
  .meta({ id: 'AdminPartner' })
export type AdminPartner = z.infer<typeof AdminPartner>

/**
 * The partner's `ACTIVE` associations counted by the channel of their invitation (R112);
 * imported ones count under none.
 */
export const AssociationsBySource = z
  .object({
    email: z.number().int().min(0),
    general_link: z.number().int().min(0),
    custom_link: z.number().int().min(0),
  })
  .meta({ id: 'AssociationsBySource' })
export type AssociationsBySource = z.infer<typeof AssociationsBySource>

/** One partner of the ecosystem manager's list (S13): the partner and its associations per source. */
export const AdminPartnerListItem = AdminPartner.extend({
  associationsBySource: AssociationsBySource,
}).meta({ id: 'AdminPartnerListItem' })
export type AdminPartnerListItem = z.infer<typeof AdminPartnerListItem>

/** `GET /api/v1/admin/partners`. */
export const AdminPartnerList = z
  .object({ items: z.array(AdminPartnerListItem) })
  .meta({ id: 'AdminPartnerList' })
export type AdminPartnerList = z.infer<typeof AdminPartnerList>

/**
 * `PATCH /api/v1/admin/partners/{id}` body (R9): any non-empty subset. Contacts are checked by
 * the domain's email and mobile rules (R14, R15) and must be header-safe (R55); the ecosystem
 * manager's name is 1–100 characters without control characters. `null` or `''` clears a contact.
 */
export const UpdatePartnerRequest = z
  .strictObject({
    customerDevelopmentEnabled: z.boolean().optional(),
    referralModelEnabled: z.boolean().optional(),
    isPrepaid: z.boolean().optional(),
    preregistrationQuota: z.number().int().min(0).max(10_000).optional(),
    dailyInviteCap: z.number().int().min(0).max(100_000).optional(),
    contactEmail: z.string().max(254).nullable().optional(),
    contactMobile: z.string().max(40).nullable().optional(),
    ecosystemManagerName: z.string().max(200).nullable().optional(),
    ecosystemManagerEmail: z.string().max(254).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'At least one field is required' })
  .meta({ id: 'UpdatePartnerRequest' })
export type UpdatePartnerRequest = z.infer<typeof UpdatePartnerRequest>

/** `GET /api/v1/admin/preregistrations` query: the manual review queue (R31). */
export const AdminPreregistrationQuery = z.strictObject({
  ...PageQuery.shape,
  status: z.literal('PENDING_REVIEW').default('PENDING_REVIEW'),
})

/** One pre-registration waiting for review; customer data masked (§7). */
export const AdminPreregistrationItem = z
  .object({
    id: Uuid,
    partner: z.object({ id: Uuid, name: z.string() }),
    customerName: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    status: z.string(),
    reviewReason: z.string().nullable(),
    reviewDeadline: Instant.nullable(),
    reviewNote: z.string().nullable(),
    validUntil: Instant.nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'AdminPreregistrationItem' })
export type AdminPreregistrationItem = z.infer<typeof AdminPreregistrationItem>

/** A page of the review queue. */
export const AdminPreregistrationPage = pageOf(AdminPreregistrationItem).meta({
  id: 'AdminPreregistrationPage',
})

/** `POST /api/v1/admin/preregistrations/{id}/review` body (R31; a reject needs a 1–500 note). */
export const ReviewPreregistrationRequest = z
  .strictObject({
    decision: z.enum(REVIEW_DECISIONS),
    note: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'ReviewPreregistrationRequest' })
export type ReviewPreregistrationRequest = z.infer<typeof ReviewPreregistrationRequest>

/** One ACTIVE association of a customer identity that has more than one (issue 13). */
export const AdminDoubleAssociationEntry = z
  .object({
    id: Uuid,
    partner: z.object({ id: Uuid, name: z.string() }),
    customerAccountId: Uuid,
    /** True when the association's account was merged into the identity's earlier account. */
    mergedAccount: z.boolean(),
    type: AssociationTypeSchema,
    associatedAt: Instant.nullable(),
  })
  .meta({ id: 'AdminDoubleAssociationEntry' })

/**
 * A customer identity (its kept account, email masked §7) with two or more ACTIVE associations,
 * left by the identity data step: both stay ACTIVE until the ecosystem manager settles them.
 */
export const AdminDoubleAssociation = z
  .object({
    customerAccountId: Uuid,
    email: z.string(),
    associations: z.array(AdminDoubleAssociationEntry),
  })
  .meta({ id: 'AdminDoubleAssociation' })
export type AdminDoubleAssociation = z.infer<typeof AdminDoubleAssociation>

/** `GET /api/v1/admin/double-associations`. */
export const AdminDoubleAssociationList = z
  .object({ items: z.array(AdminDoubleAssociation) })
  .meta({ id: 'AdminDoubleAssociationList' })
export type AdminDoubleAssociationList = z.infer<typeof AdminDoubleAssociationList>
