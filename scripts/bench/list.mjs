// Listing a big organisation's Console: list-canarytokens over 100,000 tokens
// (the bundled action, as a step runs it) beside the floor, a bare script
// that pages through the same Console with fetch and writes the same JSON to
// a file: wall time side by side. Memory flat in the number of tokens: the
// peak RSS of list-canarytokens and of cleanup-canarytokens (deleting the
// same 200 tokens, by a memo pattern the Console cannot search by, so that
// every token is read) at 100,000 tokens against the same at 1,000. The action
// must also keep every output inside GitHub's 1 MB with the whole list in
// its tokens-file. For information beside them, the memory floor (a walk
// with fetch that keeps nothing) and the listing at 10,000 tokens: how much of
// the growth is V8's heap growing over a long run, and how much is ours.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { actionNode, runAction } from '../lib/run-action.mjs'

const TOTAL = Number(process.env.BENCH_LIST_TOKENS || 100_000)
const AUTH_TOKEN = 'bench-list-auth-token-0123456789abcdef'
/** The action may take at most this many times the bare script's wall time. */
const TARGET_RATIO = 1.3
/** Peak RSS at TOTAL tokens at most this many times the peak at SMALL. */
const MEMORY_RATIO = 1.3
const SMALL = 1_000
/** For information: a listing long enough that V8 has compiled undici's parser with its optimizing tier. */
const MEDIUM = 10_000
const RUNS = Number(process.env.BENCH_LIST_RUNS || 2)
const OUTPUT_LIMIT = 1_000_000
const peakMemory = fileURLToPath(new URL('../lib/peak-memory.mjs', import.meta.url))
const bareWalk = fileURLToPath(new URL('../lib/bare-walk.mjs', import.meta.url))

/** The floor: page with cursor.next, keep every token, write them as one JSON file. */
async function bareList(base, pageSize, file) {
  const headers = { 'x-canary-auth-token': AUTH_TOKEN }
  const tokens = []
  let cursor
  do {
    const url = new URL('/api/v1/canarytokens/paginate', base)
    if (cursor) url.searchParams.set('cursor', cursor)
    else url.searchParams.set('limit', pageSize)
    const answer = await (await fetch(url, { headers })).json()
    if (answer.result !== 'success') throw new Error(`paginate: ${answer.message}`)
    tokens.push(...answer.canarytokens)
    cursor = answer.cursor?.next
  } while (cursor)
  await writeFile(file, JSON.stringify(tokens))
}

/** A Console of `total` tokens, `matches` of them stale nightly-build tokens (for cleanup), the rest varied. */
async function seededConsole(total, matches = 0) {
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  const nowSeconds = Date.now() / 1000
  const every = matches > 0 ? Math.floor(total / matches) : 0
  emulator.seedTokens(total, (index) => (every && index % every === 0 && index / every < matches ? { memo: `nightly-build run ${index}`, kind: 'dns', created: String(nowSeconds - 40 * DAY) } : {}))
  return { emulator, url: await emulator.start() }
}

const DAY = 86_400
/** cleanup-canarytokens deletes this many, at either size: what grows is the number of tokens read. */
const CLEANUP_MATCHES = 200
const mib = async (peakFile) => Number(await readFile(peakFile, 'utf8')) / 1024

/** The bundled action, through the peak-memory wrapper; its run folders are removed. */
async function actionRun(folder, name, inputs) {
  const peakFile = join(folder, `${name}.peak`)
  const run = await runAction({ 'auth-token': AUTH_TOKEN, ...inputs }, { wrapper: [peakMemory], env: { PEAK_FILE: peakFile } })
  if (run.exitCode !== 0) throw new Error(`${inputs.operation} failed: ${run.errors.join(' | ') || run.stderr}`)
  const file = run.outputs['tokens-file'] ?? ''
  const fileBytes = file ? (await stat(file)).size : 0
  const listed = file && inputs.operation === 'list-canarytokens' ? JSON.parse(await readFile(file, 'utf8')).length : undefined
  const largestOutput = Math.max(...Object.values(run.outputs).map((value) => Buffer.byteLength(value ?? '')))
  await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
  return { ms: run.elapsedMs, peak: await mib(peakFile), outputs: run.outputs, fileBytes, listed, largestOutput }
}

