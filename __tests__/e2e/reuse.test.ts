import { afterEach, describe, expect, it } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { expectSuccess, useEmulator, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-reuse-5a4b3c2d1e0f'
const CREATE = '/api/v1/canarytoken/create'
const RUNS = 6

const { emulator, action } = useEmulator(AUTH_TOKEN)

const finished: ActionRun[] = []
afterEach(async () => {
  await Promise.all(finished.splice(0).flatMap((run) => [rm(run.workspace, { recursive: true, force: true }), rm(dirname(run.runnerTemp), { recursive: true, force: true })]))
})

/** Starts `RUNS` runs at once, as a matrix or parallel jobs would, and waits for them all. */
async function overlapping(start: () => Promise<ActionRun>): Promise<ActionRun[]> {
  const runs = await Promise.all(Array.from({ length: RUNS }, start))
  finished.push(...runs)
  for (const run of runs) expectSuccess(run)
  return runs
}

/**
 * Every create is held for a moment before the Console stores it, so each
 * run's first search finds nothing and every run creates: the race a matrix
 * job meets, made certain instead of likely.
 */
function holdCreates(count: number, delayMs = 1500): void {
  emulator.injectFault({ path: CREATE, delayMs, times: count })
}

describe('reuse: true converges when runs overlap', () => {
  it(`${RUNS} create-canarytoken runs with one memo leave exactly one token, and every run names it`, async () => {
    holdCreates(RUNS)
    const runs = await overlapping(() => action('create-canarytoken', { kind: 'dns', memo: 'matrix lure', reuse: 'true' }))
    // Without convergence every run kept the token it made.
    expect(emulator.requests.filter((request) => request.path === CREATE).length).toBeGreaterThan(1)
    const left = emulator.listTokens().filter((token) => token.memo === 'matrix lure')
    expect(left).toHaveLength(1)
    const winner = left[0]!.canarytoken
    for (const run of runs) expect(run.outputs.canarytoken).toBe(winner)
    // One run made it; the others report it as reused.
    expect(runs.filter((run) => run.outputs.reused === 'false')).toHaveLength(1)
  })

  it(`${RUNS} overlapping seed-canarytokens runs leave one token per entry, and every run's outputs name it`, async () => {
    const manifest = 'flock-id: flock:default\ntokens:\n  - name: beacon\n    kind: dns\n  - name: web\n    kind: http\n    memo: shared web bug\n'
    holdCreates(2 * RUNS)
    const runs = await overlapping(() => action('seed-canarytokens', { manifest: 'canary.yml', reuse: 'true' }, { files: { 'canary.yml': manifest } }))
    expect(emulator.requests.filter((request) => request.path === CREATE).length).toBeGreaterThan(2)
    const tokens = emulator.listTokens().filter((token) => token.memo.endsWith(': beacon') || token.memo === 'shared web bug')
    expect(tokens.map((token) => token.kind).sort()).toEqual(['dns', 'http'])
    const byKind = Object.fromEntries(tokens.map((token) => [token.kind, token.canarytoken]))
    for (const run of runs) {
      const seeded = JSON.parse(run.outputs.tokens ?? '{}') as Record<string, { canarytoken: string }>
      expect(seeded.beacon?.canarytoken).toBe(byKind.dns)
      expect(seeded.web?.canarytoken).toBe(byKind.http)
    }
  })

  it('a run whose create answer was lost while another run made the same token converges too: one token left, both runs name it', async () => {
    // The first create is held before it is stored; the second is stored at once, then its connection is cut and
    // stays silent until the first is stored too, so its recovery search finds two fresh tokens and cannot tell
    // which one is its own.
    holdCreates(1)
    emulator.injectFault({ path: CREATE, afterAction: true, delayMs: 2500, reset: 'before-headers', times: 1 })
    const runs = await Promise.all([1, 2].map(() => action('create-canarytoken', { kind: 'dns', memo: 'lost answer', reuse: 'true' })))
    finished.push(...runs)
    for (const run of runs) expectSuccess(run)
    expect(emulator.requests.filter((request) => request.path === CREATE)).toHaveLength(2)
    const left = emulator.listTokens().filter((token) => token.memo === 'lost answer')
    expect(left).toHaveLength(1)
    for (const run of runs) expect(run.outputs.canarytoken).toBe(left[0]!.canarytoken)
  })

  it('a run whose token lost but cannot delete it fails, naming the token to delete and the winner', async () => {
    // Held longer: this test needs both runs to create, however far apart they start.
    holdCreates(2, 3000)
    emulator.injectFault({ path: '/api/v1/canarytoken/delete', status: 400, body: { result: 'error', message: 'Could not delete Canarydrop' }, times: 10 })
    const runs = await Promise.all([1, 2].map(() => action('create-canarytoken', { kind: 'dns', memo: 'undeletable loser', reuse: 'true', retries: '0' })))
    finished.push(...runs)
    const left = emulator.listTokens().filter((token) => token.memo === 'undeletable loser').map((token) => token.canarytoken).sort()
    expect(left).toHaveLength(2)
    const [winner, loser] = [...left].sort((a, b) => Number(emulator.getToken(a).created) - Number(emulator.getToken(b).created) || (a < b ? -1 : 1))
    const won = runs.find((run) => run.exitCode === 0)
    const lost = runs.find((run) => run.exitCode !== 0)
    expect(won?.outputs.canarytoken).toBe(winner)
    expect(lost?.errors).toEqual([
      expect.stringMatching(new RegExp(`another run made the Canarytoken ${winner} with this memo at the same time, so the one this run made \\(${loser}\\) should go, but deleting it failed \\(.*Could not delete Canarydrop\\); delete ${loser} with delete-canarytoken`))
    ])
  })
})
