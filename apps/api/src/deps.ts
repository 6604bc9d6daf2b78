import type { Database } from '@partner-center/db/portable'
import type { PartnerRow } from '@partner-center/db/schema'
import type { Context, Hono } from 'hono'
import type { AppLogger } from './logging/app-logger'
import type { ApiReferenceScript } from './routes/api-reference'
import type { Keyring } from './security/keyring'

/** Settings the request path needs, taken from the environment by the entry points. */
export interface AppConfig {
  appEnv: 'development' | 'test' | 'production'
  publicBaseUrl: string
  platformName: string
  accessTokenTtlMinutes: number
  accessTokenMaxHours: number
  invitationTtlDays: number
  /** `INVITATION_REMINDER_HOURS` resolved (R115): hours before expiry of the reminder; 0 off. */
  invitationReminderHours: number
  /** `OUTBOX_MAX_ATTEMPTS`: the page states "attempt n of max" from it (`GET /me` limits). */
  outboxMaxAttempts: number
  /** Failed sign-ins per account and client address per 15 minutes (R59). */
  signInMaxFailures: number
  /** Longest per-account sign-in delay in seconds (doubling from 1 s); 0 turns it off (R59). */
  signInBackoffCapSeconds: number
  signInRateLimitPerMinute: number
  publicRateLimitPerMinute: number
  /** Pre-registration attempts per user per hour, accepted or refused (R59a). */
  preregistrationRateLimitPerUserPerHour: number
  /** Pre-registration attempts per partner per hour, accepted or refused (R59a). */
  preregistrationRateLimitPerPartnerPerHour: number
  bodyLimitBytes: number
  /** Requests per minute per API key (R142); `API_KEY_RATE_LIMIT_PER_MINUTE` by default. */
  apiKeyRateLimitPerMinute?: number
  /**
   * The dispatcher's `WEBHOOK_TIMEOUT_SECONDS`, `WEBHOOK_RETRY_WINDOW_HOURS` and
   * `WEBHOOK_DISABLE_AFTER_HOURS` (same environment), which `GET /me` limits state (R147); the
   * §13.8 defaults when absent.
   */
  webhookTimeoutSeconds?: number
  webhookRetryWindowHours?: number
  webhookDisableAfterHours?: number
  /** `REQUEST_TIMEOUT_SECONDS` in ms: longer requests answer 503 `SYSTEM_BUSY` (default 15 s). */
  requestTimeoutMs?: number
  trustedProxies: readonly string[]
  mailDomain: string
  /**
   * `CORS_ALLOWED_ORIGINS`: exact origins whose pages may call the API across origins
   * (middleware/cors.ts); unset or empty, none may.
   */
  corsAllowedOrigins?: readonly string[]
  /**
   * `API_DOCS`: whether `/api/docs` serves the API reference (on outside production by default);
   * absent, it answers 404. The OpenAPI document is served either way.
   */
  apiDocs?: boolean
}

/**
 * Password hashing behind a port (architecture.md §5): scrypt from `node:crypto`, which workerd
 * provides under nodejs_compat too; tests pass a cheaper cost.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
  /** Whether a stored hash was made at a lower cost than the configured one (rehash it). */
  needsRehash(stored: string): boolean
  /** A hash at the configured cost that no password matches: verified for unknown accounts. */
  readonly dummyHash: string
}

/**
 * Everything the HTTP app needs from the outside world. Entry points build it; tests pass their
 * own clock and database.
 */
export interface AppDeps {
  /**
   * The database. Read it when a request needs it, never keep it: on the worker it is a getter
   * answering the current request's own client (worker/request-database.ts).
   */
  db: Database
  dbKind: 'postgres' | 'pglite'
  clock: { now(): Date }
  logger: AppLogger
  passwords: PasswordHasher
  config: AppConfig
  /** MACs and ciphertexts under per-purpose subkeys of `DATA_ENCRYPTION_KEY` (keyring.ts). */
  keyring: Keyring
  /**
   * SHA-256 hex of a bearer token, for the lookup every authenticated request makes. The Node
   * entry passes `node:crypto`'s synchronous hash: Web Crypto's `digest` schedules a job per
   * call and cost a tenth of the list endpoint's CPU. Default: Web Crypto (edge runtimes).
   */
  hashBearerToken?: (token: string) => string | Promise<string>
  /**
   * The socket address of a request's peer (the Node entry wires `getConnInfo`). Absent on
   * runtimes without sockets: the address is then `unknown` (R59 client address rule).
   */
  getClientAddress?: (c: Context<AppEnv>) => string | undefined
  /** Extra routes mounted only outside production (fixtures, mailbox). */
  devRoutes?: { path: string; app: Hono<AppEnv> }[]
  /**
   * Scalar's bundle for the reference page (`/api/docs/scalar.js`): the Node entry reads it from
   * node_modules (`api-reference-script.ts`). Absent on the worker, whose upload stays small:
   * there `/api/docs` answers 404.
   */
  apiReferenceScript?: () => Promise<ApiReferenceScript>
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
      displayName: string
      /** The user's partner, read with the token (null for the ecosystem manager). */
      partner: PartnerRow | null
    }
  | { kind: 'customer'; tokenId: string; customerAccountId: string }
  | ApiKeyPrincipal
  | PlatformKeyPrincipal

/**
 * An `ACTIVE` API key of a partner (R140), read from the database on every request; it may call
 * only the routes the route table marks `apiKey` (R141).
 */
export interface ApiKeyPrincipal {
  kind: 'api_key'
  keyId: string
  name: string
  keyPrefix: string
  role: 'admin' | 'sales' | 'read_only'
  partnerId: string
  /** The key's partner, read with the key. */
  partner: PartnerRow
}

/**
 * An `ACTIVE` platform API key of the ecosystem manager (R140): the reads of the admin routes
 * the route table marks `apiKey` (R141); never a partner route.
 */
export interface PlatformKeyPrincipal {
  kind: 'platform_key'
  keyId: string
  name: string
  keyPrefix: string
}

/** Hono environment of the app: per-request variables. */
export interface AppEnv {
  Variables: {
    requestId: string
    locale: 'en' | 'zh-CN'
    principal: Principal | undefined
    partnerScope: PartnerScope
  }
}

/** Who acts in a use case and for which request: audit events carry both (R75, R78). */
export interface RequestMeta {
  requestId: string
}

/**
 * The signed-in partner user (or the partner's API key) and their partner, set by the partner
 * guard. For a key, `userId` is the key's id and `displayName` its name: a key never writes, so
 * it never becomes a row's creator, and only audits of reads name it, as `api_key` (R142).
 */
export interface PartnerScope {
  /** Who the audit names: a person, or an API key (R142). */
  actorType: 'partner_user' | 'api_key'
  userId: string
  displayName: string
  role: 'admin' | 'sales' | 'account_manager' | 'read_only'
  locale: 'en' | 'zh-CN'
  partner: PartnerRow
}
