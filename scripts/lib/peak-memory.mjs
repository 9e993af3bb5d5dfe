// Runs a script in this process and, when the process exits, writes its peak
// resident memory (KiB, peak-rss.cjs: VmHWM, not maxRSS) to PEAK_FILE:
//   PEAK_FILE=/tmp/x node scripts/lib/peak-memory.mjs dist/index.js
// A wrapper instead of a preload (NODE_OPTIONS=--require) so the measured
// script starts exactly as it otherwise would, one module later.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [script] = process.argv.splice(2, 1)
const peakFile = process.env.PEAK_FILE
if (!script || !peakFile) {
  console.error('usage: PEAK_FILE=<file> node scripts/lib/peak-memory.mjs <script> [args]')
  process.exit(2)
}
const { peakRssKiB } = createRequire(import.meta.url)('./peak-rss.cjs')
process.on('exit', () => writeFileSync(peakFile, String(peakRssKiB())))
await import(pathToFileURL(resolve(script)).href)
