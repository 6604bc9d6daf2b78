import { call, type Answer } from './http'
import type { Sink } from './smtp-sink'

export const PUBLIC = '/api/v1/public'
export const CUSTOMER_PASSWORD = 'correct horse battery staple'

/** The raw token of the invitation email sent for `messageId`, once it arrived. */
export function tokenOf(sink: Sink, messageId: string): string | null {
  return sink.messages.find((m) => m.messageId === messageId && m.token)?.token ?? null
}

/** Opens the link, registers through it and accepts (the customer portal's calls). */
export async function registerAndAccept(base: string, token: string, name: string) {
  const steps: { name: string; answer: Answer }[] = []
  const resolved = await call(base, 'POST', `${PUBLIC}/invitations/resolve`, { body: { token } })
  steps.push({ name: 'resolve', answer: resolved })
  const registered = await call<{ token: string }>(base, 'POST', `${PUBLIC}/invitations/register`, {
    body: { token, displayName: name, password: CUSTOMER_PASSWORD, termsAccepted: true },
  })
  steps.push({ name: 'register', answer: registered })
  if (registered.status !== 201 && registered.status !== 200) return { steps, session: null }
  const session = registered.body.token
  const accepted = await call(base, 'POST', `${PUBLIC}/invitations/accept`, {
    token: session,
    body: { token, instructionsAccepted: true },
  })
  steps.push({ name: 'accept', answer: accepted })
  return { steps, session }
}
