// Incidents: list-incidents over 100,000 Canarytoken incidents beside the
// same operation over 1,000, peak memory of each (the feed is read page by
// page and streamed to incidents-file, so memory must stay flat: ratio <=
// 1.3). That Octokit, which came with report-incidents, reaches no other
// operation's start-up is checked by __tests__/e2e/startup.test.ts, and the
// start-up itself by scripts/bench/startup.mjs.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConsoleEmulator } from '../../__tests__/emulator/emulator.mjs'
import { runAction } from '../lib/run-action.mjs'

const LARGE = Number(process.env.BENCH_INCIDENTS || 100_000)
const SMALL = 1_000
const MEMORY_RATIO = 1.3
const AUTH_TOKEN = 'bench-incidents-auth-token-0123456789'
const peakMemory = fileURLToPath(new URL('../lib/peak-memory.mjs', import.meta.url))

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

    return ratio <= MEMORY_RATIO && whole
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
