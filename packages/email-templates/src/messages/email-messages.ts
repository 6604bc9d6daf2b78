/**
 * The shape every locale catalogue satisfies, so a missing key fails the typecheck. Strings use
 * `{name}` placeholders filled by `interpolate`; texts are domain.md §9.4–§9.6 verbatim.
 *
 * @example
 * export const en = { ... } satisfies EmailMessages
 */
export interface EmailMessages {
  typeNames: { reseller: string; referral: string }
  invitation: {
    subject: string
    heading: string
    greeting: string
    typeSentence: string
    /** The type's definition (domain.md §9.0), apart from its note. */
    typeExplanation: { reseller: string; referral: string }
    /** What follows the association (reseller: the freeze); '' when nothing. */
    typeNote: { reseller: string; referral: string }
    button: string
    /** Must contain `{link}` exactly once: the link itself is rendered as an anchor. */
    pasteLink: string
    expiry: string
    notExpecting: string
    footer: string
  }
  associationSuccess: {
    subject: string
    body: string
    extra: { reseller: string; referral: string }
  }
  renewalRequest: {
    subject: string
    body: string
  }
}
