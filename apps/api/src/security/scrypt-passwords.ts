import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { PasswordHasher } from '../deps'

const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  })
}

/** Options of {@link createScryptPasswordHasher}. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/**
 * Password hashing with Node's scrypt, stored as `scrypt:N:r:p:salt:hash` so the cost can rise
 * later without invalidating old hashes; compared in constant time (architecture.md §5 Auth).
 * Node-only: entry points pass it to the app through deps.
 *
 * @example
 * const passwords = createScryptPasswordHasher()
 * const stored = await passwords.hash('Passw0rd!demo')
 */
export function createScryptPasswordHasher(
  cost: ScryptCost = { N: 16_384, r: 8, p: 1 }
): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, { ...cost, maxmem: 64 * 1024 * 1024 })
      return `scrypt:${cost.N}:${cost.r}:${cost.p}:${salt.toString('base64url')}:${key.toString('base64url')}`
    },
    async verify(password, stored) {
      const parts = stored.split(':')
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false
      const [, n, r, p, salt = '', hash = ''] = parts
      const expected = Buffer.from(hash, 'base64url')
      const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 }
      const actual = await derive(password, Buffer.from(salt, 'base64url'), options)
      return expected.length === actual.length && timingSafeEqual(expected, actual)
    },
  }
}
