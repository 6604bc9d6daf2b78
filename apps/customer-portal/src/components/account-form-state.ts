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
