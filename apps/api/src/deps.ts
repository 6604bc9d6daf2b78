import type { Database } from '@partner-center/db'
import type { PartnerRow } from '@partner-center/db/schema'
import type { Hono } from 'hono'
import type { Logger } from 'pino'

/** Settings the request path needs, taken from the environment by the entry points. */
export interface AppConfig {
  appEnv: 'development' | 'test' | 'production'
  publicBaseUrl: string
  platformName: string
  accessTokenTtlMinutes: number
  accessTokenMaxHours: number
  invitationTtlDays: number
  outboxMaxAttempts: number
  signInMaxFailures: number
  signInRateLimitPerMinute: number
  publicRateLimitPerMinute: number
  bodyLimitBytes: number
  trustedProxies: readonly string[]
  mailDomain: string
}

/** Password hashing lives behind this port because scrypt is Node-only (architecture.md §5). */
export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
}

/**
 * Everything the HTTP app needs from the outside world. Entry points build it; tests pass their
 * own clock and database.
 */
export interface AppDeps {
  db: Database
  dbKind: 'postgres' | 'pglite'
  clock: { now(): Date }
  logger: Logger
  passwords: PasswordHasher
  config: AppConfig
  /** Resolves the client address of a request (socket address from the Node adapter). */
  getSocketAddress?: (request: Request, env: unknown) => string | undefined
  /** Extra routes mounted only outside production (fixtures, mailbox). */
  devRoutes?: { path: string; app: Hono<AppEnv> }[]
}

/** The principal the auth middleware puts on the context. */
export type Principal =
  | {
      kind: 'user'
      tokenId: string
      userId: string
      role: 'admin' | 'sales' | 'account_manager' | 'read_only' | 'ecosystem_manager'
      partnerId: string | null
      locale: 'en' | 'zh-CN'
    }
  | { kind: 'customer'; tokenId: string; customerAccountId: string }

/** Hono environment of the app: per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string
    locale: 'en' | 'zh-CN'
    logger: Logger
    principal: Principal | undefined
    partnerScope: PartnerScope
  }
}

/** The signed-in partner user and their partner, set by the partner guard. */
export interface PartnerScope {
  userId: string
  role: 'admin' | 'sales' | 'account_manager' | 'read_only'
  locale: 'en' | 'zh-CN'
  partner: PartnerRow
}
