const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

/**
 * Reads the invitation token from the URL fragment (`/invite#<token>`, domain.md R56). The
 * fragment never reaches a server; the portal sends the token only in request bodies.
 *
 * @example
 * readInvitationToken('#q1w2…') // 'q1w2…' when it is 43 base64url characters, else null
 */
export function readInvitationToken(hash: string): string | null {
  const candidate = hash.startsWith('#') ? hash.slice(1) : hash
  return TOKEN_PATTERN.test(candidate) ? candidate : null
}
