import { config, z } from 'zod'

// Every contract schema imports `z` from here, so this runs before any schema is built, however a
// bundler splits the chunks (issue 13 item 6). In a browser, zod would probe `new Function` to
// compile object parsers; the pages' CSP (no 'unsafe-eval') refuses it, and although zod catches
// the refusal and parses without compiling, Chromium still reports a CSP violation. Jitless
// parsing is what runs under that CSP anyway, so this changes no behaviour there. The API (Node,
// no `document`) keeps the compiled parsers.
if ('document' in globalThis) config({ jitless: true })

/** zod's `z`, configured for the pages' CSP in a browser (see above). */
export { z }
