import { createHmac } from 'node:crypto'

/**
 * The raw token of a seeded invitation: HMAC-SHA-256(SEED_TOKEN_SECRET, seed name), base64url
 * (domain.md §10 "Demo links"). Development and test only; only its hash reaches the database.
 */
export function deriveDemoToken(secret: string, seedName: string): string {
  return createHmac('sha256', secret).update(seedName).digest('base64url')
}
