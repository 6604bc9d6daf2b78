import type { RevealColumn } from '@partner-center/contracts'

/**
 * The revealed columns after one click on a column's eye: added when masked, removed when
 * revealed (domain.md M6, M8). Shared by the customer list and History Records.
 *
 * @example
 * toggleRevealColumn(['name'], 'email') // ['name', 'email']
 */
export function toggleRevealColumn(
  revealed: readonly RevealColumn[],
  column: RevealColumn
): RevealColumn[] {
  return revealed.includes(column) ? revealed.filter((c) => c !== column) : [...revealed, column]
}
