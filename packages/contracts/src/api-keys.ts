import { API_KEY_ROLES, API_KEY_STATUSES, DEFAULT_LIMITS, ROLES } from '@partner-center/domain'
import { z } from './zod'
import { Instant, PageQuery, Uuid, pageOf } from './common'

// Partner API keys (domain.md §13.3.4, R139–R143). The raw key appears only in `key` of the
// creation's 201 answer (R144); lists carry its `keyPrefix`.

/** The role a key holds (§13.3.4): never `account_manager`. */
export const ApiKeyRoleSchema = z.enum(API_KEY_ROLES).meta({ id: 'ApiKeyRole' })
export type ApiKeyRoleValue = z.infer<typeof ApiKeyRoleSchema>

/** K1 makes a key `ACTIVE`, K2 `REVOKED` (§13.4.3). */
export const ApiKeyStatusSchema = z.enum(API_KEY_STATUSES).meta({ id: 'ApiKeyStatus' })
export type ApiKeyStatusValue = z.infer<typeof ApiKeyStatusSchema>

/**
 * `POST …/api-keys` body (R139). `role` takes any role of §2.3 so the rule can answer
 * `account_manager` (and `ecosystem_manager`) with reason `ROLE_NOT_ALLOWED_FOR_KEY`; `name` is
 * checked by the rule after trimming (1 to `API_KEY_NAME_MAX` code points).
 */
export const CreateApiKeyRequest = z
  .strictObject({
    name: z.string().max(DEFAULT_LIMITS.API_KEY_NAME_MAX * 4),
    role: z.enum(ROLES),
  })
  .meta({ id: 'CreateApiKeyRequest' })
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>

/** `POST /api/v1/admin/api-keys` body (R139): a platform key has the ecosystem manager's role. */
export const CreatePlatformApiKeyRequest = z
  .strictObject({ name: z.string().max(DEFAULT_LIMITS.API_KEY_NAME_MAX * 4) })
  .meta({ id: 'CreatePlatformApiKeyRequest' })
export type CreatePlatformApiKeyRequest = z.infer<typeof CreatePlatformApiKeyRequest>

/** `GET …/api-keys` query: the paging of R35. */
export const ApiKeyListQuery = z.strictObject({ ...PageQuery.shape })
/** The keys query as a client sends it. */
export interface ApiKeyListQueryInput {
  page?: number
  pageSize?: number
}

/** One key as listed (R139): never the key itself. */
export const ApiKeyItem = z
  .object({
    id: Uuid,
    name: z.string(),
    role: ApiKeyRoleSchema,
    /** The first 12 characters of the key (`pck_` + 8), shown as "Key" with "…". */
    keyPrefix: z.string(),
    status: ApiKeyStatusSchema,
    /** "Created By": the creator's display name, unmasked (M10). */
    createdBy: z.object({ id: Uuid, displayName: z.string() }),
    createdAt: Instant,
    /** Null: "Never" / "从未使用". Written at most once a minute (R140). */
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'ApiKeyItem' })
export type ApiKeyItem = z.infer<typeof ApiKeyItem>

/** A page of keys, newest first. */
export const ApiKeyPage = pageOf(ApiKeyItem).meta({ id: 'ApiKeyPage' })
export type ApiKeyPage = z.infer<typeof ApiKeyPage>

/**
 * The 201 of `POST …/api-keys`: the item and the whole key (`pck_` + 43 base64url characters),
 * answered this once with `Cache-Control: no-store` (R139).
 */
export const CreatedApiKey = z
  .object({ ...ApiKeyItem.shape, key: z.string() })
  .meta({ id: 'CreatedApiKey' })
export type CreatedApiKey = z.infer<typeof CreatedApiKey>
