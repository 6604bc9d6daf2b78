// The contract test kit (architecture.md section 4), a separate export so hosts never ship it.
// DOM and timer APIs only: it runs under happy-dom and bundled into a browser page alike.
export { checkMicroFrontend, type CheckMicroFrontendOptions } from './check-micro-frontend'
export { assertMicroFrontend } from './assert-micro-frontend'
export {
  formatReport,
  MFE_CHECK_NAMES,
  type MfeCheck,
  type MfeCheckName,
  type MfeCheckReport,
} from './check-report'
