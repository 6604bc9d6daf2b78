import { expect, type APIRequestContext } from '@playwright/test'
import { apiToken } from './customer-development'

interface CaughtMessage {
  to: string[]
  subject: string
  text: string | null
  html: string | null
  messageId: string | null
}

const LINK = /https?:\/\/[^\s"'<>]+\/invite#[A-Za-z0-9_-]{43}/

// The mailbox answers signed-in users only (issue 13); one demo session per worker is enough.
const MAILBOX_READER = 'viewer@acme.example'
let readerToken: Promise<string> | null = null

/** The development mailbox of the system under test (newest first), read as a signed-in user. */
export async function readMailbox(request: APIRequestContext): Promise<CaughtMessage[]> {
  readerToken ??= apiToken(request, MAILBOX_READER)
  const response = await request.get('/api/dev/mailbox', {
    headers: { authorization: `Bearer ${await readerToken}` },
  })
  expect(response.ok(), await response.text()).toBe(true)
  return ((await response.json()) as { messages: CaughtMessage[] }).messages
}

/**
 * Waits for an email to `recipient` whose subject matches, and returns it with the invitation
 * link it carries (the mailbox is the only place a full link is shown).
 */
export async function waitForInvitationLink(
  request: APIRequestContext,
  recipient: string,
  options: { subject?: RegExp; exclude?: string[] } = {}
): Promise<{ link: string; message: CaughtMessage }> {
  let found: { link: string; message: CaughtMessage } | null = null
  await expect
    .poll(
      async () => {
        for (const message of await readMailbox(request)) {
          if (!message.to.includes(recipient)) continue
          if (options.subject && !options.subject.test(message.subject)) continue
          const link = LINK.exec(message.text ?? '')?.[0]
          if (link && !options.exclude?.includes(link)) {
            found = { link, message }
            return true
          }
        }
        return false
      },
      { timeout: 30_000, intervals: [250, 500, 1000] }
    )
    .toBe(true)
  if (!found) throw new Error(`no invitation email for ${recipient}`)
  return found
}
