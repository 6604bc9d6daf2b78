// Shared steps of the custom invitation link tests (domain.md R93–R97, L2–L5): each test file
// keeps its own test app, its own signed-in users and its own set of issued codes, and binds
// these helpers to them.
import { invitationLinks } from '@partner-center/db/schema'
import { eq } from 'drizzle-orm'
import { signInAll, type TestApp } from '../helpers'
import { codeOf, LINKS, type LinkItemBody, type PageBody } from '../invitation-link-fixtures'

/** The seeded users the custom link tests act as. */
export const CUSTOM_LINK_USERS = [
  'admin@acme.example',
  'sales@acme.example',
  'am@acme.example',
  'viewer@acme.example',
  'admin@globex.example',
  'admin@umbrella.example',
  'admin@initech.example',
  'manager@ecosystem.example',
]

/** Signs in {@link CUSTOM_LINK_USERS} on `t` and records their sessions into `tokens`. */
export async function signInLinkUsers(t: TestApp, tokens: Record<string, string>) {
  Object.assign(tokens, await signInAll(t, CUSTOM_LINK_USERS))
}

/**
 * The custom link steps of one test file, over the app `app()` answers (set in that file's
 * `beforeAll`), the sessions in `tokens`, and recording every URL and code Copy answers into
 * `issued`, for the file's secrecy check.
 */
export function customLinkSteps(
  app: () => TestApp,
  tokens: Record<string, string>,
  issued: Set<string>
) {
  const token = (email = 'admin@acme.example') => tokens[email] ?? ''
  const create = (body: unknown, email?: string) =>
    app().call<LinkItemBody>('POST', LINKS, { token: token(email), body })
  const switchLink = (id: string, change: 'disable' | 'enable', email?: string) =>
    app().call<LinkItemBody>('POST', `${LINKS}/${id}/${change}`, { token: token(email) })
  const urlOf = async (id: string, email?: string) => {
    const answer = await app().call<{ url: string }>('GET', `${LINKS}/${id}/url`, {
      token: token(email),
    })
    if (answer.status === 200) {
      issued.add(answer.body.url)
      issued.add(codeOf(answer.body.url))
    }
    return answer
  }
  const list = (query: string, email?: string) =>
    app().call<PageBody<LinkItemBody>>('GET', `${LINKS}${query}`, { token: token(email) })

  /** Moves a link's expiry to just before now, as if its days had passed. */
  async function passExpiry(id: string) {
    const t = app()
    await t.database.db
      .update(invitationLinks)
      .set({ expiresAt: new Date(t.clock.now().getTime() - 1) })
      .where(eq(invitationLinks.id, id))
  }

  /** Creates a link and answers its id, failing the test on a refusal. */
  async function created(body: Record<string, unknown>, email?: string): Promise<LinkItemBody> {
    const answer = await create(body, email)
    if (answer.status !== 201) throw new Error(`create: ${answer.text}`)
    return answer.body
  }

  return { token, create, switchLink, urlOf, list, passExpiry, created }
}
