import type { Database } from '@partner-center/db/portable'
import type { AppLogger } from '../logging/app-logger'
import type { MailTransport } from './create-smtp-transport'
import type { DispatcherConfig } from './dispatcher-config'
import type { EmailRenderers } from './email-renderers'
import type { Keyring } from '../security/keyring'

/** What delivering one outbox row needs; built once by `startDispatcher`. */
export interface DeliveryContext {
  db: Database
  clock: { now(): Date }
  logger: AppLogger
  transport: MailTransport
  config: DispatcherConfig
  renderers: EmailRenderers
  /** Uniform random numbers in [0, 1) for backoff jitter; injectable for tests. */
  random: () => number
  /** The data keyring: the keyed hash of email codes (R102). Without it `EMAIL_CODE` rows fail. */
  keyring?: Keyring
}

/** One email ready for SMTP, with exactly one recipient. */
export interface PreparedMessage {
  to: string
  subject: string
  html: string
  text: string
  messageId: string
  replyTo?: string
  /** A follow-up's `In-Reply-To` and `References`: the Message-ID it answers (R117). */
  inReplyTo?: string
}
