import {
  DEFAULT_LIMITS,
  INVITATION_CHANNELS,
  INVITATION_LINK_STATUSES,
} from '@partner-center/domain'
import { z } from './zod'
import { Instant, PageQuery, Uuid, pageOf } from './common'
import { AssociationTypeSchema } from './invitations'
import { RevealColumn, commaList } from './preregistrations'

// The partner side of offline invitations (domain.md §12.2.4, R90–R99): the general link, custom
// links, and the customers who associated through them. The raw link code and the link's URL
// appear only in `url` of the general link's answer and of `…/{id}/url` (R97, R99).

/** Effective status of an invitation link (domain.md §12.3.1). */
export const InvitationLinkStatusSchema = z
  .enum(INVITATION_LINK_STATUSES)
  .meta({ id: 'InvitationLinkStatus' })
export type InvitationLinkStatusValue = z.infer<typeof InvitationLinkStatusSchema>

/** Channels of a link association row (§12.2.3): which kind of link it came through. */
export const LinkChannelSchema = z
  .enum(INVITATION_CHANNELS)
  .exclude(['email'])
  .meta({ id: 'LinkChannel' })
export type LinkChannelValue = z.infer<typeof LinkChannelSchema>

/**
 * `POST …/invitation-links/general` and `…/general/reset` answer (R91, R92): the caller's
 * `ACTIVE` general link with its full `url` (`{PUBLIC_BASE_URL}/join#{code}`) for Copy and QR.
 */
export const GeneralInvitationLink = z
  .object({
    id: Uuid,
    /** The owner's account name (§12.1). */
    tag: z.string(),
    associationType: AssociationTypeSchema,
    createdAt: Instant,
    registrationCount: z.number().int().min(0),
    associationCount: z.number().int().min(0),
    url: z.string(),
  })
  .meta({ id: 'GeneralInvitationLink' })
export type GeneralInvitationLink = z.infer<typeof GeneralInvitationLink>

/**
 * `GET …/invitation-links` query (R95): paging of R35, effective statuses (comma-separated) and
 * `q`, a substring of the tag key, 1–32 characters after NFKC and trimming.
 */
export const InvitationLinkListQuery = z.strictObject({
  ...PageQuery.shape,
  q: z
    .string()
    .max(200)
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .min(1)
        .refine((value) => Array.from(value).length <= DEFAULT_LIMITS.LINK_TAG_MAX, {
          message: `Expected at most ${DEFAULT_LIMITS.LINK_TAG_MAX} characters`,
        })
    )
    .optional(),
  status: commaList(InvitationLinkStatusSchema).optional(),
})
/** The links query as a client sends it (the status list comma-separated). */
export interface InvitationLinkListQueryInput {
  page?: number
  pageSize?: number
  q?: string
  status?: string
}

/** Whether the caller may take one action on a link now, and why not (R95). */
export const LinkActionCheck = z
  .object({ allowed: z.boolean(), code: z.string().optional() })
  .meta({ id: 'LinkActionCheck' })
export type LinkActionCheck = z.infer<typeof LinkActionCheck>

/** One custom link as listed (R95); it carries no link code and no URL. */
export const InvitationLinkItem = z
  .object({
    id: Uuid,
    tag: z.string(),
    associationType: AssociationTypeSchema,
    /** "Created By": the creator's display name, unmasked (M10). */
    createdBy: z.object({ id: Uuid, displayName: z.string() }),
    createdAt: Instant,
    /** Activity links only; null: "Never" / "长期有效". */
    expiresAt: Instant.nullable(),
    registrationCount: z.number().int().min(0),
    associationCount: z.number().int().min(0),
    /** The effective status at the request's instant. */
    status: InvitationLinkStatusSchema,
    actions: z.object({ copy: LinkActionCheck, disable: LinkActionCheck, enable: LinkActionCheck }),
  })
  .meta({ id: 'InvitationLinkItem' })
export type InvitationLinkItem = z.infer<typeof InvitationLinkItem>

/** A page of custom links. */
export const InvitationLinkPage = pageOf(InvitationLinkItem).meta({ id: 'InvitationLinkPage' })
export type InvitationLinkPage = z.infer<typeof InvitationLinkPage>

/**
 * `POST …/invitation-links` body (R93). `tag` is checked by the rule, not the schema (an empty or
 * too long tag is `LINK_TAG_INVALID`); `expiresInDays` makes an activity link.
 */
export const CreateInvitationLinkRequest = z
  .strictObject({
    tag: z.string().max(1000),
    associationType: AssociationTypeSchema.optional(),
    expiresInDays: z
      .number()
      .int()
      .min(DEFAULT_LIMITS.ACTIVITY_LINK_MIN_DAYS)
      .max(DEFAULT_LIMITS.ACTIVITY_LINK_MAX_DAYS)
      .optional(),
  })
  .meta({ id: 'CreateInvitationLinkRequest' })
export type CreateInvitationLinkRequest = z.infer<typeof CreateInvitationLinkRequest>

/** `GET …/invitation-links/{id}/url` answer (R97), sent with `Cache-Control: no-store`. */
export const InvitationLinkUrl = z.object({ url: z.string() }).meta({ id: 'InvitationLinkUrl' })
export type InvitationLinkUrl = z.infer<typeof InvitationLinkUrl>

/** `GET …/link-associations` query (R98): paging and search of R35, reveal of M6. */
export const LinkAssociationListQuery = z.strictObject({
  ...PageQuery.shape,
  q: z.string().trim().min(2).max(100).optional(),
  reveal: commaList(RevealColumn).optional(),
})
/** The link associations query as a client sends it (`reveal` comma-separated). */
export interface LinkAssociationListQueryInput {
  page?: number
  pageSize?: number
  q?: string
  reveal?: string
}

/** One customer associated through a link (R98); masked unless revealed (M1–M3). */
export const LinkAssociationItem = z
  .object({
    /** The `ACCEPTED` link invitation row. */
    id: Uuid,
    customerName: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    /** The account's display name, masked like a name unless `reveal=name`. */
    accountName: z.string().nullable(),
    linkId: Uuid,
    linkTag: z.string(),
    channel: LinkChannelSchema,
    associationType: AssociationTypeSchema,
    associatedAt: Instant,
  })
  .meta({ id: 'LinkAssociationItem' })
export type LinkAssociationItem = z.infer<typeof LinkAssociationItem>

/** A page of link associations. */
export const LinkAssociationPage = pageOf(LinkAssociationItem).meta({ id: 'LinkAssociationPage' })
export type LinkAssociationPage = z.infer<typeof LinkAssociationPage>
