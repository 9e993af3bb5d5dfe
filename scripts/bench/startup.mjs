// Cold start: every workflow step pays the action's start-up. The bundled
// action running fetch-canarytoken (one GET) against the emulator, beside the
// floor for any Node action: a minimal script making the same single request
// with Node's built-in fetch. Both start as fresh processes on the same Node
// (the Node 24 that runs the bundle), many runs each, interleaved so that
// machine noise hits both alike. The action runs four ways (Node's compile
// cache, src/compile-cache.ts): as the first step of a job that uses it (a
// fresh RUNNER_TEMP: it only marks the cache folder), as the second (the
// mark is there: it compiles and writes the cache), as a later step
// (RUNNER_TEMP holds the cache: it reads it), and with the cache switched off
// (NODE_DISABLE_COMPILE_CACHE). Wall time is measured on plain runs; peak
// memory on separate runs through a small wrapper that reports the peak RSS; the
// files a run loads through another (scripts/lib/loaded-chunks.mjs).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { COMPILE_CACHE_FOLDER, MARK_SUFFIX } from '../../build/compile-cache.js'
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { actionNode, postBundle, projectRoot, runAction } from '../lib/run-action.mjs'

const RUNS = Number(process.env.BENCH_STARTUP_RUNS || 40)
const WARM_UP = 3
const MEMORY_RUNS = 5
/** The action may take at most this much longer than the bare request to start, ask and finish. */
const TARGET_RATIO = 1.15
/** The post step's check (one request after plant-runner-canaries) against the bare request. */
const CHECK_TARGET_RATIO = 1.3
const AUTH_TOKEN = 'bench-startup-auth-token-0123456789'

const fetchOnce = fileURLToPath(new URL('../lib/fetch-once.mjs', import.meta.url))
const peakMemory = fileURLToPath(new URL('../lib/peak-memory.mjs', import.meta.url))
const loadedChunks = fileURLToPath(new URL('../lib/loaded-chunks.mjs', import.meta.url))

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low)
}

