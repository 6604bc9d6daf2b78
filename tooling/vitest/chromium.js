/**
 * How every browser test starts Debian's Chromium (the e2e suite, the consumer test): headless,
 * as root without the sandbox, and with the background services off, whose connections this
 * machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