async function bareRun(folder, url, pageSize) {
  const peakFile = join(folder, 'bare.peak')
  const bareFile = join(folder, 'bare.json')
  const started = process.hrtime.bigint()
  await new Promise((done, fail) =>
    execFile(actionNode, [peakMemory, fileURLToPath(import.meta.url), '--bare', url, String(pageSize), bareFile], { env: { PATH: process.env.PATH ?? '', PEAK_FILE: peakFile } }, (error, _stdout, stderr) =>
      error ? fail(new Error(`the bare script failed: ${stderr || error.message}`)) : done(undefined)
    )
  )
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const bytes = (await stat(bareFile)).size
  await rm(bareFile, { force: true })
  return { ms, peak: await mib(peakFile), bytes }
}

/**
 * The memory floor: a walk that keeps nothing. Peak RSS in MiB, the lower of
 * two runs (a short run's peak depends on when the collector's threads
 * happen to run).
 */
async function walkPeak(folder, url, pageSize) {
  const peakFile = join(folder, 'walk.peak')
  const once = async () => {
    const out = await new Promise((done, fail) =>
      execFile(actionNode, [peakMemory, bareWalk, url, AUTH_TOKEN, String(pageSize)], { env: { PATH: process.env.PATH ?? '', PEAK_FILE: peakFile } }, (error, stdout, stderr) =>
        error ? fail(new Error(`the bare walk failed: ${stderr || error.message}`)) : done(String(stdout).trim())
      )
    )
    return { peak: await mib(peakFile), count: Number(out) }
  }
  const first = await once()
  const second = await once()
  return second.peak < first.peak ? second : first
}

