import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// The free names the examples use, as a reader's own code would provide them.
const PREAMBLE = `declare const password: string
declare const ctx: import('@partner-center/mfe-contract').MfeContext
declare function showFallback(code: string): void
`

/**
 * The first ```ts block under "## Example" of a README, or null when it has none.
 *
 * @example
 * exampleOf('# x\n\n## Example\n\n```ts\nconst a = 1\n```\n') // 'const a = 1\n'
 */
export function exampleOf(readme: string): string | null {
  const start = readme.indexOf('\n## Example\n')
  if (start < 0) return null
  return /```ts\n([\s\S]*?)```/.exec(readme.slice(start))?.[1] ?? null
}

/**
 * Writes the "## Example" of each installed package's README (the README inside the published
 * tarball, as a consumer reads it) to `readme-examples/<package>.ts` in the project, beside a
 * strict NodeNext tsconfig with the DOM types (the mfe-contract example runs in a browser).
 * Answers the package names whose README has no example.
 */
export function writeReadmeExamples(projectDir: string, packages: readonly string[]): string[] {
  const dir = join(projectDir, 'readme-examples')
  mkdirSync(dir, { recursive: true })
  const missing: string[] = []
  const files: string[] = []
  for (const name of packages) {
    const readme = readFileSync(join(projectDir, 'node_modules', name, 'README.md'), 'utf8')
    const example = exampleOf(readme)
    if (example === null) {
      missing.push(name)
      continue
    }
    const file = `${name.split('/').pop()}.ts`
    writeFileSync(join(dir, file), `${PREAMBLE}\n${example}\nexport {}\n`)
    files.push(file)
  }
  const tsconfig = {
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files,
  }
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`)
  return missing
}
