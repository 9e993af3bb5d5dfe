// The process's own peak resident memory, in KiB: VmHWM, the high-water mark of
// the memory this program mapped (Linux's /proc/self/status). Not getrusage's
// maxRSS (process.resourceUsage().maxRSS), which on Linux carries the resident
// memory of the process that spawned it across exec: a child of a benchmark
// whose emulator held 100,000 tokens (93 MiB) reported at least that as its own
// peak, however little it used. maxRSS only where /proc is not there.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file, for --require preloads too
const { readFileSync } = require('node:fs')

function peakRssKiB() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1])
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS
}

module.exports = { peakRssKiB }
