/** Module strings (English). Status labels and error texts come from @partner-center/domain. */
export const en = {
  title: 'Customer Development',
  processFlowchart: 'Process Flowchart',
  tabs: { partnerCenter: 'From Partner Center', history: 'History Records' },
  columns: {
    customerName: 'Customer Name',
    mobile: 'Mobile Number',
    email: 'Email',
    status: 'Status',
    validUntil: 'Valid Until',
    lastInvitation: 'Last Invitation',
    createdBy: 'Created By',
    createdAt: 'Created At',
  },
  daysLeft: '{n} days left',
  empty: 'No pre-registered customers yet.',
  total: '{n} customers',
  loadFailed: 'The customer list could not be loaded.',
  reference: 'Reference: {id}',
}

/** The shape every module language must have. */
export type ModuleMessages = typeof en
