import { call } from './http'
import { CD } from './seed'

interface HistoryPage {
  items: { id: string; status: string; sentAt: string | null; attemptCount: number }[]
  total: number
}

/** Every History Records row of the signed-in partner, keyed by invitation id. */
export async function historyById(base: string, token: string) {
  const rows = new Map<string, HistoryPage['items'][number]>()
  for (let page = 1; ; page++) {
    const answer = await call<HistoryPage>(base, 'GET', `${CD}/history?page=${page}&pageSize=100`, {
      token,
    })
    if (answer.status !== 200) throw new Error(`history ${answer.status} ${answer.text}`)
    for (const item of answer.body.items) rows.set(item.id, item)
    if (answer.body.items.length < 100 || rows.size >= answer.body.total) return rows
  }
}
