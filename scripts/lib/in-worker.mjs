// Runs a script (the bundle) in a worker_threads Worker whose V8 heap is
// capped with resourceLimits, WORKER_LIMITS="<young MiB>/<old MiB>"; the
// process ends with the worker's exit code. For scripts/bench/list.mjs only,
// run through peak-memory.mjs (which measures the whole process):
//   WORKER_LIMITS=4/512 PEAK_FILE=<file> node scripts/lib/peak-memory.mjs scripts/lib/in-worker.mjs dist/index.js
// It measures the most that moving a listing's page walk into a capped
// Worker could save: here the main thread holds nothing but this shell.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const [script] = process.argv.splice(2, 1)
const [young, old] = (process.env.WORKER_LIMITS ?? '').split('/').map(Number)
if (!script || !young || !old) {
  console.error('usage: WORKER_LIMITS=<young MiB>/<old MiB> node scripts/lib/in-worker.mjs <script> [args]')
  process.exit(2)
}
const worker = new Worker(pathToFileURL(resolve(script)), { argv: process.argv.slice(2), resourceLimits: { maxYoungGenerationSizeMb: young, maxOldGenerationSizeMb: old } })
worker.on('error', (error) => {
  console.error(`the worker failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
worker.on('exit', (code) => {
  if (code !== 0) process.exitCode = code
})
