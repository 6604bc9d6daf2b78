import type { NewAssociationRow } from '../schema/index'
import { demoCustomerId } from './demo-customers'
import { demoId, offsetFrom } from './demo-ids'
import { demoPreregistrationId } from './demo-preregistrations'

/** The four ACTIVE associations of domain.md §10.2 as of `now`. */
export function buildAssociationRows(now: Date): NewAssociationRow[] {
  const importedAt = offsetFrom(now, -25)
  const acceptedAt = offsetFrom(now, -4)
  const etaAcceptedAt = offsetFrom(now, -2)
  const iotaAcceptedAt = offsetFrom(now, -1)
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
    // new.eta: registered through P15's reseller invitation; frozen like new.delta.
    {
      id: demoId('association:new.eta'),
      partnerId: demoId('partner:acme'),
      customerAccountId: demoCustomerId('new.eta'),
      type: 'reseller',
      payer: 'PARTNER',
      status: 'ACTIVE',
      origin: 'EMAIL_INVITATION',
      invitationId: demoId('invitation:P15-1'),
      preregistrationId: demoPreregistrationId('P15'),
      frozenPendingBudget: true,
      associatedAt: etaAcceptedAt,
      createdAt: etaAcceptedAt,
      updatedAt: etaAcceptedAt,
    },
    // iota.logistics: an existing account that accepted P16's referral invitation (no freeze).
    {
      id: demoId('association:iota.logistics'),
      partnerId: demoId('partner:acme'),
      customerAccountId: demoCustomerId('iota.logistics'),
      type: 'referral',
      payer: 'PLATFORM',
      status: 'ACTIVE',
      origin: 'EMAIL_INVITATION',
      invitationId: demoId('invitation:P16-1'),
      preregistrationId: demoPreregistrationId('P16'),
      frozenPendingBudget: false,
      associatedAt: iotaAcceptedAt,
      createdAt: iotaAcceptedAt,
      updatedAt: iotaAcceptedAt,
    },
  ]
}
