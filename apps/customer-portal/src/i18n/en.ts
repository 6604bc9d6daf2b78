/** Portal strings (English). Failure messages and customer actions come from the domain catalogue. */
export const en = {
  title: 'Partner invitation',
  language: 'Language',
  loading: 'Checking your invitation…',
  noLink: 'Open the link from your invitation email to continue.',
  invitedBy: '{partner} invites you to connect your {platform} account',
  typeLabel: 'Association type',
  invitedEmail: 'Invited email',
  expires: 'Link expires',
  utc: 'UTC',
  createAccount: 'Create an account',
  haveAccount: 'I already have an account',
  register: {
    heading: 'Create your {platform} account',
    email: 'Email',
    name: 'Name',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    mobile: 'Mobile Number (optional)',
    mobileHint: 'With country code, e.g. +86 138 0000 0000',
    terms: 'I agree to the User Agreement and Privacy Statement',
    submit: 'Create account',
  },
  signIn: {
    heading: 'Sign in to {platform}',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
  },
  accept: {
    heading: 'Associate with {partner}',
    signedInAs: 'Signed in as {email}',
    instructions: 'I have read and agree to the Partner Association Instructions',
    showInstructions: 'Read the Partner Association Instructions',
    // The instructions start with this invitation's type definition (the domain's, §9.0).
    instructionsText: [
      'The platform shares your account’s contact details and usage with the partner.',
      'Ending the association later needs the partner’s agreement.',
    ],
    submit: 'Accept and associate',
    signOut: 'Sign out',
  },
  mismatch: {
    action: 'Sign out and continue',
  },
  result: {
    success: 'You are now associated with {partner}',
    type: 'Association type: {type}',
    at: 'Associated at {time}',
    console: 'Go to console',
    partnerContact: 'Your partner: {partner} ({contact})',
    tryAgain: 'Try again',
  },
  renewal: {
    ask: 'Ask {partner} for a new invitation',
    done: '{partner} has been told. They can send you a new invitation.',
  },
  fieldRequired: 'This field is required.',
  passwordTooShort: 'Use at least 10 characters.',
  mobileInvalid: 'Enter the mobile number with its country code, e.g. +86 138 0000 0000.',
  termsRequired: 'Please agree to continue.',
}

/** The shape every portal language must have. */
export type PortalMessages = typeof en
