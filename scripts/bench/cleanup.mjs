// Scheduled cleanup at scale: the bundled action's cleanup-canarytokens
// (default settings) against what a shell loop over the API does (list, then
// one delete at a time), both on an emulated Console holding 10,000 tokens
// of which 2,000 match, with a fixed latency on every answer. Each side runs
// in a process of its own on a freshly seeded Console, twice, and the faster
// run of each is compared: other work on the machine only ever slows a run.
// Beside them, for information: Thinkst's delete_tokens_threaded.py's way
// (100 deletes at once, no retries), and the action against a Console that
// answers 429 above 10 requests in flight, which must still delete every
// match and send no more than 10 at once after the first 429.
import { execFile } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { actionNode, runAction, tempFolder } from '../lib/run-action.mjs'

const TOTAL = 10_000
const MATCHES = 2_000
const LATENCY_MS = 20
/** The Console of the throttled side refuses requests beyond this many in flight. */
const THROTTLE_IN_FLIGHT = 10
/** Thinkst's delete_tokens_threaded.py: ThreadPoolExecutor(max_workers=100). */
const THREADED_WORKERS = 100
/** The action's time at most this share of the sequential loop's. */
const TARGET_RATIO = 1 / 12
const DAY = 86_400
const MEMO_PATTERN = 'nightly-build *'
const AUTH_TOKEN = 'bench-auth-token-0123456789abcdef'
// Fastest of three: the sequential side takes most of a minute a run, and a busy spell can fall on any one run.
const RUNS = Number(process.env.BENCH_CLEANUP_RUNS || 3)

/** Seeds a fresh Console: every fifth token is a stale nightly-build token (the matches), the rest varied. */
async function seededConsole(options = {}) {
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN, latencyMs: LATENCY_MS, ...options })
  const nowSeconds = Date.now() / 1000
  emulator.seedTokens(TOTAL, (index) =>
    index % (TOTAL / MATCHES) === 0 ? { memo: `nightly-build run ${index}`, kind: 'dns', created: String(nowSeconds - (40 + (index % 300)) * DAY) } : {}
  )
  return { emulator, url: await emulator.start() }
}

const isMatch = (token, nowSeconds) => token.memo.startsWith('nightly-build ') && Number(token.created) < nowSeconds - 30 * DAY

/** Counts what the Console saw and checks that exactly the matches are gone. */
function tally(emulator, nowSeconds) {
  const list = emulator.requests.filter((request) => request.path.startsWith('/api/v1/canarytokens/')).length
  const change = emulator.requests.filter((request) => request.method === 'POST').length
  const remaining = emulator.listTokens()
  const correct = remaining.length === TOTAL - MATCHES && !remaining.some((token) => isMatch(token, nowSeconds))
  return { requests: emulator.requests.length, list, change, correct }
}

/** A preload that writes the process's peak resident memory (KiB) to PEAK_FILE on exit. */
async function peakMemoryPreload(folder) {
  const preload = join(folder, 'peak-memory.cjs')
  const peakRss = JSON.stringify(fileURLToPath(new URL('../lib/peak-rss.cjs', import.meta.url)))
  await writeFile(preload, `process.on('exit', () => require('node:fs').writeFileSync(process.env.PEAK_FILE, String(require(${peakRss}).peakRssKiB())))\n`)
  return preload
}

async function peakEnv(folder, name) {
  const file = join(folder, `${name}.peak`)
  return { file, env: { NODE_OPTIONS: `--require ${await peakMemoryPreload(folder)}`, PEAK_FILE: file } }
}

const readPeakMiB = async (file) => Number(await readFile(file, 'utf8')) / 1024

async function runActionSide(folder, consoleOptions = {}) {
  const { emulator, url } = await seededConsole(consoleOptions)
  const nowSeconds = Date.now() / 1000
  const peak = await peakEnv(folder, 'action')
  try {
    const run = await runAction(
      {
        operation: 'cleanup-canarytokens',
        console: url,
        'auth-token': AUTH_TOKEN,
        action: 'delete',
        'memo-pattern': MEMO_PATTERN,
        'created-before': '30d',
        'max-changes': String(MATCHES)
      },
      { env: peak.env }
    )
    await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
    if (run.exitCode !== 0) throw new Error(`the action failed: ${run.errors.join(' | ') || run.stderr}`)
    return { ...tally(emulator, nowSeconds), ms: run.elapsedMs, peakMiB: await readPeakMiB(peak.file), throttle: emulator.throttleReport() }
  } finally {
    await emulator.stop()
  }
}

async function runBaselineSide(folder, pageSize, workers = 1) {
  const { emulator, url } = await seededConsole()
  const nowSeconds = Date.now() / 1000
  const peak = await peakEnv(folder, 'baseline')
  try {
    const started = process.hrtime.bigint()
    await new Promise((done, fail) =>
      execFile(actionNode, [fileURLToPath(import.meta.url), '--baseline', url, String(pageSize), String(workers)], { env: { PATH: process.env.PATH ?? '', ...peak.env } }, (error, _stdout, stderr) =>
        error ? fail(new Error(`the baseline failed: ${stderr || error.message}`)) : done(undefined)
      )
    )
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    return { ...tally(emulator, nowSeconds), ms, peakMiB: await readPeakMiB(peak.file) }
  } finally {
    await emulator.stop()
  }
}

/**
 * The shell loop, in Node: search page by page (following cursor.next), keep
 * the matches, then POST the deletes, `workers` at a time (1: each waiting for
 * the last; 100: delete_tokens_threaded.py's pool, which neither retries nor
 * slows down).
 */
