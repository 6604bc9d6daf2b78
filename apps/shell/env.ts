/**
 * Ports of the local processes the shell's dev and preview servers proxy to; the start script
 * sets them, the defaults match it. The only reader of process.env in this app.
 */
export const ports = {
  api: Number(process.env.API_PORT ?? 3000),
  mfe: Number(process.env.MFE_PORT ?? 4174),
  shellDev: Number(process.env.SHELL_PORT ?? 5173),
  shellPreview: Number(process.env.SHELL_PORT ?? 4173),
}
