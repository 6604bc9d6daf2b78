/**
 * A host console's own look and elements, for the hosts of tests/hosts: a theme that differs from
 * the module's in everything the module could inherit or read (font, size, line height, colour,
 * letter spacing, `:root` custom properties including Element Plus's `--el-color-primary`, an
 * `.el-button` rule), and one element of each kind marked `data-host-sample` for
 * `snapshotHostLook` (e2e/support/hosts/host-isolation.ts).
 */
export const HOST_THEME_CSS = `
:root { --el-color-primary: #d4380d; --el-font-size-base: 17px; --host-accent: #237804; }
body { margin: 0; font-family: Georgia, serif; font-size: 17px; line-height: 1.8; color: #1f1f1f;
  letter-spacing: 0.02em; background: #fffbe6; }
h1 { font-size: 28px; color: var(--host-accent); }
a { color: var(--el-color-primary); }
button { font: inherit; }
.el-button { background: var(--el-color-primary); color: #fff; border-radius: 8px; }
input { border: 2px solid var(--host-accent); padding: 4px; }
dialog { border: 3px double #999; }
`

/** The host's header: a heading, a link, buttons, an input and a (closed) dialog. */
export const HOST_HEADER_HTML = `<header>
  <h1 data-host-sample="heading">Host console</h1>
  <a href="#" data-host-sample="link">Host link</a>
  <button type="button" data-host-sample="button">Host button</button>
  <button type="button" class="el-button" data-host-sample="el-button">Host Element button</button>
  <input aria-label="Host search" data-host-sample="input" />
  <dialog data-host-sample="dialog">Host dialog</dialog>
</header>`
