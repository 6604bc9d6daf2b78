import { existsSync } from 'node:fs'
import { run } from './run.mjs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk'

/**
 * Finds Debian's Chromium for the e2e specs, installing it (and CJK fonts for the Chinese
 * screenshots) when missing and running as root; otherwise stops with the command to run.
 */
export async function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH
  if (configured && existsSync(configured)) return configured
  const found = CANDIDATES.find((path) => existsSync(path))
  const fontsPresent = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
  if (found && fontsPresent) return found
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium or CJK fonts are missing. Install them with:\n  sudo sh -c '${INSTALL}'`
    )
  }
  console.log('Installing Debian chromium and fonts-noto-cjk…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if ((await run('sh', ['-c', INSTALL], { env })) !== 0) throw new Error(`failed: ${INSTALL}`)
  const installed = CANDIDATES.find((path) => existsSync(path))
  if (!installed) throw new Error('chromium was installed but no binary was found')
  return installed
}
