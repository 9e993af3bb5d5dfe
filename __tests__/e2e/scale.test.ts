// Lists and bulk changes at the size of a big organisation's Console, through
// dist/index.js: every output inside GitHub's limits at any size (the whole
// list in `tokens-file`), and cleanup against a Console that throttles.
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CONSOLE_CONCURRENCY } from '../../src/operations/bounded-pool.js'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { expectSuccess, runAction, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-scale-3c4d5e6f7a8b'
/** GitHub keeps at most 1 MB of outputs per job, counted in UTF-16. */
const OUTPUT_LIMIT = 1_000_000

let emulator: ConsoleEmulator | undefined

afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

async function startConsole(options: ConstructorParameters<typeof ConsoleEmulator>[0] = {}): Promise<ConsoleEmulator> {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN, ...options })
  await emulator.start()
  return emulator
}

function action(console: ConsoleEmulator, operation: string, inputs: Record<string, string> = {}, options: Parameters<typeof runAction>[1] = {}): Promise<ActionRun> {
  return runAction({ operation, console: console.url, 'auth-token': AUTH_TOKEN, ...inputs }, options)
}

/** The tokens-file: in the run's RUNNER_TEMP, JSON. */
async function tokensFile(run: ActionRun, operation: string): Promise<unknown> {
  const path = run.outputs['tokens-file'] as string
  expect(path.startsWith(join(run.runnerTemp, 'canary-console-action', `${operation}-`))).toBe(true)
  expect(path.endsWith('.json')).toBe(true)
  return JSON.parse(await readFile(path, 'utf8'))
}

/** Every output the step set, together, is inside GitHub's limit for a job. */
function expectOutputsWithinLimits(run: ActionRun): void {
  const size = Object.values(run.outputs).reduce((total, value) => total + (value ?? '').length * 2, 0)
  if (size > OUTPUT_LIMIT) throw new Error(`the outputs are ${size} bytes in UTF-16, over GitHub's 1 MB for a job`)
}

describe('lists at real scale', () => {
  it('list-canarytokens over 12,000 tokens: the whole list in tokens-file, tokens empty with a warning naming it, the summary pointing to it', async () => {
    const console = await startConsole()
    console.seedTokens(12_000)
    const run = await action(console, 'list-canarytokens')
    expectSuccess(run)
    expectOutputsWithinLimits(run)
    expect(run.outputs.count).toBe('12000')
    expect(run.outputs.tokens).toBe('')
    const listed = (await tokensFile(run, 'list-canarytokens')) as { canarytoken: string }[]
    expect(listed.map((token) => token.canarytoken)).toEqual(console.listTokens().map((token) => token.canarytoken))
    const file = run.outputs['tokens-file'] as string
    expect(run.warnings).toEqual([
      expect.stringMatching(new RegExp(`^The token list is \\d+\\.\\d MiB of JSON, too large for the 'tokens' output .*read the file named by the 'tokens-file' output \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)\\.$`))
    ])
    expect(run.summary).toContain(`11700 more rows are not shown; the file named by the &#39;tokens-file&#39; output (${file}) holds them all.`)
    expect(run.summary).toContain(`The whole list is in ${file} (the &#39;tokens-file&#39; output)`)
    expect(run.summary).not.toContain('the step outputs hold them all')
  })

  it('list-canarytokens with a list that fits: the same JSON in tokens and in tokens-file, no warning', async () => {
    const console = await startConsole()
    console.seedTokens(30)
    const run = await action(console, 'list-canarytokens', { kind: 'dns' })
    expectSuccess(run)
    expect(run.warnings).toEqual([])
    const listed = await tokensFile(run, 'list-canarytokens')
    expect(JSON.parse(run.outputs.tokens as string)).toEqual(listed)
    expect((listed as unknown[]).length).toBe(Number(run.outputs.count))
  })

  it('cleanup-canarytokens over 12,000 tokens (dry run): every outcome in tokens-file, tokens empty with a warning', async () => {
    const console = await startConsole()
    console.seedTokens(12_000)
    const run = await action(console, 'cleanup-canarytokens', { action: 'delete', all: 'true', 'dry-run': 'true', 'max-changes': '20000' })
    expectSuccess(run)
    expectOutputsWithinLimits(run)
    expect(run.outputs['matched-count']).toBe('12000')
    expect(run.outputs.tokens).toBe('')
    const outcomes = (await tokensFile(run, 'cleanup-canarytokens')) as { outcome: string }[]
    expect(outcomes).toHaveLength(12_000)
    expect(outcomes.every((item) => item.outcome === 'dry-run')).toBe(true)
    expect(run.warnings.some((warning) => warning.includes("'tokens' is empty: read the file named by the 'tokens-file' output"))).toBe(true)
    expect(console.listTokens()).toHaveLength(12_000)
  })

  it('seed-canarytokens writes its map to tokens-file as well', async () => {
    const console = await startConsole()
    const manifest = 'tokens:\n  - name: beacon\n    kind: dns\n    memo: scale beacon\n  - name: web\n    kind: http\n    memo: scale web\n'
    const run = await action(console, 'seed-canarytokens', { manifest: 'canary.yml' }, { files: { 'canary.yml': manifest } })
    expectSuccess(run)
    const seeded = await tokensFile(run, 'seed-canarytokens')
    expect(JSON.parse(run.outputs.tokens as string)).toEqual(seeded)
    expect(Object.keys(seeded as object).sort()).toEqual(['beacon', 'web'])
  })
})

describe('bulk deletes against a Console that throttles', () => {
  it('cleanup with the default concurrency against a Console answering 429 above 10 in flight: every token deleted, no more than 10 in flight after the first 429', async () => {
    const console = await startConsole({ latencyMs: 20, maxInFlight: 10, retryAfterSeconds: 1 })
    console.seedTokens(600, () => ({ memo: 'retire me', kind: 'dns', triggered_count: 0 }))
    const run = await action(console, 'cleanup-canarytokens', { action: 'delete', 'memo-pattern': 'retire me', 'max-changes': '1000' })
    expectSuccess(run)
    expect(run.outputs['changed-count']).toBe('600')
    expect(console.listTokens()).toEqual([])
    const report = console.throttleReport()
    // The Console did refuse (else this proves nothing), only the first burst, beyond 10 of the default 20.
    expect(report.refused).toBeGreaterThan(0)
    expect(report.refused).toBeLessThanOrEqual(CONSOLE_CONCURRENCY - 10)
    expect(report.arrivedAfterWait).toBeGreaterThan(100)
    expect(report.peakAfterWait).toBeLessThanOrEqual(10)
    expect(run.stdout).toMatch(/The Console answered HTTP 429: sending at most 10 requests at once from now on\./)
  })
})
