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
 * OWASP's scrypt setting (Password Storage Cheat Sheet): N=2^14, r=8, p=5, 16 MiB per hash
 * (128 · N · r bytes); p multiplies the work, not the memory.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 16_384, r: 8, p: 5 }

// Node refuses a derivation above maxmem; room for N·r four times the default.
const MAX_MEMORY_BYTES = 64 * 1024 * 1024

interface StoredHash {
  cost: ScryptCost
  salt: Buffer
  hash: Buffer
}

function parseStored(stored: string): StoredHash | null {
  const parts = stored.split(':')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [, n, r, p, salt = '', hash = ''] = parts
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  if (![cost.N, cost.r, cost.p].every((value) => Number.isSafeInteger(value) && value > 0)) {
    return null
  }
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') }
}

function format(cost: ScryptCost, salt: Buffer, key: Buffer): string {
  return `scrypt:${cost.N}:${cost.r}:${cost.p}:${salt.toString('base64url')}:${key.toString('base64url')}`
}

/**
 * Password hashing with Node's scrypt, stored as `scrypt:N:r:p:salt:hash` so the cost can rise
 * without invalidating old hashes: a hash below the configured cost verifies as before and
 * `needsRehash` tells sign-in to store a new one. Compared in constant time (architecture.md §5
 * Auth). Node-only: entry points pass it to the app through deps.
 *
 * @example
 * const passwords = createScryptPasswordHasher()
 * const stored = await passwords.hash('Passw0rd!demo') // 'scrypt:16384:8:5:…'
 */
export function createScryptPasswordHasher(cost: ScryptCost = DEFAULT_SCRYPT_COST): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, { ...cost, maxmem: MAX_MEMORY_BYTES })
      return format(cost, salt, key)
    },
    async verify(password, stored) {
      const parsed = parseStored(stored)
      if (!parsed) return false
      const options = { ...parsed.cost, maxmem: MAX_MEMORY_BYTES }
      const actual = await derive(password, parsed.salt, options)
      return parsed.hash.length === actual.length && timingSafeEqual(parsed.hash, actual)
    },
    needsRehash(stored) {
      const parsed = parseStored(stored)
      if (!parsed) return false
      return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p
    },
    // Unknown accounts verify against this, so their answer costs what a real account's does
    // and sign-in does not reveal which emails exist. No password derives a zero key.
    dummyHash: format(cost, Buffer.alloc(16), Buffer.alloc(KEY_LENGTH)),
  }
}
