// Renders per second on one core (Node is single-threaded here): the plain `renderEmail` versus
// the fast path of `createTemplateRenderer`, same inputs, same run. Build first, then:
//   node bench/render.bench.mjs
// Goal: fast path >= 1,000 renders/s. Compare the ratio, not absolute figures (measured-limits.md).
import { createTemplateRenderer, renderEmail } from '../dist/index.js'

const linkPolicy = { origin: 'https://partners.example.com', appEnv: 'production' }
const propsFor = (i) => ({
  partnerName: 'Alpha Partner',
  customerName: `Customer ${i} <Robotics> & Co`,
  platformName: 'Example Cloud',
  link: `https://partners.example.com/invite#tok_${i.toString(36).padStart(43, 'x')}`,
  expiresAt: new Date(Date.UTC(2025, 0, 22, 9, 30) + i * 60_000),
  recipientEmail: `customer.${i}@customer.example`,
  partnerContact: 'sales@alpha.example',
  associationType: i % 2 === 0 ? 'reseller' : 'referral',
})

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns calls per second. */
async function measure(fn, ms) {
  for (let i = 0; i < 50; i++) await fn(i)
  let count = 0
  const start = performance.now()
  while (performance.now() - start < ms) await fn(count++)
  return (count * 1000) / (performance.now() - start)
}

const renderer = await createTemplateRenderer({ template: 'invitation', locale: 'en', linkPolicy })
const plain = await measure(
  (i) => renderEmail({ template: 'invitation', locale: 'en', linkPolicy, props: propsFor(i) }),
  4_000
)
const fast = await measure((i) => renderer.render(propsFor(i)), 2_000)
const sync = await measure((i) => renderer.renderSync(propsFor(i)), 2_000)

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(9)
console.log('invitation, en, html + text + subject per render')
console.log(
  `plain renderEmail          ${fmt(plain)} renders/s  (${(1000 / plain).toFixed(2)} ms each)`
)
console.log(
  `fast path render()         ${fmt(fast)} renders/s  (x${(fast / plain).toFixed(0)} plain)`
)
console.log(
  `fast path renderSync()     ${fmt(sync)} renders/s  (x${(sync / plain).toFixed(0)} plain)`
)
console.log(`goal fast path >= 1,000/s: ${fast >= 1_000 ? 'met' : 'NOT met'}`)
