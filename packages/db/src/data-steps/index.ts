// The data steps every migrating process applies after the SQL migrations, oldest first. Append
// new steps at the end; never rename or remove one (`data_steps.name` records what ran).
import type { DataStep } from './data-step'
import { identityCanonicalStep } from './identity/identity-step'

/** Every data step, in the order they apply. */
export const DATA_STEPS: readonly DataStep[] = [identityCanonicalStep]

export { applyPendingDataSteps } from './data-step'
export type { AppliedDataStep, DataStep, DataStepContext } from './data-step'
export { DOUBLE_ASSOCIATIONS_SQL, groupDoubleAssociations } from './identity/double-associations'
export type { DoubleAssociationRow } from './identity/double-associations'
export { identityCanonicalStep } from './identity/identity-step'
