// CPU time and peak memory of another process, read from Linux's /proc: what a benchmark needs
// to charge a server's own work to it, apart from the load generator's and PostgreSQL's.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

// The unit of utime and stime in /proc/<pid>/stat (usually 100 per second).
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }))

/** Milliseconds one clock tick stands for: the resolution of {@link cpuMilliseconds}. */
export const CPU_TICK_MS = 1000 / CLOCK_TICKS_PER_SECOND

/**
 * The CPU time the process has used so far, all its threads, user plus system (utime + stime of
 * /proc/<pid>/stat), in milliseconds.
 */
export function cpuMilliseconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  const ticks = Number(fields[11]) + Number(fields[12])
  return ticks * CPU_TICK_MS
}

/** A line of /proc/<pid>/status in KiB, e.g. VmHWM (peak resident set) or VmRSS. */
export function statusKiB(pid, name) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)
  if (!match) throw new Error(`/proc/${pid}/status has no ${name}`)
  return Number(match[1])
}

/**
 * The id of this process's child whose command line contains `text`, for a child started by a
 * helper that does not hand out its ChildProcess (api-bench-support.mjs's startApi).
 */
export function childPidRunning(text) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (parentPid !== process.pid) continue
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) return Number(entry)
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no child process of ${process.pid} runs ${text}`)
}

/**
 * CPU time the whole machine has been busy so far, all cores (user, nice, system, irq, softirq
 * and steal of /proc/stat's `cpu` line), in milliseconds: with the load generator, the server
 * and PostgreSQL on the same cores, what a unit of work costs all of them together.
 */
export function machineBusyMilliseconds() {
  const [cpuLine] = readFileSync('/proc/stat', 'utf8').split('\n')
  const [user, nice, system, , , irq, softirq, steal] = cpuLine
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number)
  return (user + nice + system + irq + softirq + steal) * CPU_TICK_MS
}

/**
 * CPU time used so far by every process of the machine whose command name is `name` (e.g.
 * `postgres`: the server and all its backends), in milliseconds. Processes that ended meanwhile
 * are not counted: compare values read while the same processes live.
 */
export function processesCpuMilliseconds(name) {
  let total = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      if (command === name) total += cpuMilliseconds(entry)
    } catch {
      // the process ended while we looked
    }
  }
  return total
}
