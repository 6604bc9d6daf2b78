/**
 * What the invitation page gives either account form (register, sign in): the invited address,
 * the platform's name, and the flow's busy flag and server answer.
 */
export interface AccountFormState {
  email: string
  platform: string
  busy: boolean
  serverError: { message: string } | null
}

/**
 * What the register form sends: the email only where the customer typed it (invitation links,
 * S26); an email invitation's address is the invited one (R61).
 */
export interface RegistrationForm {
  email?: string
  displayName: string
  password: string
  mobile?: string
}
