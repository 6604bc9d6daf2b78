/**
 * A self-contained API reference page (no CDN, domain.md R60 spirit): it fetches the OpenAPI
 * document and lists every operation with its parameters, body and answers. Its inline script
 * and style carry `nonce`, the one this response's CSP allows (`documentPageCsp`).
 */
export function createApiReferencePage(documentUrl: string, nonce: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API reference · Customer Development</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#1f2329;background:#f7f8fa}
header{background:#1f2329;color:#fff;padding:16px 24px}h1{font-size:18px;margin:0}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
details{background:#fff;border:1px solid #e4e7ed;border-radius:4px;margin:8px 0}
summary{cursor:pointer;padding:10px 12px;font-family:ui-monospace,monospace}
.m{display:inline-block;min-width:64px;font-weight:700}.get{color:#1a7f37}.post{color:#0969da}
.patch{color:#9a6700}.delete{color:#cf222e}.s{color:#57606a;font-family:system-ui}
pre{margin:0 12px 12px;padding:8px;background:#f6f8fa;overflow:auto;font-size:12px}
</style></head>
<body><header><h1>Partner Center · Customer Development API</h1></header>
<main id="ops"><p>Loading ${documentUrl}…</p></main>
<script type="module" nonce="${nonce}">
const doc = await (await fetch(${JSON.stringify(documentUrl)})).json()
const main = document.getElementById('ops')
main.replaceChildren()
const resolve = (s) => s && s.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const d = document.createElement('details')
    const sum = document.createElement('summary')
    const m = document.createElement('span'); m.className = 'm ' + method; m.textContent = method.toUpperCase()
    const s = document.createElement('span'); s.className = 's'; s.textContent = ' ' + (op.summary ?? '')
    sum.append(m, path, s); d.append(sum)
    const pre = document.createElement('pre')
    pre.textContent = JSON.stringify({ parameters: op.parameters, requestBody: resolve(op.requestBody?.content?.['application/json']?.schema), responses: Object.fromEntries(Object.entries(op.responses).map(([k, v]) => [k, resolve(v.content?.['application/json']?.schema) ?? v.description])) }, null, 2)
    d.append(pre); main.append(d)
  }
}
</script></body></html>`
}
