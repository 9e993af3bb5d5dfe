// Reuse without the wait: create-canarytoken with `reuse: true` when no
// other run overlaps (the Console has no token with the memo, so the run
// searches, creates and looks again) beside the same create without reuse.
// Fresh processes of the bundled action, interleaved, a new memo every run,
// against the emulator on loopback (as the start-up benchmark). What reuse
// adds is two searches, the one that finds an existing token and the look
// after the create that makes overlapping runs converge: on a Console with a
// round trip of L, 2L on top of the create's own L, which no lock-free design
// goes below; the wait that used to follow every create (a second) is gone
// unless runs overlap. Overlapping runs converging on one token are the e2e
// tests' part (__tests__/e2e/reuse.test.ts); this measures what a lone run pays.
import { dirname } from 'node:path'
import { rm } from 'node:fs/promises'
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { runAction } from '../lib/run-action.mjs'

const RUNS = Number(process.env.BENCH_REUSE_RUNS || 10)
const TARGET_RATIO = 1.3
const AUTH_TOKEN = 'bench-reuse-auth-token-0123456789abcdef'

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = (sorted.length - 1) / 2
  return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2
}

export default async function () {
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  const url = await emulator.start()
  let count = 0
  /** One create, with or without reuse, of a memo no token has yet. */
  async function create(reuse) {
    const memo = `bench reuse ${++count}`
    const run = await runAction({ operation: 'create-canarytoken', console: url, 'auth-token': AUTH_TOKEN, kind: 'dns', memo, reuse: String(reuse) })
    await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
    if (run.exitCode !== 0 || run.outputs.reused !== 'false') throw new Error(`create failed: ${run.errors.join(' | ') || run.stderr}`)
    return run.elapsedMs
  }
  try {
    await create(false)
    await create(true)
    const times = { plain: [], reuse: [] }
    for (let index = 0; index < RUNS; index++) {
      const order = index % 2 === 0 ? [false, true] : [true, false]
      for (const reuse of order) times[reuse ? 'reuse' : 'plain'].push(await create(reuse))
    }
    const ratio = median(times.reuse) / median(times.plain)
    console.log(`create-canarytoken, no other run overlapping, the emulator on loopback, ${RUNS} runs each, interleaved`)
    console.log(`  without reuse: median ${median(times.plain).toFixed(0)} ms; with reuse: median ${median(times.reuse).toFixed(0)} ms (a search before the create, one after)`)
    console.log(`  reuse / no reuse: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`)
    return ratio <= TARGET_RATIO
  } finally {
    await emulator.stop()
  }
}