/** @param {string} folder @returns {Promise<{ name: string, bytes: number }[]>} */
async function filesIn(folder) {
  const names = await readdir(folder)
  const entries = await Promise.all(names.map(async (name) => ({ name, stats: await stat(join(folder, name)) })))
  return entries.filter((entry) => entry.stats.isFile()).map((entry) => ({ name: entry.name, bytes: entry.stats.size }))
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`

export default async function startup() {
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  const consoleUrl = await emulator.start()
  const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'start-up benchmark' })
  const scratch = await mkdtemp(join(tmpdir(), 'canary-bench-startup-'))

  // A later step's RUNNER_TEMP: the job's first step left the compile cache in it (written below, before the timed runs).
  const jobTemp = join(scratch, 'job-runner-temp')
  await mkdir(jobTemp)

  /** One run of the bundled action, as the runner starts it. @param {string[]} [wrapper] @param {Record<string, string>} [env] */
  async function action(wrapper, env) {
    const run = await runAction({ operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken }, { wrapper, env })
    await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
    if (run.exitCode !== 0 || run.outputs.canarytoken !== canarytoken) throw new Error(`the action failed: ${run.errors.join(' | ') || run.stderr}`)
    return run.elapsedMs
  }

  /** A job's second step: a fresh RUNNER_TEMP whose cache folder holds only the first step's mark. */
  async function second() {
    const runnerTemp = await mkdtemp(join(scratch, 'second-'))
    await mkdir(join(runnerTemp, COMPILE_CACHE_FOLDER), { mode: 0o700 })
    await writeFile(join(runnerTemp, COMPILE_CACHE_FOLDER, `step${MARK_SUFFIX}`), '')
    try {
      return await action(undefined, { RUNNER_TEMP: runnerTemp })
    } finally {
      await rm(runnerTemp, { recursive: true, force: true })
    }
  }

  // The post step runs once per step that used the action, in every job. After any other operation it
  // has nothing to do; after plant-runner-canaries it makes one request (the check). The planted profile
  // is kept (keep-credentials) so every run checks the same canary.
  const home = join(scratch, 'home')
  const plantInputs = { operation: 'plant-runner-canaries', console: consoleUrl, 'auth-token': AUTH_TOKEN, 'keep-credentials': 'true', memo: 'bench {run_id}: runner canary' }
  /** @type {Record<string, string>} */
  let plantedState = {}

  /** One post step (the check in the job's RUNNER_TEMP, whose cache the step and earlier post steps wrote). @param {'idle' | 'check'} kind */
  async function post(kind) {
    const inputs = kind === 'idle' ? { operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken } : plantInputs
    const env = kind === 'idle' ? { HOME: home } : { HOME: home, RUNNER_TEMP: jobTemp }
    const run = await runAction(inputs, { bundle: postBundle, env, state: kind === 'idle' ? {} : plantedState })
    await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
    const expected = kind === 'idle' ? run.stdout === '' : /was not triggered/.test(run.stdout)
    if (run.exitCode !== 0 || !expected) throw new Error(`the post step failed: ${run.errors.join(' | ') || run.stderr || run.stdout}`)
    return run.elapsedMs
  }

  /** One run of the bare request. @param {string[]} [wrapper] @param {Record<string, string>} [env] */
  async function baseline(wrapper = [], env = {}) {
    const started = process.hrtime.bigint()
    const stdout = await new Promise((resolve, reject) => {
      execFile(
        actionNode,
        [...wrapper, fetchOnce],
        { env: { PATH: process.env.PATH ?? '', CONSOLE_URL: consoleUrl, AUTH_TOKEN, CANARYTOKEN: canarytoken, ...env } },
        (error, out, err) => (error ? reject(new Error(`the baseline failed: ${err || error.message}`)) : resolve(out))
      )
    })
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6
    if (String(stdout).trim() !== canarytoken) throw new Error(`the baseline answered ${String(stdout).trim()}`)
    return elapsed
  }

  /** A fresh Node that runs nothing: the floor for a post step with nothing to do. */
  async function bareNode() {
    const started = process.hrtime.bigint()
    await new Promise((resolve, reject) => execFile(actionNode, ['-e', ''], { env: { PATH: process.env.PATH ?? '' } }, (error) => (error ? reject(error) : resolve(undefined))))
    return Number(process.hrtime.bigint() - started) / 1e6
  }

  /** Median peak RSS (MiB) over a few wrapped runs. @param {(wrapper: string[], env: Record<string, string>) => Promise<unknown>} side @param {string} name */
  async function peakMiB(side, name) {
    const peaks = []
    for (let index = 0; index < MEMORY_RUNS; index++) {
      const file = join(scratch, `${name}-${index}.peak`)
      await side([peakMemory], { PEAK_FILE: file })
      peaks.push(Number(await readFile(file, 'utf8')) / 1024)
    }
    return quantile(peaks, 0.5)
  }

  try {
    const planted = await runAction(plantInputs, { env: { HOME: home } })
    await Promise.all([rm(dirname(planted.runnerTemp), { recursive: true, force: true }), rm(planted.workspace, { recursive: true, force: true })])
    if (planted.exitCode !== 0 || !planted.state['runner-canary']) throw new Error(`plant-runner-canaries failed: ${planted.errors.join(' | ') || planted.stderr}`)
    plantedState = planted.state
    const nodeVersion = await new Promise((resolve) => execFile(actionNode, ['--version'], (_error, out) => resolve(String(out).trim())))
    // Warm the file cache first: a workflow's step starts from a checked-out action on disk.
    // ... and write the job's compile cache, as the job's first step and first post step would.
    for (let index = 0; index < WARM_UP; index++) {
      await action(undefined, { RUNNER_TEMP: jobTemp })
      await post('check')
      await baseline()
    }
    /** @type {Record<'action' | 'second' | 'later' | 'uncached' | 'baseline' | 'idle' | 'bare' | 'check', number[]>} */
    const times = { action: [], second: [], later: [], uncached: [], baseline: [], idle: [], bare: [], check: [] }
    const sides = [
      async () => times.action.push(await action()),
      async () => times.second.push(await second()),
      async () => times.later.push(await action(undefined, { RUNNER_TEMP: jobTemp })),
      async () => times.uncached.push(await action(undefined, { NODE_DISABLE_COMPILE_CACHE: '1' })),
      async () => times.baseline.push(await baseline()),
      async () => times.idle.push(await post('idle')),
      async () => times.bare.push(await bareNode()),
      async () => times.check.push(await post('check'))
    ]
    for (let index = 0; index < RUNS; index++) {
      // Rotate which goes first, so none always follows another.
      for (let step = 0; step < sides.length; step++) await sides[(index + step) % sides.length]()
    }
    const memory = { action: await peakMiB(action, 'action'), baseline: await peakMiB(baseline, 'baseline') }

    const dist = await filesIn(join(projectRoot, 'dist'))
    const chunks = dist.filter((file) => /^\d+\.index\.js$/.test(file.name)).sort((a, b) => b.bytes - a.bytes)
    const total = dist.reduce((sum, file) => sum + file.bytes, 0)

    const median = Object.fromEntries(Object.entries(times).map(([side, values]) => [side, quantile(values, 0.5)]))
    const ratio = median.action / median.baseline
    const secondRatio = median.second / median.baseline
    const laterRatio = median.later / median.baseline
    const checkRatio = median.check / median.baseline
    const idleRatio = median.idle / median.bare
    const row = (label, values, peak) =>
      `  ${label.padEnd(44)}${quantile(values, 0.5).toFixed(1).padStart(10)}${quantile(values, 0.9).toFixed(1).padStart(10)}${peak === undefined ? '' : peak.toFixed(1).padStart(14)}`
    const verdict = (value, target) => `${value.toFixed(2)} (target <= ${target}): ${value <= target ? 'ok' : 'MISSED'}`
    console.log(`fetch-canarytoken from a cold start, ${RUNS} runs each, interleaved, Node ${nodeVersion}`)
    console.log(`  ${''.padEnd(44)}${'median ms'.padStart(10)}${'p90 ms'.padStart(10)}${'peak RSS MiB'.padStart(14)}`)
    console.log(row("action, a job's first step (marks the folder)", times.action, memory.action))
    console.log(row('action, its second step (writes the cache)', times.second))
    console.log(row('action, a later step (reads the cache)', times.later))
    console.log(row('action, compile cache off', times.uncached))
    console.log(row('baseline (built-in fetch)', times.baseline, memory.baseline))
    console.log(`  first step / baseline: ${verdict(ratio, TARGET_RATIO)}; extra memory ${(memory.action - memory.baseline).toFixed(1)} MiB`)
    console.log(`  second step / baseline: ${verdict(secondRatio, TARGET_RATIO)}`)
    console.log(`  later step / baseline: ${verdict(laterRatio, TARGET_RATIO)}`)
    console.log(`  for information: compile cache off / baseline ${(median.uncached / median.baseline).toFixed(2)}`)
    console.log(`post step (node dist/post/index.js), ${RUNS} runs each, in the same rotation`)
    console.log(row('after another operation (nothing to do)', times.idle))
    console.log(row('a bare node -e "" (the floor for nothing)', times.bare))
    console.log(row('after plant (one check, cache from the step)', times.check))
    console.log(`  nothing to do, against a bare Node: ${verdict(idleRatio, TARGET_RATIO)}`)
    console.log(`  the check, against the bare request: ${verdict(checkRatio, CHECK_TARGET_RATIO)}`)
    // What a fetch-canarytoken step really loads: the entry, its start chunks, its family's and its backend's.
    const chunksFile = join(scratch, 'loaded-chunks')
    await action([loadedChunks], { CHUNKS_FILE: chunksFile })
    const fetchLoads = (await readFile(chunksFile, 'utf8')).split('\n').filter(Boolean)
    const start = new Set(['index.js', ...[...(await readFile(join(projectRoot, 'dist', 'index.js'), 'utf8')).matchAll(/__nccwpck_require__\.e\((\d+)\)/g)].map((match) => `${match[1]}.index.js`)])
    const loaded = dist.filter((file) => start.has(file.name))
    console.log(
      `  dist/: ${mb(total)} in ${dist.length} files; loaded at start-up: ${loaded.map((file) => `${file.name} ${mb(file.bytes)}`).join(', ')}; on demand: ${chunks.filter((chunk) => !start.has(chunk.name)).map((chunk) => `${chunk.name} ${mb(chunk.bytes)}`).join(', ') || 'none'}`
    )
    const fetchFiles = dist.filter((file) => fetchLoads.includes(file.name))
    console.log(
      `  fetch-canarytoken loads ${mb(fetchFiles.reduce((sum, file) => sum + file.bytes, 0))}: ${fetchFiles.map((file) => `${file.name} ${mb(file.bytes)}`).join(', ')}`
    )
    return ratio <= TARGET_RATIO && secondRatio <= TARGET_RATIO && laterRatio <= TARGET_RATIO && idleRatio <= TARGET_RATIO && checkRatio <= CHECK_TARGET_RATIO
  } finally {
    await emulator.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}
