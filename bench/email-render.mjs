// Email renders per second on one core: plain `renderEmail` versus the fast path of
// `createTemplateRenderer`, same inputs, same run (domain.md §8: fast path >= 1,000/s).
// Build first: pnpm --filter @partner-center/email-templates build; then: node bench/email-render.mjs
import { createTemplateRenderer, renderEmail } from '../packages/email-templates/dist/index.js'

const linkPolicy = { origin: 'https://partners.example.com', appEnv: 'production' }
const propsFor = (i) => ({
  partnerName: 'Alpha Partner',
  customerName: `Customer ${i} <Robotics> & Co`,
  platformName: 'Example Cloud',
  link: `https://partners.example.com/invite#${i.toString(36).padStart(43, 'x')}`,
  expiresAt: new Date(Date.UTC(2026, 2, 9, 9, 0) + i * 60_000),
  recipientEmail: `customer.${i}@customer.example`,
  partnerContact: 'sales@alpha.example',
  associationType: i % 2 === 0 ? 'reseller' : 'referral',
})

/** Calls per second of `fn` over about `ms` milliseconds, after a warm-up. */
async function measure(fn, ms) {
  for (let i = 0; i < 50; i++) await fn(i)
  let count = 0
  const start = performance.now()
  while (performance.now() - start < ms) await fn(count++)
  return (count * 1000) / (performance.now() - start)
}

const results = []
for (const locale of ['en', 'zh-CN']) {
  const renderer = await createTemplateRenderer({ template: 'invitation', locale, linkPolicy })
  const plain = await measure(
    (i) => renderEmail({ template: 'invitation', locale, linkPolicy, props: propsFor(i) }),
    3_000
  )
  const fast = await measure((i) => renderer.render(propsFor(i)), 2_000)
  results.push({ locale, plain, fast })
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(9)
console.log('invitation email: subject + html + text per render, one core')
for (const { locale, plain, fast } of results) {
  console.log(
    `${locale.padEnd(6)} plain ${fmt(plain)} /s (${(1000 / plain).toFixed(2)} ms)   fast ${fmt(fast)} /s   ratio x${(fast / plain).toFixed(0)}`
  )
}
const worst = Math.min(...results.map((r) => r.fast))
console.log(`goal fast path >= 1,000/s: ${worst >= 1_000 ? 'met' : 'NOT met'} (${fmt(worst)} /s)`)
