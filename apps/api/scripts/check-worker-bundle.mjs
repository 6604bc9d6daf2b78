// `pnpm --filter @partner-center/api check:worker`, a step of the README's test command: bundles
// the worker as a deploy does, then fails on code generation, PGlite, a node: module outside
// nodejs_compat, a stale allowance, or an upload above budget (worker-bundle.mjs).
import { bundleWorker, scanWorkerBundle, UPLOAD_BUDGET } from './worker-bundle.mjs'

const bundle = await bundleWorker()
const scan = scanWorkerBundle(bundle.source)
const problems = []
for (const finding of scan.refused) {
  problems.push(`${finding.rule} in ${finding.module} (line ${finding.line}): ${finding.text}`)
}
for (const allowance of scan.stale) {
  problems.push(`allowance for ${allowance.rule} in ${allowance.module} matched nothing: remove it`)
}
if (bundle.gzipKiB > UPLOAD_BUDGET.gzipKiB) {
  problems.push(
    `upload ${bundle.gzipKiB} KiB gzip is above the budget of ${UPLOAD_BUDGET.gzipKiB.toFixed(2)} KiB ` +
      `(twice ${UPLOAD_BUDGET.measuredGzipKiB} KiB of ${UPLOAD_BUDGET.measuredOn}; ` +
      `platform limit: ${UPLOAD_BUDGET.platformLimit})`
  )
}

console.log(`worker bundle: ${bundle.file}`)
console.log(
  `upload: ${bundle.totalKiB} KiB, gzip ${bundle.gzipKiB} KiB ` +
    `(budget ${UPLOAD_BUDGET.gzipKiB.toFixed(2)} KiB; ${UPLOAD_BUDGET.platformLimit})`
)
for (const finding of scan.permitted) {
  console.log(`allowed: ${finding.rule} in ${finding.module} (line ${finding.line})`)
}
if (problems.length > 0) {
  console.error(`\nThe worker bundle cannot ship:\n  ${problems.join('\n  ')}`)
  process.exitCode = 1
} else {
  console.log('worker bundle check: ok')
}
