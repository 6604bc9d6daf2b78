/** Ports of this app's dev and preview servers; the only reader of process.env here. */
export const ports = {
  mfePreview: Number(process.env.MFE_PORT ?? 4174),
  mfeDev: Number(process.env.MFE_DEV_PORT ?? 5174),
  apiPort: Number(process.env.API_PORT ?? 3000),
}
