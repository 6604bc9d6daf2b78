import { INVITATION_EVENTS, PREREGISTRATION_EVENTS } from '@partner-center/domain'
import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { invitations } from './schema/index'
import { appliesFromSql, quoteStatuses } from './status-guard'

const dialect = new PgDialect()

describe('status guards built from the domain event tables', () => {
  it('writes the from-states of the events as literals, not parameters', () => {
    const guard = dialect.sqlToQuery(
      appliesFromSql(invitations.status, INVITATION_EVENTS.SEND_SUCCEEDED)
    )
    expect(guard).toEqual({
      sql: `"invitations"."status" in ('QUEUED', 'SEND_FAILED')`,
      params: [],
    })
  })

  it('unions the from-states of several events, in a template too', () => {
    const guard = dialect.sqlToQuery(
      appliesFromSql(
        sql`t.status`,
        PREREGISTRATION_EVENTS.REVIEW_LAPSED,
        PREREGISTRATION_EVENTS.VALIDITY_LAPSED
      )
    )
    expect(guard.sql).toBe(`t.status in ('PENDING_REVIEW', 'PRE_REGISTERED')`)
  })

  it('refuses an empty list and anything that is not a status', () => {
    expect(() => quoteStatuses([])).toThrow('at least one status')
    expect(() => quoteStatuses(["SENT') or ('1"])).toThrow('not a status')
  })
})
