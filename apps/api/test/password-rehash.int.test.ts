import { customerAccounts, users } from '@partner-center/db/schema'
import { DEMO_CUSTOMER_ACCOUNTS } from '@partner-center/db/seed'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../src/dev/start-development-services'
import { createScryptPasswordHasher } from '../src/security/scrypt-passwords'
import type { TestApp } from './helpers'
import { createTestApp } from './test-app'

// The test app hashes at a cheap cost (N=1024, r=8, p=1); a hash at N=512 stands for one made
// before the cost rose (production: N=2^14, r=8, p=5).
let t: TestApp
const older = createScryptPasswordHasher({ N: 512, r: 8, p: 1 })
const CONFIGURED = /^scrypt:1024:8:1:/

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => {
  await t.close()
})

function signIn(path: string, email: string, password = DEMO_PASSWORD) {
  return t.call('POST', path, { body: { email, password } })
}

describe('password hashes at a raised cost (architecture.md §5 Auth)', () => {
  it("replaces a partner user's older hash at the next successful sign-in", async () => {
    const oldHash = await older.hash(DEMO_PASSWORD)
    await t.database.db
      .update(users)
      .set({ passwordHash: oldHash })
      .where(eq(users.emailCanonical, 'manager@ecosystem.example'))
    expect(
      (await signIn('/api/v1/auth/sign-in', 'manager@ecosystem.example', 'wrong')).status
    ).toBe(401)
    const [untouched] = await t.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.emailCanonical, 'manager@ecosystem.example'))
    expect(untouched?.hash).toBe(oldHash)

    expect((await signIn('/api/v1/auth/sign-in', 'manager@ecosystem.example')).status).toBe(200)
    const [row] = await t.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.emailCanonical, 'manager@ecosystem.example'))
    expect(row?.hash).toMatch(CONFIGURED)
    expect((await signIn('/api/v1/auth/sign-in', 'manager@ecosystem.example')).status).toBe(200)
  })

  it("replaces a customer's older hash at the next successful sign-in", async () => {
    const email = DEMO_CUSTOMER_ACCOUNTS[0]?.email ?? ''
    await t.database.db
      .update(customerAccounts)
      .set({ passwordHash: await older.hash(DEMO_PASSWORD) })
      .where(eq(customerAccounts.emailCanonical, email))
    expect((await signIn('/api/v1/public/auth/sign-in', email)).status).toBe(200)
    const [row] = await t.database.db
      .select({ hash: customerAccounts.passwordHash })
      .from(customerAccounts)
      .where(eq(customerAccounts.emailCanonical, email))
    expect(row?.hash).toMatch(CONFIGURED)
    expect((await signIn('/api/v1/public/auth/sign-in', email)).status).toBe(200)
  })

  it('verifies unknown emails against a dummy hash at the configured cost', async () => {
    const verified: string[] = []
    const passwords = t.deps.passwords
    t.deps.passwords = {
      ...passwords,
      verify: (password, stored) => {
        verified.push(stored)
        return passwords.verify(password, stored)
      },
    }
    try {
      expect((await signIn('/api/v1/auth/sign-in', 'nobody@partner.example')).status).toBe(401)
      expect((await signIn('/api/v1/public/auth/sign-in', 'nobody@customer.example')).status).toBe(
        401
      )
    } finally {
      t.deps.passwords = passwords
    }
    expect(verified).toHaveLength(2)
    for (const stored of verified) expect(stored).toMatch(CONFIGURED)
  })
})
