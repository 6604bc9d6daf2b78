// Public API of @partner-center/mfe-contract (architecture.md section 4). The contract test
// kit lives in the "./testing" export so hosts never ship it.
export {
  CONTRACT_VERSION,
  type Locale,
  type MfeContext,
  type MfeContextPatch,
  type MfeEventBus,
  type MfeEventName,
  type MfeManifest,
  type MfeModule,
} from './types'
export { parseManifest, type ParseManifestResult } from './parse-manifest'
export { createEventBus, type CreateEventBusOptions } from './create-event-bus'
export { verifyModule, type VerifyModuleResult } from './verify-module'
export {
  DEFAULT_LOAD_TIMEOUT_MS,
  loadMicroFrontend,
  type LoadMicroFrontendOptions,
} from './load-micro-frontend'
export {
  MFE_LOAD_ERROR_CODES,
  type MfeHandle,
  type MfeLoadError,
  type MfeLoadErrorCode,
  type MfeLoadResult,
} from './load-result'
export { preloadStylesheets, type PreloadStylesheetsOptions } from './preload-stylesheets'
export {
  countStylesheetReferences,
  injectStylesheets,
  releaseStylesheets,
  type InjectStylesheetsOptions,
  type InjectStylesheetsResult,
} from './inject-stylesheets'
export {
  defineMicroFrontendElement,
  type DefineMicroFrontendElementOptions,
  type MicroFrontendElement,
  type MicroFrontendElementClass,
} from './define-micro-frontend-element'
