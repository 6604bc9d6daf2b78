/**
 * Asks the API for the development mailbox (architecture.md §7). It holds every invitation link,
 * so the API answers only a signed-in user on loopback (issue 13): the session's bearer token goes
 * with every call. A 404 means there is no mailbox (production, or SMTP_URL is set).
 *
 * @example
 * const response = await fetchDevMailbox(session.token)
 */
export function fetchDevMailbox(token: string | null, method: 'GET' | 'HEAD' = 'GET') {
  return fetch('/api/dev/mailbox', {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  })
}