export default async function () {
  const folder = await mkdtemp(join(tmpdir(), 'bench-list-'))
  const { PAGE_SIZE } = await import(new URL('../../build/backends/console/canarytokens.js', import.meta.url).href)
  const verdict = (value, target) => `${value.toFixed(2)} (target <= ${target}): ${value <= target ? 'ok' : 'MISSED'}`
  const fastest = (runs) => runs.reduce((best, run) => (run.ms < best.ms ? run : best))
  try {
    // Listing time: the action and the bare script on one Console, interleaved, fastest of RUNS each.
    const big = await seededConsole(TOTAL)
    const listRuns = []
    const walks = {}
    const bareRuns = []
    try {
      for (let index = 0; index < RUNS; index++) {
        listRuns.push(await actionRun(folder, 'list', { operation: 'list-canarytokens', console: big.url }))
        bareRuns.push(await bareRun(folder, big.url, PAGE_SIZE))
      }
      walks.big = await walkPeak(folder, big.url, PAGE_SIZE)
    } finally {
      await big.emulator.stop()
    }
    const small = await seededConsole(SMALL)
    let smallList
    try {
      smallList = await actionRun(folder, 'list-small', { operation: 'list-canarytokens', console: small.url })
      walks.small = await walkPeak(folder, small.url, PAGE_SIZE)
    } finally {
      await small.emulator.stop()
    }
    // For information: the listing at MEDIUM tokens, where what grows with the number of tokens starts to show.
    const medium = await seededConsole(MEDIUM)
    let mediumList
    try {
      mediumList = await actionRun(folder, 'list-medium', { operation: 'list-canarytokens', console: medium.url })
    } finally {
      await medium.emulator.stop()
    }
    /** cleanup-canarytokens deleting CLEANUP_MATCHES stale tokens among `total`. */
    const cleanup = async (total) => {
      const seeded = await seededConsole(total, CLEANUP_MATCHES)
      try {
        const inputs = { operation: 'cleanup-canarytokens', console: seeded.url, action: 'delete', 'memo-pattern': '*nightly-build run *', 'created-before': '30d', 'max-changes': String(CLEANUP_MATCHES) }
        const run = await actionRun(folder, `cleanup-${total}`, inputs)
        if (Number(run.outputs['changed-count']) !== CLEANUP_MATCHES) throw new Error(`cleanup changed ${run.outputs['changed-count']}, not ${CLEANUP_MATCHES}`)
        return run
      } finally {
        await seeded.emulator.stop()
      }
    }
    const cleanupBig = await cleanup(TOTAL)
    const cleanupSmall = await cleanup(SMALL)

    const list = fastest(listRuns)
    const bare = fastest(bareRuns)
    const row = (name, side, note = '') => `${name.padEnd(52)} ${side.ms.toFixed(0).padStart(9)} ${side.peak.toFixed(0).padStart(9)}  ${note}`
    console.log(`list-canarytokens and cleanup-canarytokens: ${TOTAL} and ${SMALL} tokens, page size ${PAGE_SIZE}, no added latency; fastest of ${RUNS} interleaved runs for the listing time`)
    console.log(`${'side'.padEnd(52)}   wall ms  peak MiB`)
    console.log(row(`list, ${TOTAL} tokens`, list, `tokens-file ${(list.fileBytes / 1e6).toFixed(1)} MB with ${list.listed} tokens; largest output ${list.largestOutput} bytes`))
    console.log(row(`bare paging script, ${TOTAL} tokens`, bare, `${(bare.bytes / 1e6).toFixed(1)} MB of JSON, all held`))
    console.log(row(`list, ${SMALL} tokens`, smallList))
    console.log(row(`cleanup (delete ${CLEANUP_MATCHES}), ${TOTAL} tokens`, cleanupBig))
    console.log(row(`cleanup (delete ${CLEANUP_MATCHES}), ${SMALL} tokens`, cleanupSmall))
    const walkRow = (name, side) => `${name.padEnd(52)} ${''.padStart(9)} ${side.peak.toFixed(0).padStart(9)}  ${side.count} tokens seen, none kept`
    console.log(walkRow(`bare walk, ${TOTAL} tokens`, walks.big))
    console.log(walkRow(`bare walk, ${SMALL} tokens`, walks.small))
    const ratio = list.ms / bare.ms
    const listMemory = list.peak / smallList.peak
    const cleanupMemory = cleanupBig.peak / cleanupSmall.peak
    const walked = walks.big.count === TOTAL && walks.small.count === SMALL
    console.log(`  for information, the floor: peak RSS of a walk with fetch that keeps nothing, ${TOTAL} vs ${SMALL} tokens: ${(walks.big.peak / walks.small.peak).toFixed(2)}${walked ? '' : ' (a walk MISSED tokens)'}`)
    console.log(row(`list, ${MEDIUM} tokens`, mediumList))
    console.log(`  for information, peak RSS of list, ${TOTAL} vs ${MEDIUM} tokens: ${(list.peak / mediumList.peak).toFixed(2)}`)
    // What the action adds to the floor at the same size: the part of the growth that is ours, not V8's.
    console.log(`  for information, peak RSS at ${TOTAL} tokens against the walk that keeps nothing at ${TOTAL}: list ${(list.peak / walks.big.peak).toFixed(2)}, cleanup ${(cleanupBig.peak / walks.big.peak).toFixed(2)}`)
    const whole = list.listed === TOTAL && Number(list.outputs.count) === TOTAL
    const withinLimits = list.largestOutput <= OUTPUT_LIMIT
    console.log(`listing time, action/bare: ${verdict(ratio, TARGET_RATIO)} (all runs, ms: action ${listRuns.map((run) => run.ms.toFixed(0)).join(', ')}; bare ${bareRuns.map((run) => run.ms.toFixed(0)).join(', ')})`)
    console.log(`peak RSS of list, ${TOTAL} vs ${SMALL} tokens: ${verdict(listMemory, MEMORY_RATIO)}`)
    console.log(`peak RSS of cleanup, ${TOTAL} vs ${SMALL} tokens: ${verdict(cleanupMemory, MEMORY_RATIO)}`)
    console.log(`every token in tokens-file: ${whole ? 'ok' : 'MISSED'}; every output within 1 MB: ${withinLimits ? 'ok' : 'MISSED'}`)
    return walked && ratio <= TARGET_RATIO && listMemory <= MEMORY_RATIO && cleanupMemory <= MEMORY_RATIO && whole && withinLimits
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

// Run through peak-memory.mjs, which takes its own place in argv[1].
if (process.argv[2] === '--bare') {
  await bareList(process.argv[3], process.argv[4], process.argv[5])
}
