import { describe, expect, it } from 'vitest'

// The module's layout (README "Layout"), checked on the sources themselves so it stays as
// written: stores hold pinia stores only, components live in feature folders, one dialog
// shell draws every dialog, and the page's language is read through useLocale() only.
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.vue', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
const files = Object.keys(sources).map((path) => path.replace(/^\.\//, ''))
const text = (file: string): string => sources[`./${file}`] ?? ''

describe('module layout', () => {
  it('keeps only pinia stores in stores/', () => {
    const stores = files.filter((file) => file.startsWith('stores/'))
    expect(stores.length).toBeGreaterThan(0)
    expect(stores.filter((file) => !/\bdefineStore\(/.test(text(file)))).toEqual([])
  })

  it('keeps every component in a feature folder, with its tests beside it', () => {
    const components = files.filter((file) => file.startsWith('components/'))
    expect(components.length).toBeGreaterThan(0)
    expect(components.filter((file) => !/^components\/[a-z-]+\/[A-Z]\w+\.vue$/.test(file))).toEqual(
      []
    )
    const tests = Object.keys(import.meta.glob('./components/**/*.test.ts', { query: '?raw' }))
    expect(tests.length).toBeGreaterThan(0)
    expect(tests.filter((test) => !sources[test.replace(/\.test\.ts$/, '.vue')])).toEqual([])
  })

  it('draws every dialog with the one dialog shell', () => {
    const dialogs = files.filter((file) => /\bElDialog\b/.test(text(file)))
    expect(dialogs).toEqual(['components/shared/DialogShell.vue'])
    const users = files.filter((file) => /<DialogShell\b/.test(text(file)))
    expect(users.sort()).toEqual([
      'components/api-keys/CreateApiKeyDialog.vue',
      'components/invite/EmailPreviewDialog.vue',
      'components/invite/InviteDialog.vue',
      'components/offline/CreateLinkDialog.vue',
      'components/preregistrations/PreregisterDialog.vue',
      'components/shared/ShownOnceDialog.vue',
      'components/webhooks/WebhookEndpointDialog.vue',
    ])
  })

  it("reads the page's language through useLocale() only, with no cast to Locale", () => {
    const others = files.filter((file) => file !== 'composables/use-locale.ts')
    const casts = others.filter((file) => /\bas (?:Locale|HostLocale)\b/.test(text(file)))
    const rawReads = others.filter((file) =>
      /\{[^}]*\blocale\b[^}]*\}\s*=\s*useI18n\(|useI18n\(\)\.locale/.test(text(file))
    )
    expect({ casts, rawReads }).toEqual({ casts: [], rawReads: [] })
  })
})
