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
  /** The reminder before an invitation expires (domain.md §12.7.2): the invitation's layout. */
  reminder: EmailMessages['invitation']
  associationSuccess: {
    subject: string
    body: string
    extra: { reseller: string; referral: string }
  }
  renewalRequest: {
    subject: string
    body: string
  }
  /** The email code (domain.md §12.7.1); `intro` ends with `{code}`, shown on its own line. */
  emailCode: {
    subject: string
    intro: string
    expiry: string
    ignore: string
    footer: string
  }
  /** The "sign in instead" email to an address with an account (§12.7.1): no code. */
  emailCodeSignIn: {
    subject: string
    body: string
    ignore: string
    footer: string
  }
  /**
   * The endpoint disabled email (domain.md §13.9.1). `bodyWithoutDescription` is `body` for an
   * endpoint without a description (no empty brackets); `page` is the Webhooks page's name.
   */
  webhookEndpointDisabled: {
    subject: string
    body: string
    bodyWithoutDescription: string
    action: string
    page: string
    footer: string
  }
}