async function sequentialCleanup(base, pageSize, workers) {
  const headers = { 'x-canary-auth-token': AUTH_TOKEN }
  const cutoff = Date.now() / 1000 - 30 * DAY
  const ids = []
  let cursor
  do {
    const url = new URL('/api/v1/canarytokens/search', base)
    // The filters go with every page: the Console's cursors are offsets that do not carry them.
    for (const [name, value] of Object.entries({ search_string: 'nightly', limit: pageSize })) url.searchParams.set(name, value)
    if (cursor) url.searchParams.set('cursor', cursor)
    const answer = await (await fetch(url, { headers })).json()
    if (answer.result !== 'success') throw new Error(`search: ${answer.message}`)
    for (const token of answer.canarytokens) if (token.memo.startsWith('nightly-build ') && Number(token.created) < cutoff) ids.push(token.canarytoken)
    cursor = answer.cursor?.next
  } while (cursor)
  const worker = async () => {
    for (let canarytoken = ids.pop(); canarytoken !== undefined; canarytoken = ids.pop()) {
      const answer = await (await fetch(new URL('/api/v1/canarytoken/delete', base), { method: 'POST', headers, body: new URLSearchParams({ canarytoken }) })).json()
      if (answer.result !== 'success') throw new Error(`delete ${canarytoken}: ${answer.message}`)
    }
  }
  await Promise.all(Array.from({ length: workers }, worker))
}

export default async function () {
  const folder = await tempFolder('bench-cleanup-')
  const { PAGE_SIZE } = await import(new URL('../../build/backends/console/canarytokens.js', import.meta.url).href)
  const { INPUT_DEFAULTS } = await import(new URL('../../build/inputs.js', import.meta.url).href)
  console.log(`cleanup-canarytokens: ${MATCHES} of ${TOTAL} tokens match, ${LATENCY_MS} ms latency per answer, page size ${PAGE_SIZE}`)
  try {
    // Interleaved, so a busy spell on the machine does not fall on one side only.
    const actionRuns = []
    const baselineRuns = []
    for (let run = 0; run < RUNS; run++) {
      actionRuns.push(await runActionSide(folder))
      baselineRuns.push(await runBaselineSide(folder, PAGE_SIZE))
    }
    const threaded = await runBaselineSide(folder, PAGE_SIZE, THREADED_WORKERS)
    const throttled = await runActionSide(folder, { maxInFlight: THROTTLE_IN_FLIGHT, retryAfterSeconds: 1 })
    const fastest = (runs) => runs.reduce((best, side) => (side.ms < best.ms ? side : best))
    const action = { ...fastest(actionRuns), correct: actionRuns.every((side) => side.correct) }
    const baseline = { ...fastest(baselineRuns), correct: baselineRuns.every((side) => side.correct) }

    const row = (name, side) =>
      `${name.padEnd(44)} ${String(side.requests).padStart(8)} ${String(side.list).padStart(6)} ${String(side.change).padStart(7)} ${side.ms.toFixed(0).padStart(9)} ${side.peakMiB.toFixed(0).padStart(9)}  ${side.correct ? 'exactly the matches deleted' : 'WRONG tokens deleted'}`
    console.log(`${'side'.padEnd(44)} requests   list  change   wall ms  peak MiB`)
    console.log(row(`action (default concurrency ${INPUT_DEFAULTS.concurrency})`, action))
    console.log(row('sequential baseline', baseline))
    console.log(row(`${THREADED_WORKERS} at once (delete_tokens_threaded.py's way)`, threaded))
    console.log(row(`action, Console throttling above ${THROTTLE_IN_FLIGHT} in flight`, throttled))
    console.log(`(fastest of ${RUNS} runs each; all runs, ms: action ${actionRuns.map((side) => side.ms.toFixed(0)).join(', ')}; baseline ${baselineRuns.map((side) => side.ms.toFixed(0)).join(', ')})`)

    const ratio = action.ms / baseline.ms
    const listLimit = Math.ceil(MATCHES / PAGE_SIZE) + 1
    const fastEnough = ratio <= TARGET_RATIO
    const fewPages = action.list <= listLimit
    console.log(`wall time ratio action/baseline: ${ratio.toFixed(3)} (${(1 / ratio).toFixed(1)}x faster; target <= 1/12 = ${TARGET_RATIO.toFixed(3)}): ${fastEnough ? 'ok' : 'MISSED'}`)
    console.log(`  for information: action/${THREADED_WORKERS}-at-once ${(action.ms / threaded.ms).toFixed(2)}; throttled action/baseline ${(throttled.ms / baseline.ms).toFixed(3)}`)
    console.log(`action list requests: ${action.list} (target <= ceil(${MATCHES}/${PAGE_SIZE}) + 1 = ${listLimit}): ${fewPages ? 'ok' : 'MISSED'}`)
    const report = throttled.throttle
    const polite = report.refused > 0 && report.arrivedAfterWait > 0 && report.peakAfterWait <= THROTTLE_IN_FLIGHT
    console.log(
      `throttled Console: ${report.refused} requests refused (429), all in the first burst: most in flight once the first Retry-After had passed ${report.peakAfterWait} (target <= ${THROTTLE_IN_FLIGHT}), ${throttled.correct ? 'every match deleted' : 'NOT every match deleted'}: ${polite && throttled.correct ? 'ok' : 'MISSED'}`
    )
    return fastEnough && fewPages && action.correct && baseline.correct && threaded.correct && throttled.correct && polite
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--baseline' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await sequentialCleanup(process.argv[3], process.argv[4], Number(process.argv[5] ?? 1))
}
