import type { NewAssociationRow } from '../schema/index'
import { demoCustomerId } from './demo-customers'
import { demoId, offsetFrom } from './demo-ids'
import { demoPreregistrationId } from './demo-preregistrations'

/** The two ACTIVE associations of domain.md §10.2 as of `now`. */
export function buildAssociationRows(now: Date): NewAssociationRow[] {
  const importedAt = offsetFrom(now, -25)
  const acceptedAt = offsetFrom(now, -4)
  return [
    // globex.client: an imported reseller customer of Globex whose budget is already set, so
    // it demonstrates ALREADY_ASSOCIATED without a frozen account.
    {
      id: demoId('association:globex.client'),
      partnerId: demoId('partner:globex'),
      customerAccountId: demoCustomerId('globex.client'),
      type: 'reseller',
      payer: 'PARTNER',
      status: 'ACTIVE',
      origin: 'IMPORTED',
      invitationId: null,
      preregistrationId: null,
      frozenPendingBudget: false,
      associatedAt: importedAt,
      budgetSetAt: importedAt,
      createdAt: importedAt,
      updatedAt: importedAt,
    },
    // new.delta: converted through P05's invitation, frozen until Acme sets a budget (R66).
    {
      id: demoId('association:new.delta'),
      partnerId: demoId('partner:acme'),
      customerAccountId: demoCustomerId('new.delta'),
      type: 'reseller',
      payer: 'PARTNER',
      status: 'ACTIVE',
      origin: 'EMAIL_INVITATION',
      invitationId: demoId('invitation:P05-1'),
      preregistrationId: demoPreregistrationId('P05'),
      frozenPendingBudget: true,
      associatedAt: acceptedAt,
      createdAt: acceptedAt,
      updatedAt: acceptedAt,
    },
  ]
}
