import { gunzipSync } from 'node:zlib'

/** One regular file of a package tarball. */
export interface TarballFile {
  /** Path inside the tarball, e.g. `package/dist/index.js`. */
  path: string
  bytes: number
}

const BLOCK = 512

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length)
  const end = raw.indexOf(0)
  return raw.subarray(0, end === -1 ? length : end).toString('utf8')
}

/** The `path=` record of a pax extended header, if any. */
function paxPath(records: string): string | undefined {
  return /(?:^|\n)\d+ path=([^\n]*)\n/.exec(records)?.[1]
}

/**
 * The regular files of a gzipped tar (ustar, with pax `path` records), as `npm pack` and
 * `pnpm publish` write them. Enough for listing a package: no links, no other pax keys.
 *
 * @example
 * listTarball(await (await fetch(dist.tarball)).arrayBuffer().then(Buffer.from))
 * // [{ path: 'package/package.json', bytes: 1234 }, …]
 */
export function listTarball(gzipped: Buffer): TarballFile[] {
  const tar = gunzipSync(gzipped)
  const files: TarballFile[] = []
  let nextPath: string | undefined
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.every((byte) => byte === 0)) break
    const bytes = parseInt(field(header, 124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] ?? 0)
    const prefix = field(header, 345, 155)
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100)
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + bytes)
    if (type === 'x') nextPath = paxPath(body.toString('utf8'))
    else {
      if (type === '0' || type === '\0') files.push({ path: nextPath ?? name, bytes })
      nextPath = undefined
    }
    offset += BLOCK + Math.ceil(bytes / BLOCK) * BLOCK
  }
  return files
}
