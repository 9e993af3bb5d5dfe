// `npm run bench`: runs every benchmark in scripts/bench/ (or those named on
// the command line) one after another. Each prints what it measured side by
// side in the same run, as ratios: no absolute time limits, machines are noisy.
import { readdirSync } from 'node:fs'
import { removeRunFolders } from './lib/run-action.mjs'

const folder = new URL('./bench/', import.meta.url)
const wanted = process.argv.slice(2)
const benches = readdirSync(folder)
  .filter((file) => file.endsWith('.mjs'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort()
if (benches.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ') || '(none in scripts/bench/)'}`)
  process.exit(1)
}
let failed = false
try {
  for (const file of benches) {
    console.log(`\n### ${file.replace(/\.mjs$/, '')}`)
    const bench = await import(new URL(file, folder).href)
    const ok = await bench.default()
    if (ok === false) failed = true
  }
} finally {
  // The folders of every bundle run (runAction, tempFolder).
  await removeRunFolders()
}
process.exit(failed ? 1 : 0)
