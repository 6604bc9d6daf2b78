import {
  GeneralInvitationLink,
  InvitationLinkItem,
  InvitationLinkUrl,
  LinkAssociationPage,
  type CreateInvitationLinkRequest,
} from '@partner-center/contracts'
import { expect, type APIRequestContext } from '@playwright/test'
import { e2eEnv } from '../env'
import { readMailbox } from './mailbox'

// Invitation links arranged on the API directly, as the partner's Offline Invitation tab does it
// (domain.md §12.2.4), for the specs of the customer's side (S25–S28).
const API = `http://127.0.0.1:${e2eEnv.ports.api}/api`
const CD = `${API}/v1/customer-development`

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** A custom link and its full address `{PUBLIC_BASE_URL}/join#{code}` (R93, R97). */
export interface CustomLink {
  item: InvitationLinkItem
  url: string
}

/** Creates a custom link as a signed-in partner user, and reads its address (Copy, R97). */
export async function createCustomLinkViaApi(
  request: APIRequestContext,
  token: string,
  body: CreateInvitationLinkRequest
): Promise<CustomLink> {
  const created = await request.post(`${CD}/invitation-links`, {
    headers: bearer(token),
    data: body,
  })
  expect(created.status(), await created.text()).toBe(201)
  const item = InvitationLinkItem.parse(await created.json())
  const address = await request.get(`${CD}/invitation-links/${item.id}/url`, {
    headers: bearer(token),
  })
  expect(address.status(), await address.text()).toBe(200)
  return { item, url: InvitationLinkUrl.parse(await address.json()).url }
}

/** Disables a custom link (R96): it stops working at once. */
export async function disableLinkViaApi(
  request: APIRequestContext,
  token: string,
  linkId: string
): Promise<void> {
  const response = await request.post(`${CD}/invitation-links/${linkId}/disable`, {
    headers: bearer(token),
  })
  expect(response.status(), await response.text()).toBe(200)
}

/** The signed-in user's general link (R91), then reset (R92): answers the old and new address. */
export async function resetGeneralLinkViaApi(
  request: APIRequestContext,
  token: string
): Promise<{ oldUrl: string; newUrl: string }> {
  const general = await request.post(`${CD}/invitation-links/general`, { headers: bearer(token) })
  expect([200, 201], await general.text()).toContain(general.status())
  const oldUrl = GeneralInvitationLink.parse(await general.json()).url
  const reset = await request.post(`${CD}/invitation-links/general/reset`, {
    headers: bearer(token),
  })
  expect(reset.status(), await reset.text()).toBe(200)
  return { oldUrl, newUrl: GeneralInvitationLink.parse(await reset.json()).url }
}

/** The customers associated through the partner's links (R98), searched by tag. */
export async function findLinkAssociationsViaApi(
  request: APIRequestContext,
  token: string,
  q: string
): Promise<LinkAssociationPage> {
  const response = await request.get(`${CD}/link-associations`, {
    headers: bearer(token),
    params: { q },
  })
  expect(response.status(), await response.text()).toBe(200)
  return LinkAssociationPage.parse(await response.json())
}

// §12.7.1: the subject starts with the code, in English and in Chinese.
const CODE_SUBJECT = /^(\d{6}) (?:is your|是您的)/

/**
 * Waits for an email code (§12.7.1) to `recipient` that is not one of `exclude`, and answers
 * the 6 digits: the mailbox of the system under test is the only place a code is shown.
 */
export async function waitForEmailCode(
  request: APIRequestContext,
  recipient: string,
  exclude: readonly string[] = []
): Promise<string> {
  let code: string | null = null
  await expect
    .poll(
      async () => {
        for (const message of await readMailbox(request)) {
          if (!message.to.includes(recipient)) continue
          const found = CODE_SUBJECT.exec(message.subject)?.[1]
          if (found && !exclude.includes(found)) {
            code = found
            return true
          }
        }
        return false
      },
      { timeout: 30_000, intervals: [250, 500, 1000] }
    )
    .toBe(true)
  if (!code) throw new Error(`no email code for ${recipient}`)
  return code
}
