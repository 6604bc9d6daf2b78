/** Shell strings (English). */
export const en = {
  brand: 'Partner Center',
  nav: {
    sales: 'Sales',
    leads: 'Leads and Opportunities',
    customerDevelopment: 'Customer Development',
    partners: 'Partners',
    mailbox: 'Mailbox',
    signOut: 'Sign out',
    language: 'Language',
  },
  signIn: {
    title: 'Sign in to Partner Center',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Sign-in failed.',
  },
  home: {
    welcome: 'Welcome, {name}',
    hint: 'Open Sales › Leads and Opportunities › Customer Development to develop customers.',
  },
  mfe: {
    loading: 'Loading Customer Development…',
    unavailable: 'Customer Development is unavailable right now.',
    retry: 'Retry',
    notEnabled:
      'Customer Development is not enabled for your organisation. Contact your ecosystem manager.',
    notForManager:
      'Customer Development is for partner users. The ecosystem manager sets it up under Partners.',
    ecosystemManager: 'Your ecosystem manager: {contact}',
    nameAndEmail: '{name} ({email})',
  },
  partners: {
    title: 'Partners',
    intro:
      'Set each partner’s Customer Development capabilities and contacts. Changes apply from the partner’s next request.',
    notPermitted:
      'You are not permitted to manage partners. Only the ecosystem manager can change partner capabilities.',
    loading: 'Loading partners…',
    loadFailed: 'Partners could not be loaded.',
    retry: 'Retry',
    empty: 'No partners yet',
    columns: {
      partner: 'Partner',
      associations: 'Associations',
      customerDevelopmentEnabled: 'Customer Development',
      referralModelEnabled: 'Referral Model',
      isPrepaid: 'Prepaid',
      preregistrationQuota: 'Pre-registration Quota',
      dailyInviteCap: 'Daily Invitation Cap',
      contactEmail: 'Contact Email',
      contactMobile: 'Contact Mobile',
      ecosystemManagerName: 'Ecosystem Manager',
      ecosystemManagerEmail: 'Ecosystem Manager Email',
      operation: 'Operation',
    },
    controlLabel: '{field} of {partner}',
    associationsBySource: 'Email {email} · General link {general} · Custom link {custom}',
    save: 'Save',
    saveLabel: 'Save {partner}',
    saved: 'Changes to {partner} saved.',
    saveFailed: 'The changes could not be saved.',
    reference: 'Reference: {requestId}',
    invalid: {
      customerDevelopmentEnabled: 'Choose on or off.',
      referralModelEnabled: 'Choose on or off.',
      isPrepaid: 'Choose on or off.',
      preregistrationQuota: 'Enter a whole number from 0 to 10,000.',
      dailyInviteCap: 'Enter a whole number from 0 to 100,000.',
      contactEmail: 'Enter a valid email address, or leave it empty.',
      contactMobile:
        'Enter a mobile number with its country code, such as +86 138 0000 1234, or leave it empty.',
      ecosystemManagerName: 'Enter a name of 1 to 100 characters, or leave it empty.',
      ecosystemManagerEmail: 'Enter a valid email address, or leave it empty.',
    },
  },
}

/** The shape every shell language must have. */
export type ShellMessages = typeof en
