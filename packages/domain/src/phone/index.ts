// The `@partner-center/domain/phone` entry: mobile canonicalisation (R15) with libphonenumber-js,
// the package's one dependency. It is kept out of the main entry so that code which never reads
// a mobile number (and the module's first chunk) does not carry the phone metadata; the UIs load
// this entry with `import()` when a form needs it.

export * from './normalize-mobile'
