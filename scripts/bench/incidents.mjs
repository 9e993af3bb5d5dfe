// Incidents: (1) list-incidents over 100,000 Canarytoken incidents beside the
// same operation over 1,000, peak memory of each (the feed is read page by
// page and streamed to incidents-file, so memory must stay flat: ratio <=
// 1.3); (2) the start-up of an operation that never talks to GitHub
// (fetch-canarytoken) from this build beside a build of the branch it grew
// from (the merge base with `backends`, or BENCH_BASE_REF), built here from
// that commit's sources, interleaved: Octokit arrived with report-incidents
// and must not reach anyone else's start-up.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { projectRoot, runAction } from '../lib/run-action.mjs'

const LARGE = Number(process.env.BENCH_INCIDENTS || 100_000)
const SMALL = 1_000
const MEMORY_RATIO = 1.3
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS || 30)
/** This build's start-up beside the committed one: machine noise allowed, nothing more. */
const STARTUP_RATIO = 1.1
const AUTH_TOKEN = 'bench-incidents-auth-token-0123456789'
const peakMemory = fileURLToPath(new URL('../lib/peak-memory.mjs', import.meta.url))

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/** A Console with `count` incidents over 50 tokens (and one Canary's, left out). */
async function consoleWith(count) {
  const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  const tokens = Array.from({ length: 50 }, (_, index) => emulator.addToken({ kind: index % 2 ? 'aws-id' : 'dns', memo: `bench token ${index}` }))
  const start = Date.UTC(2026, 0, 1)
  for (let index = 0; index < count; index++) {
    emulator.addIncident(tokens[index % tokens.length].canarytoken, { time: start + index * 1000, src_host: `198.51.100.${index % 250}`, user_agent: `bench-agent/${index % 97} (incident ${index})` })
  }
  emulator.addDeviceIncident(emulator.addDevice().node_id)
  return { emulator, url: await emulator.start() }
}

/** list-incidents through the peak-memory wrapper: peak RSS in MiB, and the count it reported. */
async function listPeak(count, folder) {
  const { emulator, url } = await consoleWith(count)
  try {
    const peakFile = join(folder, `list-${count}.peak`)
    const run = await runAction({ operation: 'list-incidents', console: url, 'auth-token': AUTH_TOKEN }, { wrapper: [peakMemory], env: { PEAK_FILE: peakFile } })
    if (run.exitCode !== 0) throw new Error(`list-incidents failed: ${run.errors.join(' | ') || run.stderr}`)
    const fileBytes = (await stat(run.outputs['incidents-file'])).size
    const listed = Number(run.outputs.count)
    await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
    return { peak: Number(await readFile(peakFile, 'utf8')) / 1024, listed, fileBytes, ms: run.elapsedMs }
  } finally {
    await emulator.stop()
  }
}

/** @param {string} command @param {string} cwd @returns {Promise<string>} */
const sh = (command, cwd) =>
  new Promise((done, fail) => execFile('sh', ['-c', command], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => (error ? fail(new Error(`${command}: ${err || error.message}`)) : done(String(out).trim()))))

/**
 * dist/index.js built from the base commit's sources (with this checkout's
 * node_modules), so the two builds differ by this branch's changes only.
 */
async function baseBuild(folder) {
  const ref = process.env.BENCH_BASE_REF || (await sh('git merge-base HEAD backends', projectRoot))
  const target = join(folder, 'base')
  await sh(`mkdir -p "${target}" && git archive ${ref} src scripts/clean-dist.mjs tsconfig.json tsconfig.build.json package.json | tar -x -C "${target}" && ln -s "${join(projectRoot, 'node_modules')}" "${join(target, 'node_modules')}"`, projectRoot)
  await sh('npm run --silent package >/dev/null', target)
  return { ref, bundle: join(target, 'dist', 'index.js') }
}

export default async function incidents() {
  const folder = await mkdtemp(join(tmpdir(), 'bench-incidents-'))
  try {
    const small = await listPeak(SMALL, folder)
    const large = await listPeak(LARGE, folder)
    const ratio = large.peak / small.peak
    const whole = small.listed === SMALL && large.listed === LARGE
    console.log(`list-incidents: ${SMALL} and ${LARGE} Canarytoken incidents (one Canary incident left out), read page by page`)
    console.log(`  ${'incidents'.padEnd(12)}${'wall ms'.padStart(10)}${'peak MiB'.padStart(10)}  incidents-file`)
    for (const [count, side] of [[SMALL, small], [LARGE, large]]) {
      console.log(`  ${String(count).padEnd(12)}${side.ms.toFixed(0).padStart(10)}${side.peak.toFixed(1).padStart(10)}  ${(side.fileBytes / 1e6).toFixed(1)} MB, ${side.listed} listed`)
    }
    console.log(`  peak memory ratio ${LARGE}/${SMALL}: ${ratio.toFixed(2)} (target <= ${MEMORY_RATIO}): ${ratio <= MEMORY_RATIO ? 'ok' : 'MISSED'}; every incident listed: ${whole ? 'ok' : 'MISSED'}`)

    const base = await baseBuild(folder)
    const committed = base.bundle
    let startupOk = true
    {
      const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
      const url = await emulator.start()
      const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'start-up' })
      try {
        const once = async (bundle) => {
          const run = await runAction({ operation: 'fetch-canarytoken', console: url, 'auth-token': AUTH_TOKEN, canarytoken }, { bundle })
          await Promise.all([rm(dirname(run.runnerTemp), { recursive: true, force: true }), rm(run.workspace, { recursive: true, force: true })])
          if (run.exitCode !== 0) throw new Error(`fetch-canarytoken failed: ${run.errors.join(' | ') || run.stderr}`)
          return run.elapsedMs
        }
        const current = join(projectRoot, 'dist', 'index.js')
        for (let index = 0; index < 3; index++) {
          await once(current)
          await once(committed)
        }
        const times = { current: [], committed: [] }
        for (let index = 0; index < STARTUP_RUNS; index++) {
          const order = index % 2 ? ['current', 'committed'] : ['committed', 'current']
          for (const side of order) times[side].push(await once(side === 'current' ? current : committed))
        }
        const [entryNow, entryThen] = await Promise.all([stat(current), stat(committed)])
        const startRatio = median(times.current) / median(times.committed)
        startupOk = startRatio <= STARTUP_RATIO
        console.log(`start-up of fetch-canarytoken (never talks to GitHub), ${STARTUP_RUNS} runs each, interleaved`)
        console.log(`  this build: median ${median(times.current).toFixed(1)} ms, dist/index.js ${(entryNow.size / 1e6).toFixed(2)} MB`)
        console.log(`  base build (${base.ref.slice(0, 10)}): median ${median(times.committed).toFixed(1)} ms, dist/index.js ${(entryThen.size / 1e6).toFixed(2)} MB`)
        console.log(`  ratio of medians: ${startRatio.toFixed(2)} (target <= ${STARTUP_RATIO}): ${startupOk ? 'ok' : 'MISSED'}`)
      } finally {
        await emulator.stop()
      }
    }
    return ratio <= MEMORY_RATIO && whole && startupOk
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
