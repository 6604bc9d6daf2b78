import type { FieldIssue, Result } from '../core/result'
import { err, ok } from '../core/result'
import { DEFAULT_LIMITS } from '../core/limits'
import { hasControlCharacter } from '../identity/control-characters'

// The tag of an invitation link and its key (domain.md §12, R94).

/**
 * The least number of code points of a tag after NFKC and trimming (R94: "at least 1"; §12.6
 * names no constant for it).
 *
 * @example
 * LINK_TAG_MIN // 1
 */
export const LINK_TAG_MIN = 1

/**
 * The most code points of a tag after NFKC and trimming (`LINK_TAG_MAX` of §12.6, R94). Code
 * points, not graphemes or UTF-16 units, as the document says: "北京展会" is 4, "🎉" is 1, and an
 * emoji made of several code points counts each of them.
 *
 * @example
 * LINK_TAG_MAX // 32
 */
export const LINK_TAG_MAX = DEFAULT_LIMITS.LINK_TAG_MAX

/**
 * The failure codes of the tag rule (§12.5).
 *
 * @example
 * const code: LinkTagFailureCode = 'LINK_TAG_TAKEN'
 */
export type LinkTagFailureCode = 'LINK_TAG_INVALID' | 'LINK_TAG_TAKEN'

/**
 * Why a tag is `LINK_TAG_INVALID`: nothing left after trimming, more than {@link LINK_TAG_MAX}
 * code points, or a format character (Unicode category Cf: zero-width space and joiners, soft
 * hyphen, bidirectional marks, a byte order mark inside the tag, tag characters).
 *
 * @example
 * const reason: LinkTagInvalidReason = 'TOO_LONG'
 */
export type LinkTagInvalidReason = 'EMPTY' | 'TOO_LONG' | 'FORMAT_CHARACTER'

/**
 * A failure of the tag rule: `VALIDATION_FAILED` with `details.fields` as the general input check
 * writes it (R4, reason `CONTROL_CHARACTER`), `LINK_TAG_INVALID` with its reason, or
 * `LINK_TAG_TAKEN`. Carries no tag text, so it never echoes input into a log.
 *
 * @example
 * const error: LinkTagError = { code: 'LINK_TAG_INVALID', details: { reason: 'EMPTY' } }
 */
export type LinkTagError =
  | { code: 'VALIDATION_FAILED'; details: { fields: FieldIssue[] } }
  | { code: 'LINK_TAG_INVALID'; details: { reason: LinkTagInvalidReason } }
  | { code: 'LINK_TAG_TAKEN' }

/**
 * An accepted tag: the text stored as `tag` (NFKC, trimmed) and its `tagKey`.
 *
 * @example
 * const checked: CheckedLinkTag = { tag: 'Spring Fair', key: 'spring fair' }
 */
export interface CheckedLinkTag {
  tag: string
  key: string
}

/**
 * What a custom tag must not clash with, per partner (R94): the tag keys of its links that are
 * not `RESET` (`DISABLED` and `EXPIRED` ones included: their tags stay taken), and the account
 * names of all its users, with or without a general link.
 *
 * @example
 * const namespace: LinkTagNamespace = {
 *   linkTagKeys: ['spring fair'],
 *   accountNames: ['admin@acme.example'],
 * }
 */
export interface LinkTagNamespace {
  linkTagKeys: Iterable<string>
  accountNames: Iterable<string>
}

const FORMAT = /\p{Cf}/u

/**
 * The tag key of §12.1 and R94: NFKC, trimming, `toLowerCase()`, then NFKC again. Equal keys
 * are the same tag. The same function gives a user's account name key, so general and custom
 * tags share one namespace.
 *
 * The document defines case folding as `toLowerCase()` (JavaScript has no full case folding),
 * and this follows it exactly, locale-independent. So it differs from Unicode full case folding
 * where folding and lowering part: "STRASSE" and "straße" are different keys (folding would map ß
 * to "ss"), and a capital sigma at the end of a word lowers to the final form ς, so "ΟΔΟΣ" and
 * "οδοσ" differ too. Width and compatibility forms do meet: "ＳＰＲＩＮＧ" and "spring" are one key.
 *
 * @example
 * linkTagKey('  Spring Fair ') // 'spring fair'
 * linkTagKey('ＡＤＭＩＮ@acme.example') // 'admin@acme.example'
 * linkTagKey('北京展会') // '北京展会'
 */
