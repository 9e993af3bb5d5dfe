// Runs a script in this process and, when the process exits, writes its peak
// resident memory (KiB, from process.resourceUsage().maxRSS) to PEAK_FILE:
//   PEAK_FILE=/tmp/x node scripts/lib/peak-memory.mjs dist/index.js
// A wrapper instead of a preload (NODE_OPTIONS=--require) so the measured
// script starts exactly as it otherwise would, one module later.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [script] = process.argv.splice(2, 1)
const peakFile = process.env.PEAK_FILE
if (!script || !peakFile) {
  console.error('usage: PEAK_FILE=<file> node scripts/lib/peak-memory.mjs <script> [args]')
  process.exit(2)
}
process.on('exit', () => writeFileSync(peakFile, String(process.resourceUsage().maxRSS)))
await import(pathToFileURL(resolve(script)).href)
