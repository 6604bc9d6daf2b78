/** Ports of the portal's servers; the only reader of process.env in this app. */
export const ports = {
  api: Number(process.env.API_PORT ?? 3000),
  portal: Number(process.env.PORTAL_PORT ?? 4175),
}