export function linkTagKey(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase().normalize('NFKC')
}

/**
 * Checks a custom link's tag as entered (R94; R93 runs it after the schema): a control character
 * (R4's list) is `VALIDATION_FAILED` with reason `CONTROL_CHARACTER` for field `tag`; then the
 * tag is NFKC-normalised and trimmed and must have 1–{@link LINK_TAG_MAX} code points and no
 * format character (Cf), else `LINK_TAG_INVALID` with the reason. On success, the tag to store
 * and its key. Whether the key is free is {@link checkLinkTagFree}, later in R93's order.
 *
 * Format characters are refused here although R4 allows them elsewhere: a zero-width character
 * would make two tags look alike with different keys. So an emoji joined by ZWJ is refused too.
 *
 * @example
 * checkLinkTag(' Spring Fair ') // ok({ tag: 'Spring Fair', key: 'spring fair' })
 * checkLinkTag('   ') // LINK_TAG_INVALID, reason EMPTY
 * checkLinkTag('Spring\u200bFair') // LINK_TAG_INVALID, reason FORMAT_CHARACTER
 * checkLinkTag('Spring\nFair') // VALIDATION_FAILED, fields [{ path: 'tag', reason: 'CONTROL_CHARACTER' }]
 */
export function checkLinkTag(tag: string): Result<CheckedLinkTag, LinkTagError> {
  if (hasControlCharacter(tag)) {
    // The shape of `validationFailed` (core/result.ts), whose type is tied to the catalogue.
    const fields = [{ path: 'tag', reason: 'CONTROL_CHARACTER' }]
    return err({ code: 'VALIDATION_FAILED', details: { fields } } as const)
  }
  const normalized = tag.normalize('NFKC').trim()
  const invalid = (reason: LinkTagInvalidReason) =>
    err({ code: 'LINK_TAG_INVALID', details: { reason } } as const)
  if (FORMAT.test(normalized)) return invalid('FORMAT_CHARACTER')
  const length = Array.from(normalized).length
  if (length < LINK_TAG_MIN) return invalid('EMPTY')
  if (length > LINK_TAG_MAX) return invalid('TOO_LONG')
  return ok({ tag: normalized, key: linkTagKey(normalized) })
}

/**
 * Whether a tag key is free in a partner's namespace (R94): not the key of one of its links that
 * are not `RESET`, nor the key of one of its users' account names. Otherwise `LINK_TAG_TAKEN`
 * (409). The caller runs it under R93's transaction lock on (partner, tag key).
 *
 * @example
 * const namespace = { linkTagKeys: ['spring fair'], accountNames: ['admin@acme.example'] }
 * checkLinkTagFree(linkTagKey('SPRING FAIR'), namespace) // { ok: false, error: { code: 'LINK_TAG_TAKEN' } }
 * checkLinkTagFree(linkTagKey('ａｄｍｉｎ@acme.example'), namespace) // LINK_TAG_TAKEN
 * checkLinkTagFree('autumn fair', namespace) // ok('autumn fair')
 */
export function checkLinkTagFree(
  key: string,
  namespace: LinkTagNamespace
): Result<string, LinkTagError> {
  const taken = err({ code: 'LINK_TAG_TAKEN' } as const)
  for (const linkKey of namespace.linkTagKeys) if (linkKey === key) return taken
  for (const accountName of namespace.accountNames) {
    if (linkTagKey(accountName) === key) return taken
  }
  return ok(key)
}
