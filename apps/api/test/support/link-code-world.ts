// The world of one public-links-code test file (issue 20 point 3: registering through an invitation
// link proves the mailbox with an emailed code, domain.md R100–R105). Each file builds its own:
// its own test app and database, SMTP sink, dispatcher per test, and list of the codes it read,
// so the files run in any order and each checks the logs against only what it issued.
import { BUSINESS_TABLES } from '@partner-center/db/testing'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { startDispatcher, type Dispatcher } from '../../src/outbox/start-dispatcher'
import type { TestApp } from '../helpers'
import { testDispatcherConfig, waitFor } from '../outbox/outbox-fixtures'
import { smtpForFile, type FileSmtp } from '../outbox/smtp-for-file'
import { createTestApp, type callJson } from '../test-app'
import {
  codeFromMail,
  insertInvitationLink,
  linkPartner,
  PUBLIC_LINKS,
  registrationBody,
} from './public-link-fixtures'

/** The partner that owns the file's link (as `linkPartner` answers it). */
export type LinkCodePartner = Awaited<ReturnType<typeof linkPartner>>

/** The file's active custom link (as `insertInvitationLink` answers it). */
export type LinkCodeLink = Awaited<ReturnType<typeof insertInvitationLink>>

/** The tables whose row counts prove that a step wrote nothing. */
export const LINK_CODE_TABLES = [
  ...new Set([...BUSINESS_TABLES, 'invitation_links', 'pending_link_registrations']),
]

/** The answer of a code request. */
export interface CodeRequested {
  pendingRegistrationId: string
  expiresAt: string
  resendAfterSeconds: number
}

/** The answer of a confirmed registration. */
export interface CodeConfirmed {
  token: string
  customer: { id: string; email: string }
}

/** What `t.call` answers for a body of shape `T`. */
type CallAnswer<T> = Awaited<ReturnType<typeof callJson<T>>>

/** One file's world; `t`, `partner`, `link` and `dispatcher` are set once its hooks have run. */
export interface LinkCodeWorld {
  t: TestApp
  partner: LinkCodePartner
  link: LinkCodeLink
  /** The dispatcher of the running test; the per-test cleanup stops whichever is here. */
  dispatcher: Dispatcher
  smtp: FileSmtp
  /** Every email code read in this file, for the leak check at its end. */
  seenCodes: string[]
  /** A fresh address of this run (every test gets its own, so the code caps stay apart). */
  fresh: (label: string) => string
  /** The code emailed to `to`, once the dispatcher has sent it. */
  mailedCode: (to: string) => Promise<string>
  /** Asks the file's link for a registration code for `email`. */
  requestCode: (email: string, overrides?: object) => Promise<CallAnswer<CodeRequested>>
  /** Confirms a pending registration with the emailed code (of the file's link unless `code`). */
  confirm: (
    pendingRegistrationId: string,
    emailCode: string,
    code?: string
  ) => Promise<CallAnswer<CodeConfirmed>>
}

/**
 * Registers the hooks of one test file's world and answers it: the SMTP sink, then the test app
 * with "Lumen Partners" and its active link, and a dispatcher started before each test and
 * stopped after it (which also puts the clock back).
 *
 * @example
 * const world = linkCodeWorld()
 * const { fresh, requestCode, mailedCode } = world
 * it('mails a code', async () => {
 *   const email = fresh('new')
 *   await requestCode(email)
 *   expect(await mailedCode(email)).toMatch(/^\d{6}$/)
 * })
 */
export function linkCodeWorld(): LinkCodeWorld {
  const run = crypto.randomUUID().slice(0, 8)
  let n = 0
  const world = { smtp: smtpForFile(500), seenCodes: [] as string[] } as LinkCodeWorld
  world.fresh = (label) => `${label}.${run}.${(n += 1)}@customer.example`
  world.mailedCode = async (to) => {
    await waitFor(() => codeFromMail(world.smtp.sink.list(), to) !== null)
    const code = codeFromMail(world.smtp.sink.list(), to)!
    world.seenCodes.push(code)
    return code
  }
  world.requestCode = (email, overrides = {}) =>
    world.t.call<CodeRequested>('POST', `${PUBLIC_LINKS}/register/code`, {
      body: registrationBody(world.link.code, email, overrides),
    })
  world.confirm = (pendingRegistrationId, emailCode, code = world.link.code) =>
    world.t.call<CodeConfirmed>('POST', `${PUBLIC_LINKS}/register`, {
      body: { code, pendingRegistrationId, emailCode },
    })

  beforeAll(async () => {
    world.t = await createTestApp()
    world.partner = await linkPartner(world.t, { name: 'Lumen Partners' })
    world.link = await insertInvitationLink(world.t, {
      ...world.partner,
      createdByUserId: world.partner.userId,
    })
  })
  beforeEach(() => {
    world.dispatcher = startDispatcher({
      db: world.t.database.db,
      clock: world.t.clock,
      logger: world.t.deps.logger,
      transport: world.smtp.transport,
      config: testDispatcherConfig(),
      keyring: world.t.deps.keyring,
    })
    return async () => {
      await world.dispatcher.stop()
      world.t.clock.current = new Date('2026-03-02T09:00:00.000Z')
    }
  })
  afterAll(async () => {
    await world.t?.close()
  })
  return world
}

/** The six digits next to `code`: a well-formed code that is wrong. */
export const wrongCodeOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')
