import { configFromEnv, dataKeysFromEnv } from '../config'
import type { AppDeps } from '../deps'
import type { Env } from '../env'
import { createConsoleLogger } from '../logging/console-logger'
import { createKeyring } from '../security/keyring'
import { createScryptPasswordHasher } from '../security/scrypt-passwords'
import type { RequestDatabase } from './request-database'

/**
 * The app's dependencies on the worker. They live for the isolate, so none of them holds an
 * I/O object: `db` is read per request from `requestDatabase`, the logger writes with
 * `console.log`, the keyring keeps only CryptoKeys. Bearer tokens are hashed with Web Crypto (the
 * app's default), scrypt comes from nodejs_compat's `node:crypto`. No fixture or mailbox route:
 * those are development tools of the Node entry.
 */
export function createWorkerDeps(env: Env, requestDatabase: RequestDatabase): AppDeps {
  const config = configFromEnv(env)
  return {
    get db() {
      return requestDatabase.current()
    },
    dbKind: 'postgres',
    clock: { now: () => new Date() },
    logger: createConsoleLogger({ level: env.LOG_LEVEL, name: 'api' }),
    passwords: createScryptPasswordHasher(),
    keyring: createKeyring(dataKeysFromEnv(env)),
    config,
    // Cloudflare sets cf-connecting-ip and overwrites a client's own; without Cloudflare in
    // front, nothing on the worker knows the peer, and the address is `unknown` (R59).
    getClientAddress: env.BEHIND_CLOUDFLARE ? (c) => c.req.header('cf-connecting-ip') : undefined,
  }
}
