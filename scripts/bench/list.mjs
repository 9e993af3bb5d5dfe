// Listing a big organisation's Console: list-canarytokens over 100,000 tokens
// (the bundled action, as a step runs it) beside the floor, a bare script
// that pages through the same Console with fetch and writes the same JSON to
// a file. Wall time and peak memory of each, side by side in one run; the
// action must also keep every output inside GitHub's 1 MB with the whole
// list in its tokens-file.
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
const TARGET_RATIO = 2
const OUTPUT_LIMIT = 1_000_000
const peakMemory = fileURLToPath(new URL('../lib/peak-memory.mjs', import.meta.url))

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

export default async function () {
  const folder = await mkdtemp(join(tmpdir(), 'bench-list-'))
  const { PAGE_SIZE } = await import(new URL('../../build/backends/console/canarytokens.js', import.meta.url).href)
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  emulator.seedTokens(TOTAL)
  const url = await emulator.start()
  console.log(`list-canarytokens: ${TOTAL} tokens, page size ${PAGE_SIZE}, no added latency`)
  try {
    const actionPeak = join(folder, 'action.peak')
    const run = await runAction({ operation: 'list-canarytokens', console: url, 'auth-token': AUTH_TOKEN }, { wrapper: [peakMemory], env: { PEAK_FILE: actionPeak } })
    if (run.exitCode !== 0) throw new Error(`the action failed: ${run.errors.join(' | ') || run.stderr}`)
    const file = run.outputs['tokens-file'] ?? ''
    const listed = JSON.parse(await readFile(file, 'utf8'))
    const fileBytes = (await stat(file)).size
    const largestOutput = Math.max(...Object.values(run.outputs).map((value) => Buffer.byteLength(value ?? '')))
    await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])

    const barePeak = join(folder, 'bare.peak')
    const bareFile = join(folder, 'bare.json')
    const started = process.hrtime.bigint()
    await new Promise((done, fail) =>
      execFile(actionNode, [peakMemory, fileURLToPath(import.meta.url), '--bare', url, String(PAGE_SIZE), bareFile], { env: { PATH: process.env.PATH ?? '', PEAK_FILE: barePeak } }, (error, _stdout, stderr) =>
        error ? fail(new Error(`the bare script failed: ${stderr || error.message}`)) : done(undefined)
      )
    )
    const bareMs = Number(process.hrtime.bigint() - started) / 1e6
    const mib = async (peakFile) => Number(await readFile(peakFile, 'utf8')) / 1024

    const row = (name, ms, peak, note) => `${name.padEnd(26)} ${ms.toFixed(0).padStart(9)} ${peak.toFixed(0).padStart(9)}  ${note}`
    console.log(`${'side'.padEnd(26)}   wall ms  peak MiB`)
    console.log(row('action', run.elapsedMs, await mib(actionPeak), `tokens-file ${(fileBytes / 1e6).toFixed(1)} MB with ${listed.length} tokens; largest output ${largestOutput} bytes`))
    console.log(row('bare paging script', bareMs, await mib(barePeak), `${((await stat(bareFile)).size / 1e6).toFixed(1)} MB of JSON`))
    const ratio = run.elapsedMs / bareMs
    const whole = listed.length === TOTAL && Number(run.outputs.count) === TOTAL
    const withinLimits = largestOutput <= OUTPUT_LIMIT
    console.log(`wall time ratio action/bare: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`)
    console.log(`every token in tokens-file: ${whole ? 'ok' : 'MISSED'}; every output within 1 MB: ${withinLimits ? 'ok' : 'MISSED'}`)
    return ratio <= TARGET_RATIO && whole && withinLimits
  } finally {
    await emulator.stop()
    await rm(folder, { recursive: true, force: true })
  }
}

// Run through peak-memory.mjs, which takes its own place in argv[1].
if (process.argv[2] === '--bare') {
  await bareList(process.argv[3], process.argv[4], process.argv[5])
}
