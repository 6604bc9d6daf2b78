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
  },
}

/** The shape every shell language must have. */
export type ShellMessages = typeof en
