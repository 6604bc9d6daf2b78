import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import {
  QR_PNG_SIZE_PX,
  QR_QUIET_ZONE_MODULES,
  qrFileName,
  qrMatrix,
  qrPng,
  qrSvg,
  type PngEncoder,
} from './qr-code'

// R97: the QR code of a link, decoded back by a real reader, gives exactly the link.
// The browser encodes the PNG with its canvas; here pngjs does, from the same pixels.
const pngjsEncoder: PngEncoder = (pixels, sizePx) => {
  const png = new PNG({ width: sizePx, height: sizePx })
  png.data = Buffer.from(pixels)
  return Promise.resolve(new Blob([new Uint8Array(PNG.sync.write(png))], { type: 'image/png' }))
}

async function decodePng(blob: Blob) {
  const png = PNG.sync.read(Buffer.from(await blob.arrayBuffer()))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  return { width: png.width, height: png.height, text: code?.data ?? null }
}

/** The SVG's dark modules drawn back onto pixels (its path: `M x y`, `h n`, `m dx 0`). */
function rasterizeSvg(svg: string, scale: number) {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1])
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? ''
  const pixels = new Uint8ClampedArray(size * scale * size * scale * 4).fill(255)
  let x = 0
  let y = 0
  for (const [, command, first, second] of path.matchAll(/([MmHhVv])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const a = Number(first)
    if (command === 'M') [x, y] = [a, Number(second)]
    else if (command === 'm') [x, y] = [x + a, y + Number(second ?? 0)]
    else if (command === 'h') {
      for (let column = x; column < x + a; column++) {
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const offset = (((y - 0.5) * scale + dy) * size * scale + column * scale + dx) * 4
            pixels.fill(0, offset, offset + 3)
          }
        }
      }
      x += a
    }
  }
  return { size, pixels, width: size * scale }
}

const URLS = [
  // A link of R99: the portal's /join and a 43-character base64url code.
  'http://localhost:4362/join#Qm9vdHN0cmFwLWNvZGUtb2YtNDMtY2hhcmFjdGVyc18',
  // Long enough for 41 modules, where the library's own `width` would give 511 px.
  'https://partners.example-cloud.example/console/join#Zm9yLWEtbGFyZ2VyLXZlcnNpb24tb2YtdGhlLWNvZGUtXw',
]

describe('qrPng', () => {
  it.each(URLS)('decodes back to exactly %s, 512 × 512', async (url) => {
    const decoded = await decodePng(await qrPng(url, QR_PNG_SIZE_PX, pngjsEncoder))
    expect(decoded).toEqual({ width: 512, height: 512, text: url })
  })

  it('is 512 px square as QR_PNG_SIZE_PX says', () => {
    expect(QR_PNG_SIZE_PX).toBe(512)
  })

  it('leaves a white quiet zone of 4 modules on every side', async () => {
    const url = URLS[0]!
    const matrix = await qrMatrix(url)
    const png = PNG.sync.read(
      Buffer.from(await (await qrPng(url, QR_PNG_SIZE_PX, pngjsEncoder)).arrayBuffer())
    )
    const zone = Math.floor((QR_QUIET_ZONE_MODULES * 512) / (matrix.size + 8))
    const dark = (x: number, y: number) => png.data[(y * 512 + x) * 4] === 0
    for (let i = 0; i < 512; i++) {
      for (const edge of [0, zone - 1, 511 - zone + 1, 511]) {
        expect(dark(i, edge) || dark(edge, i)).toBe(false)
      }
    }
    // The top-left finder pattern starts right after the quiet zone.
    expect(dark(zone + 2, zone + 2)).toBe(true)
  })

  it('encodes at error correction level M', async () => {
    const url = URLS[0]!
    const { create } = await import('qrcode')
    expect(create(url, { errorCorrectionLevel: 'M' }).modules.size).toBe((await qrMatrix(url)).size)
    expect(create(url, { errorCorrectionLevel: 'H' }).modules.size).not.toBe(
      (await qrMatrix(url)).size
    )
  })
})

describe('qrSvg', () => {
  it.each(URLS)('is 512 px wide, one unit per module and a quiet zone of 4: %s', async (url) => {
    const svg = await qrSvg(url)
    const matrix = await qrMatrix(url)
    const size = matrix.size + 2 * QR_QUIET_ZONE_MODULES
    expect(svg).toContain(`width="512" height="512"`)
    expect(svg).toContain(`viewBox="0 0 ${size} ${size}"`)
    // The first dark module is the finder pattern's corner, at (4, 4).
    expect(svg).toMatch(/<path stroke="#000000" d="M4 4\.5h/)
  })

  it.each(URLS)('drawn back onto pixels decodes to exactly %s', async (url) => {
    const { pixels, width } = rasterizeSvg(await qrSvg(url), 8)
    expect(jsQR(pixels, width, width)?.data).toBe(url)
  })
})

describe('qrFileName', () => {
  it.each([
    ['admin@acme.example', 'png', 'invitation-link-admin_acme_example.png'],
    ['Spring Fair 2026', 'svg', 'invitation-link-Spring_Fair_2026.svg'],
    ['春季展会-A_1', 'png', 'invitation-link-春季展会-A_1.png'],
    ['a/b\\c:d*e?', 'svg', 'invitation-link-a_b_c_d_e_.svg'],
  ] as const)('names %j as %s', (tag, format, name) => {
    expect(qrFileName(tag, format)).toBe(name)
  })
})
