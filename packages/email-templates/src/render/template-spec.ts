import type { Component } from 'vue'
import type { Locale } from '../types.js'

/**
 * The per-recipient strings of one email, by slot name (e.g. `partner`, `link`, `expires`).
 *
 * @example
 * const slots: SlotValues = { maskedEmail: 'n***@customer.example', reason: 'Expired.' }
 */
export type SlotValues = Readonly<Record<string, string>>

/**
 * What one email looks like before rendering: the subject and the props of its component.
 *
 * @example
 * const view: EmailView = { subject: 'Hi', props: { lang: 'en', subject: 'Hi', body: '…' } }
 */
export interface EmailView {
  subject: string
  props: Readonly<Record<string, string>>
}

/**
 * How one template turns props into strings. The split matters for the fast path: `prepare` does
 * all validation and formatting and yields plain strings (slots), and `view` only places them
 * into catalogue sentences. So `view` can be run once with sentinels instead of real values.
 *
 * @example
 * const { variant, slots } = spec.prepare(props, 'en', origin)
 * const view = spec.view('en', variant, slots)
 */
export interface TemplateSpec<Props> {
  component: Component
  /** Structural variants (e.g. association types), each pre-rendered separately. */
  variants: readonly string[]
  /** Names of the per-recipient strings `view` reads. */
  slots: readonly string[]
  /** Validates `props` (throws `EmailInputError`) and formats them into slot strings. */
  prepare(
    props: Props,
    locale: Locale,
    linkOrigin: string | undefined
  ): { variant: string; slots: SlotValues }
  /** Places slot strings into the locale's sentences; pure string work, no validation. */
  view(locale: Locale, variant: string, slots: SlotValues): EmailView
}
