/**
 * The emails `POST …/invitations/preview` can render (R48, R119): the invitation (the default)
 * and the reminder sent before it expires.
 *
 * @example
 * PREVIEW_EMAIL_KINDS // ['invitation', 'reminder']
 */
export const PREVIEW_EMAIL_KINDS = ['invitation', 'reminder'] as const

/**
 * One preview email kind.
 *
 * @example
 * const kind: PreviewEmailKind = 'reminder'
 */
export type PreviewEmailKind = (typeof PREVIEW_EMAIL_KINDS)[number]
