import { getUniqueViolation, UNIQUE_CONSTRAINTS } from '@partner-center/db/portable'
import type { AppError } from '../../errors'

/** Thrown inside an acceptance's transaction: rolls it back, writing nothing, and answers `error`. */
export class AcceptanceRefused extends Error {
  constructor(readonly error: AppError) {
    super(error.code)
  }
}

/**
 * What an acceptance's transaction commits: the accepted answer, or a refusal whose failure row
 * the partner must see, so it is answered only after the commit.
 */
export type AcceptanceOutcome<T> = { accepted: T } | { refused: AppError }

/**
 * Runs an acceptance's transaction, by email (R65) or by link (R108), and answers its outcome:
 * the accepted answer, or the refusal thrown inside (rolled back) or returned (committed). A
 * customer accepting twice at once loses one transaction on the unique index of active
 * associations (R68), which rolls all of it back, so `recordLostRace` records that loss in a
 * transaction of its own and throws its answer.
 *
 * @example
 * return runAcceptance(
 *   () => deps.db.transaction(async (tx) => ({ accepted: await commit(tx) })),
 *   () => recordLostRace(deps, options)
 * )
 */
export async function runAcceptance<T>(
  transaction: () => Promise<AcceptanceOutcome<T>>,
  recordLostRace: () => Promise<never>
): Promise<T> {
  let outcome: AcceptanceOutcome<T>
  try {
    outcome = await transaction()
  } catch (error) {
    if (error instanceof AcceptanceRefused) throw error.error
    if (getUniqueViolation(error) === UNIQUE_CONSTRAINTS.oneActiveAssociationPerCustomer) {
      return recordLostRace()
    }
    throw error
  }
  if ('refused' in outcome) throw outcome.refused
  return outcome.accepted
}
