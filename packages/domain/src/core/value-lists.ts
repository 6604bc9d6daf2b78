// Value lists of requests and answers that are not states (those are in statuses.ts). The
// contracts build their enums from these, and the database its CHECK constraints, so a value is
// added in one place.

/**
 * Origins of a pre-registration row (§3.4): made in the Partner Center, imported, or created
 * converted by a link association (P9b).
 *
 * @example
 * PREREGISTRATION_SOURCES // ['PARTNER_CENTER', 'IMPORTED']
 */
export const PREREGISTRATION_SOURCES = ['PARTNER_CENTER', 'IMPORTED', 'LINK'] as const

/**
 * One pre-registration source.
 *
 * @example
 * const source: PreregistrationSource = 'IMPORTED'
 */
export type PreregistrationSource = (typeof PREREGISTRATION_SOURCES)[number]

/**
 * The outcome of one row of an invite or resend batch (§3.6, R42).
 *
 * @example
 * BATCH_ROW_OUTCOMES // ['QUEUED', 'SKIPPED']
 */
export const BATCH_ROW_OUTCOMES = ['QUEUED', 'SKIPPED'] as const

/**
 * One batch row outcome (the row itself is `BatchRowOutcome` of decide-invitation-batch).
 *
 * @example
 * const outcome: BatchRowOutcomeValue = 'SKIPPED'
 */
export type BatchRowOutcomeValue = (typeof BATCH_ROW_OUTCOMES)[number]

/**
 * The outcome of one id of a delete (R32, R33).
 *
 * @example
 * DELETION_OUTCOMES // ['DELETED', 'SKIPPED']
 */
export const DELETION_OUTCOMES = ['DELETED', 'SKIPPED'] as const

/**
 * Why a delete skipped an id (R32, R33): failure catalogue codes.
 *
 * @example
 * DELETION_SKIP_CODES.includes('PREREGISTRATION_NOT_DELETABLE') // true
 */
export const DELETION_SKIP_CODES = ['NOT_FOUND', 'PREREGISTRATION_NOT_DELETABLE'] as const

/**
 * The ecosystem manager's decisions on a manual review (R31).
 *
 * @example
 * REVIEW_DECISIONS // ['approve', 'reject']
 */
export const REVIEW_DECISIONS = ['approve', 'reject'] as const

/**
 * One review decision.
 *
 * @example
 * const decision: ReviewDecision = 'reject'
 */
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/**
 * The customer columns a list can unmask with `?reveal=` (M6, §7).
 *
 * @example
 * REVEAL_COLUMNS // ['name', 'email', 'mobile']
 */
export const REVEAL_COLUMNS = ['name', 'email', 'mobile'] as const

/**
 * One revealable column.
 *
 * @example
 * const column: RevealColumnName = 'email'
 */
export type RevealColumnName = (typeof REVEAL_COLUMNS)[number]

/**
 * How an invitation row came about (§3.5, §12.2.3): an email invitation, or an association
 * through a user's general link or a custom link. History Records calls it "Source" (R111).
 *
 * @example
 * INVITATION_CHANNELS // ['email', 'general_link', 'custom_link']
 */
export const INVITATION_CHANNELS = ['email', 'general_link', 'custom_link'] as const

/**
 * One invitation channel.
 *
 * @example
 * const channel: InvitationChannel = 'custom_link'
 */
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number]

/**
 * Why a pending link registration exists (§12.2.2): a new account through a link, or a
 * signed-in customer proving their email (R105).
 *
 * @example
 * PENDING_LINK_REGISTRATION_PURPOSES // ['REGISTER', 'VERIFY']
 */
export const PENDING_LINK_REGISTRATION_PURPOSES = ['REGISTER', 'VERIFY'] as const

/**
 * One pending link registration purpose.
 *
 * @example
 * const purpose: PendingRegistrationPurpose = 'VERIFY'
 */
export type PendingRegistrationPurpose = (typeof PENDING_LINK_REGISTRATION_PURPOSES)[number]

/**
 * Which outbox kind issued an invitation token (§12.2.3, R117): the invitation email or its
 * reminder. Every token of an invitation opens the same invitation.
 *
 * @example
 * INVITATION_TOKEN_PURPOSES // ['SEND', 'REMINDER']
 */
export const INVITATION_TOKEN_PURPOSES = ['SEND', 'REMINDER'] as const

/**
 * One invitation token purpose.
 *
 * @example
 * const purpose: InvitationTokenPurpose = 'REMINDER'
 */
export type InvitationTokenPurpose = (typeof INVITATION_TOKEN_PURPOSES)[number]
