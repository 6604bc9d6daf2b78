import type postgres from 'postgres'
import { call, type Answer } from './http'
import { uuidArray } from './seed'
import { CD, chunks, type BatchAnswer } from './seed'

/** Invites the ids in batches of 100 through the given APIs (round robin); returns the answers. */
export async function inviteAll(
  bases: readonly string[],
  token: string,
  ids: readonly string[],
  parallel = 2
): Promise<Answer<BatchAnswer>[]> {
  const batches = chunks(ids, 100)
  const answers: Answer<BatchAnswer>[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < batches.length) {
        const index = next++
        const base = bases[index % bases.length] ?? ''
        answers[index] = await call<BatchAnswer>(base, 'POST', `${CD}/invitations`, {
          token,
          body: { preregistrationIds: batches[index], associationType: 'reseller' },
        })
      }
    })
  )
  return answers
}

/** Invitation ids queued by 202 answers. */
export function queuedIds(answers: readonly Answer<BatchAnswer>[]): string[] {
  return answers.flatMap((a) =>
    a.status === 202
      ? a.body.results.filter((r) => r.outcome === 'QUEUED').map((r) => r.invitationId ?? '')
      : []
  )
}

/** Message-ID, status and creation time of invitations. */
export async function invitationRows(sql: postgres.Sql, ids: readonly string[]) {
  if (ids.length === 0) return []
  return sql<{ id: string; messageId: string; status: string; createdAt: Date }[]>`
    select id, message_id as "messageId", status, created_at as "createdAt"
    from invitations where id = any(${uuidArray(ids)}::uuid[])`
}
