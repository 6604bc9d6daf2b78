import type { Plugin } from 'vite'

/** Options of {@link qiankunHtmlEntry}. */
export interface QiankunHtmlEntryOptions {
  /** The ES entry chunk holding the qiankun lifecycles (a key of `build.lib.entry`). */
  entryName: string
  /** The HTML entry's file name beside manifest.json, unhashed so hosts can name it. */
  fileName: string
  /**
   * The global the classic script sets: qiankun takes the lifecycles from the property the
   * entry script added last to its sandbox window, else from `window[<app name>]`; naming it
   * after the module also serves hosts that register the app under that name.
   */
  globalName: string
  /** The build's `base`: where the files are when qiankun did not say (same-origin hosts). */
  base: string
}

/**
 * The classic script of the HTML entry. qiankun 2 evaluates it in its JS sandbox (a proxy
 * window, with `eval`), where ES modules cannot run, so it only registers the lifecycles; the
 * first lifecycle call `import()`s the ES adapter by absolute URL: qiankun's
 * `__INJECTED_PUBLIC_PATH_BY_QIANKUN__` (the entry's folder), else the build's base resolved
 * against the page (the HTML opened as a page, or a same-origin host). The ES module graph then
 * runs in the real window, outside the sandbox, loaded once per page and shared by instances.
 */
export function qiankunEntryScript(options: {
  adapterFile: string
  globalName: string
  base: string
}): string {
  const config = JSON.stringify(options)
  return `;(function (global) {
  var config = ${config}
  var loading = null
  function adapterUrl() {
    var injected = global.__INJECTED_PUBLIC_PATH_BY_QIANKUN__
    var folder = typeof injected === 'string' && injected ? injected : new URL(config.base, location.href).href
    return new URL(config.adapterFile, folder).href
  }
  function load() {
    loading = loading || import(adapterUrl()).catch(function (error) {
      loading = null // a later mount may retry, e.g. after a network error
      throw error
    })
    return loading
  }
  function lifecycle(name) {
    return function (props) {
      return load().then(function (adapter) { return adapter[name](props) })
    }
  }
  global[config.globalName] = {
    bootstrap: lifecycle('bootstrap'),
    mount: lifecycle('mount'),
    unmount: lifecycle('unmount'),
    update: lifecycle('update'),
  }
})(window)`
}

/**
 * Build only: emits the HTML entry qiankun 2 fetches (`loadMicroApp({ entry })`), whose one
 * classic script ({@link qiankunEntryScript}) registers the lifecycles of the ES entry chunk
 * `entryName` (architecture.md §4).
 */
export function qiankunHtmlEntry(options: QiankunHtmlEntryOptions): Plugin {
  return {
    name: 'pc-qiankun-html-entry',
    apply: 'build',
    generateBundle(_outputOptions, bundle) {
      const chunk = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.isEntry && file.name === options.entryName
      )
      if (!chunk) throw new Error(`no entry chunk "${options.entryName}" for ${options.fileName}`)
      const script = qiankunEntryScript({
        adapterFile: chunk.fileName,
        globalName: options.globalName,
        base: options.base,
      })
      const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>customer-development (qiankun entry)</title></head>
<body>
<script>${script}</script>
</body>
</html>
`
      this.emitFile({ type: 'asset', fileName: options.fileName, source: html })
    },
  }
}
