import { expect } from 'vitest'

// The loop both state-machine coverage tests run (issue 15): a row in every status, one write
// path against all of them, and the statuses whose row changed. The assertions stay in the tests.

/** What a coverage test reads of a domain table: each event's from-states. */
type EventTable<Event extends string, Status extends string> = Readonly<
  Record<Event, { from: readonly Status[] }>
>

/** What every write path of a coverage test names. */
export interface CoveredPath<Event extends string, Status extends string> {
  event: Event
  via: string
  /** Default: the event's from-states. */
  expected?: readonly Status[]
}

/** The events the paths cover as the table says (a path with its own `expected` covers none). */
export function coveredEvents<Event extends string>(
  paths: readonly CoveredPath<Event, string>[]
): Event[] {
  return [...new Set(paths.filter((p) => !p.expected).map((p) => p.event))].sort()
}

/** One `it.each` row per path: title, path, and the statuses it must change (`statuses` order). */
export function pathCases<
  Event extends string,
  Status extends string,
  Path extends CoveredPath<Event, Status>,
>(statuses: readonly Status[], table: EventTable<Event, Status>, paths: readonly Path[]) {
  return paths.map((path) => {
    const expected = path.expected ?? table[path.event].from
    const ordered = statuses.filter((status) => expected.includes(status))
    return [`${path.event} via ${path.via}`, path, ordered] as const
  })
}

/** How one path is run against one row per status. */
export interface StatusRun<Status extends string, Arranged> {
  statuses: readonly Status[]
  arrange: (status: Status) => Promise<Arranged>
  /** The whole stored row, as text: any column that moved makes it differ. */
  snapshot: (arranged: Arranged) => Promise<string>
  /** Runs once for all rows (the dispatcher, sweeper and data step), then `each` once per row. */
  all?: (arranged: Arranged[]) => Promise<void>
  each?: (arranged: Arranged) => Promise<void>
}

/** Arranges a row in every status, runs the path, and answers the statuses whose row changed. */
export async function statusesChangedBy<Status extends string, Arranged>(
  run: StatusRun<Status, Arranged>
): Promise<Status[]> {
  const arranged = new Map<Status, Arranged>()
  for (const status of run.statuses) arranged.set(status, await run.arrange(status))
  const before = new Map<Status, string>()
  for (const [status, row] of arranged) before.set(status, await run.snapshot(row))
  if (run.all) await run.all([...arranged.values()])
  for (const row of arranged.values()) await run.each?.(row)
  const changed: Status[] = []
  for (const [status, row] of arranged) {
    if ((await run.snapshot(row)) !== before.get(status)) changed.push(status)
  }
  return changed
}

/** Fails on a 5xx (a bug) but not on a refusal: the path must have run to its end. */
export function noServerError(response: { status: number; text: string }) {
  expect(response.status < 500 ? 'answered' : response.text).toBe('answered')
}
