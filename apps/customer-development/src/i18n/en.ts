/** Module strings (English). Status labels and error texts come from @partner-center/domain. */
export const en = {
  title: 'Customer Development',
  // Where the page sits in the console's menu (S2).
  breadcrumb: {
    label: 'You are here',
    sales: 'Sales',
    leads: 'Leads and Opportunities',
  },
  processFlowchart: 'Process Flowchart',
  showFlowchart: 'Show the process flowchart',
  hideFlowchart: 'Hide the process flowchart',
  flow: {
    label: 'How customer development works',
    preregister: 'Pre-register',
    // {days} is the `days` message below, filled with the limit of `GET /me`.
    preregisterText: 'Claim the customer for {days}.',
    invite: 'Invite',
    inviteText: 'Choose the association type, preview, send; the link works for {days}.',
    accepts: 'Customer accepts',
    acceptsText: 'Registers or signs in and accepts the association instructions.',
    track: 'Track',
    trackText: 'Follow the outcome and the reasons in History Records.',
  },
  tabs: {
    partnerCenter: 'From Partner Center',
    offline: 'Offline Invitation',
    history: 'History Records',
  },
  notEnabled:
    'Customer Development is not enabled for your organisation. Contact your ecosystem manager.',
  toolbar: {
    preregister: 'Preregister Customer',
    invite: 'Invite',
    batchDelete: 'Batch Delete',
    search: 'Search name, email or mobile',
    status: 'Status',
    refresh: 'Refresh',
  },
  columns: {
    customerName: 'Customer Name',
    customerAccountName: 'Customer Name/Account Name',
    mobile: 'Mobile Number',
    email: 'Email',
    status: 'Status',
    validUntil: 'Valid Until',
    lastInvitation: 'Last Invitation',
    createdBy: 'Created By',
    createdAt: 'Created At',
    operation: 'Operation',
    associationType: 'Association Type',
    invitedBy: 'Invited By',
    source: 'Source',
    invitedAt: 'Invited At',
    expiresAt: 'Expires At',
    associatedAt: 'Associated At',
  },
  reveal: 'Show {column}',
  mask: 'Hide {column}',
  selectRow: 'Select {name}',
  selectAll: 'Select all rows on this page',
  pageSize: 'Rows per page',
  // R6: the UTC time shown on hover and focus of a local time.
  externalRefLine: 'Ref: {ref}',
  utcTime: '{time} UTC',
  localWithUtc: '{local} ({utc} UTC)',
  // Plural forms (singular | plural), chosen by vue-i18n from the count.
  days: '{n} day | {n} days',
  daysLeft: '{n} day left | {n} days left',
  empty: 'No pre-registered customers yet.',
  emptyHistory: 'No invitations yet.',
  total: '{n} customers',
  loadFailed: 'The customer list could not be loaded.',
  reference: 'Reference: {id}',
  actions: {
    invite: 'Invite',
    delete: 'Delete',
    resend: 'Resend',
    ok: 'OK',
    cancel: 'Cancel',
    close: 'Close',
  },
  cooldown: 'Available in {n} min',
  confirmDelete: 'Delete this pre-registration?',
  confirmBatchDelete:
    'Delete {n} pre-registrations? Their open invitations will be withdrawn and other partners may then pre-register these customers.',
  deleteTitle: 'Delete',
  deleted: 'Deleted.',
  batchDeleted: '{deleted} deleted, {skipped} skipped',
  review: {
    pending:
      'In manual review: the account is older than {age} or has spending. Your ecosystem manager will decide within {timeout}.',
    rejected: 'The review was rejected: {note}',
  },
  preregister: {
    title: 'Preregister Customer',
    customerName: 'Customer Name',
    email: 'Email',
    emailHint: 'Needed to invite by email',
    mobile: 'Mobile Number',
    countryCode: 'Country code',
    externalRef: 'External Reference',
    externalRefHint:
      "Your own identifier of this customer, for example the CRM record ID (1 to {max} characters). It is sent with every event about this customer; do not enter the customer's name, email or mobile number.",
    mobileNumber: 'Number',
    language: 'Email Language',
    languages: { en: 'English', zhCN: '简体中文' },
    contactRequired: 'Enter an email or a mobile number.',
    invalidEmail: 'Enter a valid email address.',
    invalidMobile: 'Enter a valid mobile number.',
    invalidName: 'Enter a name of 1 to 100 characters.',
    success: 'Pre-registered. Valid until {date}.',
    pendingReview:
      'Sent for manual review: the account is older than {age} or has spending. Your ecosystem manager will decide within {timeout}.',
    protectedUntil: 'Protected until {date}.',
  },
  invite: {
    title: 'Invite Customers',
    willSend: 'will be sent',
    willSkip: 'will be skipped: {reason}',
    associationType: 'Association Type',
    unavailableType: '{type} (contact your ecosystem manager to apply for the permission)',
    prepaidNote: 'Prepaid partners can invite only in the referral model.',
    validityNote:
      'Each link works once and stops working {days} after it is sent. Ask your customers to act before then.',
    preview: 'Preview Email',
    summary: '{queued} queued, {skipped} skipped',
    progress: '{sent} sent, {failed} failed of {queued}',
    progressLabel: 'Sending progress',
    done: 'All invitations processed.',
    viewHistory: 'View in History Records',
    skippedRows: 'Skipped',
  },
  preview: {
    title: 'Email Preview',
    previewFor: 'Preview for',
    // The label's punctuation and spacing belong to the language (English: colon and space).
    subject: 'Subject: ',
    html: 'HTML',
    text: 'Plain text',
    frameTitle: 'Invitation email',
    loading: 'Rendering the email…',
    // R119: which email the preview shows, offered while reminders are on.
    kind: 'Email',
    kindInvitation: 'Invitation',
    kindReminder: 'Reminder',
  },
  history: {
    filter: 'Status',
    renewal: 'Customer asked for a new invitation',
    confirmResend: 'Send a new {type} invitation to {email}? The previous link will stop working.',
    resendTitle: 'Resend',
    resendQueued: 'A new invitation is queued.',
    details: 'Details',
    sending: 'Sending (attempt {n} of {max})',
    expires: 'Link expires {date}',
    associated: 'Associated {date}',
    superseded: 'Replaced by a newer invitation.',
    showNewer: 'Click to show the newer invitation.',
    withdrawn: 'The pre-registration was deleted',
    // §12.3.2, R118: the one reminder email of a sent invitation.
    reminderSent: 'Reminder sent',
    reminderNotDelivered: 'Reminder not delivered',
    thenReminder: '{hint}. {reminder}',
  },
  platformName: 'Example Cloud',
  // S20: the help view; the association types in it are the domain's texts.
  help: {
    forDetails: 'For details, see Inviting Pre-registered Customers',
    title: 'Inviting Pre-registered Customers',
    back: 'Back to the customer list',
    preregistration: 'Pre-registration',
    preregistrationText:
      'To invite a customer by email, first pre-register them: click {button} and enter the customer’s name and email or mobile number. Only pre-registered customers can be invited.',
    protectionText:
      'A pre-registration protects the customer for you until the date in {column}; meanwhile no other partner can pre-register them. An older account, or one with spending, is first reviewed by your ecosystem manager.',
    referralPermission:
      'By default, you can associate with your customers in the reseller model. To use the referral model, contact your ecosystem manager to apply for the permission.',
    customerSteps: 'The customer’s steps',
    stepEmail:
      'The customer receives your invitation email and opens its link. Invitation links have a validity period: ask your customers to complete registration within it.',
    stepAccount:
      'They create an account with the invited email, or sign in to the account they already have.',
    stepAccept:
      'They read the association type and the Partner Association Instructions, agree to them, and accept.',
    stepTrack:
      'The customer is then associated with you. Follow each invitation’s outcome, and the reason when it fails, in {tab}.',
  },
  // S29: the header's links to the pages below the module, and their way back.
  views: {
    apiKeys: 'API Keys',
    webhooks: 'Webhooks',
    back: 'Back to the customer list',
  },
  ecosystemManager: {
    contact: 'Your ecosystem manager: {contact}',
    nameAndEmail: '{name} ({email})',
  },
}

/** The shape every module language must have. */
export type ModuleMessages = typeof en
