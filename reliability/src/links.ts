import { call } from './http'
import { CD } from './seed'
import { JOIN_LINK_PREFIX } from './topology'

/** What issuing a partner's invitation links left: every raw code and full link the API answered. */
export interface IssuedLinks {
  codes: string[]
  urls: string[]
}

/** The code of a link `{PUBLIC_BASE_URL}/join#{code}` (domain.md R99). */
function codeOfLink(url: string): string {
  if (!url.startsWith(JOIN_LINK_PREFIX)) throw new Error('not an invitation link')
  return url.slice(JOIN_LINK_PREFIX.length)
}

/**
 * Issues invitation links of one partner user through the API (domain.md R91, R93, R97): the
 * general link, a custom link and an activity link, each link read back for Copy, and a reset of
 * the general link. Answers every code and link issued, so the scans look for them as for tokens.
 */
export async function issueInvitationLinks(
  base: string,
  token: string,
  tag: string
): Promise<IssuedLinks> {
  const urls: string[] = []
  const expect201or200 = (status: number, what: string, text: string) => {
    if (status !== 200 && status !== 201)
      throw new Error(`${what}: ${status} ${text.slice(0, 200)}`)
  }
  const general = await call<{ url: string }>(base, 'POST', `${CD}/invitation-links/general`, {
    token,
  })
  expect201or200(general.status, 'general link', general.text)
  urls.push(general.body.url)
  for (const body of [{ tag: `${tag} fair` }, { tag: `${tag} sale`, expiresInDays: 7 }]) {
    const created = await call<{ id: string }>(base, 'POST', `${CD}/invitation-links`, {
      token,
      body,
    })
    expect201or200(created.status, 'custom link', created.text)
    const url = await call<{ url: string }>(
      base,
      'GET',
      `${CD}/invitation-links/${created.body.id}/url`,
      { token }
    )
    expect201or200(url.status, 'link url', url.text)
    urls.push(url.body.url)
  }
  const reset = await call<{ url: string }>(base, 'POST', `${CD}/invitation-links/general/reset`, {
    token,
  })
  expect201or200(reset.status, 'reset', reset.text)
  urls.push(reset.body.url)
  return { codes: urls.map(codeOfLink), urls }
}
