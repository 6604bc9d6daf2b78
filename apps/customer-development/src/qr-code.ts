// QR codes of invitation links (domain.md R97), drawn in the browser, never on the server. The
// `qrcode` library is imported on the first QR code drawn or downloaded, so it stays out of the
// module's first load (the size check of issue 19).
import { DEFAULT_LIMITS } from '@partner-center/domain'
import type * as QrCodeLibrary from 'qrcode'
import type { QRCodeErrorCorrectionLevel } from 'qrcode'

/** R97: error correction level M. */
export const QR_ERROR_CORRECTION: QRCodeErrorCorrectionLevel = 'M'

/** R97: the quiet zone around the code, in modules. */
export const QR_QUIET_ZONE_MODULES = 4

/** R97: width and height of a downloaded PNG (`QR_PNG_SIZE_PX`). */
export const QR_PNG_SIZE_PX: number = DEFAULT_LIMITS.QR_PNG_SIZE_PX

/** The two download formats of R97. */
export type QrFormat = 'png' | 'svg'

/** The dark modules of a QR code, row by row (`data[row * size + column]` is 1 when dark). */
export interface QrMatrix {
  size: number
  data: Uint8Array
}

/** Turns RGBA pixels of a square image into a PNG file (the browser's canvas by default). */
export type PngEncoder = (pixels: Uint8ClampedArray, sizePx: number) => Promise<Blob>

/** What this file uses of the library. */
type QrLibrary = Pick<typeof QrCodeLibrary, 'create' | 'toString'>

async function loadLibrary(): Promise<QrLibrary> {
  const module: QrLibrary & { default?: QrLibrary } = await import('qrcode')
  // A CommonJS package: the bundle may put its exports on `default`.
  return module.default ?? module
}

/**
 * The QR code of `url` as the library encodes it, at level M.
 *
 * @example
 * const matrix = await qrMatrix('https://portal.example/join#abc') // matrix.size 29 or more
 */
export async function qrMatrix(url: string): Promise<QrMatrix> {
  const { create } = await loadLibrary()
  const { modules } = create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION })
  return { size: modules.size, data: modules.data }
}

/**
 * RGBA pixels of a `sizePx` × `sizePx` image of the code with its quiet zone, black on white.
 * Each pixel takes the module under its centre, so the image has exactly the asked size
 * whatever the number of modules (the library's own `width` rounds some sizes down to 511).
 */
export function qrPixels(matrix: QrMatrix, sizePx: number): Uint8ClampedArray {
  const modules = matrix.size + 2 * QR_QUIET_ZONE_MODULES
  const pixels = new Uint8ClampedArray(sizePx * sizePx * 4).fill(255)
  const moduleAt = (pixel: number) =>
    Math.floor(((pixel + 0.5) * modules) / sizePx) - QR_QUIET_ZONE_MODULES
  for (let y = 0; y < sizePx; y++) {
    const row = moduleAt(y)
    if (row < 0 || row >= matrix.size) continue
    for (let x = 0; x < sizePx; x++) {
      const column = moduleAt(x)
      if (column < 0 || column >= matrix.size || !matrix.data[row * matrix.size + column]) continue
      const offset = (y * sizePx + x) * 4
      pixels[offset] = 0
      pixels[offset + 1] = 0
      pixels[offset + 2] = 0
    }
  }
  return pixels
}

/** The browser's PNG encoder: the pixels on a canvas, saved as PNG. */
export function canvasPng(pixels: Uint8ClampedArray, sizePx: number): Promise<Blob> {
  const canvas = document.createElement('canvas')
  canvas.width = sizePx
  canvas.height = sizePx
  const context = canvas.getContext('2d')
  if (!context) return Promise.reject(new Error('no 2d canvas'))
  context.putImageData(new ImageData(new Uint8ClampedArray(pixels), sizePx, sizePx), 0, 0)
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))),
      'image/png'
    )
  })
}

/**
 * The PNG of R97: `QR_PNG_SIZE_PX` square, level M, quiet zone of 4 modules.
 *
 * @example
 * const blob = await qrPng('https://portal.example/join#abc') // image/png, 512 × 512
 */
export async function qrPng(
  url: string,
  sizePx = QR_PNG_SIZE_PX,
  encode: PngEncoder = canvasPng
): Promise<Blob> {
  return encode(qrPixels(await qrMatrix(url), sizePx), sizePx)
}

/**
 * The SVG of R97, by the library's renderer: level M, quiet zone of 4 modules, one unit per
 * module in its `viewBox`, drawn `sizePx` wide.
 *
 * @example
 * const svg = await qrSvg('https://portal.example/join#abc') // '<svg … viewBox="0 0 37 37" …'
 */
export async function qrSvg(url: string, sizePx = QR_PNG_SIZE_PX): Promise<string> {
  const { toString } = await loadLibrary()
  return toString(url, {
    type: 'svg',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    width: sizePx,
  })
}

/**
 * The SVG as a `data:` URL for an `<img>` (the console's CSP allows `data:` images).
 *
 * @example
 * qrImageSource('<svg …/>') // 'data:image/svg+xml;charset=utf-8,%3Csvg…'
 */
export function qrImageSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/**
 * The file name of R97: `invitation-link-{tag}.{png|svg}`, every character of the tag other than
 * a letter, a digit, `-` and `_` replaced by `_` (letters and digits of any script).
 *
 * @example
 * qrFileName('admin@acme.example', 'png') // 'invitation-link-admin_acme_example.png'
 */
export function qrFileName(tag: string, format: QrFormat): string {
  return `invitation-link-${tag.replace(/[^\p{L}\p{Nd}_-]/gu, '_')}.${format}`
}

/** Saves a file through the browser's download (an object URL on a transient link). */
export function saveFile(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.click()
  // Chromium reads the object URL after the click returns; let it go once the download began.
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
}

/**
 * Downloads the QR code of `url` as PNG or SVG, named after the link's tag (R97).
 *
 * @example
 * await downloadQrCode('https://portal.example/join#abc', 'Spring Fair', 'svg') // invitation-link-Spring_Fair.svg
 */
export async function downloadQrCode(url: string, tag: string, format: QrFormat): Promise<void> {
  const blob =
    format === 'png'
      ? await qrPng(url)
      : new Blob([await qrSvg(url)], { type: 'image/svg+xml;charset=utf-8' })
  saveFile(blob, qrFileName(tag, format))
}
