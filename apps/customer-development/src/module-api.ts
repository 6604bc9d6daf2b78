import type { OkResponse } from '@partner-center/contracts'
import {
  ApiError,
  type ApiClient,
  type MeResponse,
  type PreregistrationPage,
} from '@partner-center/contracts'
import type { InjectionKey } from 'vue'
import type {
  BatchDeleteResult,
  BatchDeleteRow,
  BatchProgress,
  EmailPreview,
  HistoryItem,
  InviteBatchResult,
  ListQuery,
  Page,
  PreregisterInput,
  PreregisterResult,
  PreviewInput,
} from './module-api-types'

/** Everything the page asks the API; stores get it injected, tests pass a fake. */
export interface ModuleApi {
  getMe(): Promise<MeResponse>
  findPreregistrations(query: ListQuery): Promise<PreregistrationPage>
  preregister(input: PreregisterInput): Promise<PreregisterResult>
  deletePreregistration(id: string): Promise<void>
  batchDeletePreregistrations(ids: string[]): Promise<BatchDeleteResult>
  invite(
    input: { preregistrationIds: string[]; associationType: string },
    idempotencyKey: string
  ): Promise<InviteBatchResult>
  getInvitationBatch(id: string): Promise<BatchProgress>
  previewInvitation(input: PreviewInput): Promise<EmailPreview>
  resendInvitation(id: string, idempotencyKey: string): Promise<InviteBatchResult>
  findHistory(query: ListQuery): Promise<Page<HistoryItem>>
}

/** Injection key of the per-mount {@link ModuleApi}. */
export const MODULE_API: InjectionKey<ModuleApi> = Symbol('customer-development/module-api')

const BASE = '/v1/customer-development'

// The client parses with a zod schema; endpoints without a published schema get a pass-through
// "schema" and a structural guard below instead (this package has no zod of its own).
const PASS_THROUGH = { parse: (value: unknown) => value } as unknown as typeof OkResponse

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function expectShape<T>(value: unknown, keys: readonly string[], what: string): T {
  if (isRecord(value) && keys.every((key) => key in value)) return value as T
  throw new ApiError({
    code: 'UNEXPECTED_RESPONSE',
    status: 200,
    message: `The server answered an unexpected ${what}.`,
  })
}

// The row id may come back as `id` or `preregistrationId`; the page needs one name.
function toBatchDeleteRow(row: Record<string, unknown>): BatchDeleteRow {
  const id = row.id ?? row.preregistrationId
  return {
    id: typeof id === 'string' ? id : '',
    outcome: row.outcome === 'DELETED' ? 'DELETED' : 'SKIPPED',
    code: typeof row.code === 'string' ? row.code : undefined,
  }
}

/**
 * Binds the page's operations to one API client. Endpoints the client already has are called
 * through it; the others go through `client.request` with a structural check of the answer.
 *
 * @example
 * const api = createModuleApi(createApiClient({ baseUrl: '/api' }))
 * await api.findHistory({ page: 1, pageSize: 20 })
 */
export function createModuleApi(client: ApiClient): ModuleApi {
  async function call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    keys: readonly string[],
    extra: { body?: unknown; query?: ListQuery; headers?: Record<string, string> } = {}
  ): Promise<T> {
    const value: unknown = await client.request({
      method,
      path: `${BASE}${path}`,
      body: extra.body,
      headers: extra.headers,
      query: extra.query ? { ...extra.query } : undefined,
      schema: PASS_THROUGH,
    })
    return expectShape<T>(value, keys, path)
  }

  return {
    getMe: () => client.getMe(),
    findPreregistrations: (query) => client.findPreregistrations(query),
    preregister: (input) =>
      call<PreregisterResult>('POST', '/preregistrations', ['id', 'status'], { body: input }),
    deletePreregistration: async (id) => {
      try {
        await call('DELETE', `/preregistrations/${encodeURIComponent(id)}`, [])
      } catch (error) {
        // A 204 has no JSON body to parse; anything but that is a real failure.
        if (!(error instanceof SyntaxError)) throw error
      }
    },
    batchDeletePreregistrations: async (ids) => {
      const answer = await call<{ results: Record<string, unknown>[] }>(
        'POST',
        '/preregistrations/batch-delete',
        ['results'],
        { body: { ids } }
      )
      return { results: answer.results.map(toBatchDeleteRow) }
    },
    invite: (input, idempotencyKey) =>
      call<InviteBatchResult>('POST', '/invitations', ['batchId', 'results'], {
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    getInvitationBatch: (id) =>
      call<BatchProgress>('GET', `/invitation-batches/${encodeURIComponent(id)}`, ['done']),
    previewInvitation: (input) =>
      call<EmailPreview>('POST', '/invitations/preview', ['subject', 'html', 'text'], {
        body: input,
      }),
    resendInvitation: (id, idempotencyKey) =>
      call<InviteBatchResult>(
        'POST',
        `/invitations/${encodeURIComponent(id)}/resend`,
        ['batchId', 'results'],
        { headers: { 'idempotency-key': idempotencyKey } }
      ),
    findHistory: (query) =>
      call<Page<HistoryItem>>('GET', '/history', ['items', 'total'], { query }),
  }
}
