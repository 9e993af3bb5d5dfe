import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import type { Canarytoken } from '../../src/backends/console/canarytokens.js'
import type { HttpTransport } from '../../src/http/transport.js'
import type { CanarytokenBackend } from '../../src/backends/types.js'
import type { Log } from '../../src/operations/types.js'
import type { RunnerCanaryState } from '../../src/operations/runner-canary-state.js'

jest.unstable_mockModule('@actions/core', () => core)
const { ApiError } = await import('../../src/http/errors.js')
const { checkRunnerCanary, runnerCanaryPost } = await import('../../src/operations/runner-canaries.js')
const { ConsoleBackend } = await import('../../src/backends/console/index.js')
const { errorForAnswer } = await import('../../src/backends/console/dialect.js')

const STATE: RunnerCanaryState = {
  version: 1,
  canarytoken: 'tok123',
  memo: 'octo-org/octo-repo@0123456 run 42: runner canary',
  profile: 'canary',
  check: true,
  remove: false,
  onConsoleError: 'warn',
  triggeredBefore: 2,
  files: []
}

/** A Console whose fetch answers with `token` (or throws `error`). */
function consoleWith(token: Partial<Canarytoken> | Error): () => CanarytokenBackend {
  const call = async () => {
    if (token instanceof Error) throw token
    return { result: 'success', token: { canarytoken: 'tok123', kind: 'aws-id', memo: STATE.memo, enabled: true, ...token } }
  }
  return () => new ConsoleBackend({ call, close: async () => undefined } as unknown as HttpTransport, new URL('https://example.canary.tools'))
}

function logger(): Log & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: (line) => lines.push(line), warning: (line) => lines.push(`warning: ${line}`), debug: () => undefined }
}

describe('the runner canary post step', () => {
  it('counts a rise of triggered_count during the job as use of the keys', async () => {
    const found = await checkRunnerCanary(consoleWith({ triggered_count: 3 })(), STATE)
    expect(found).toMatchObject({ what: 'triggered', status: 'triggered 1 time' })
    expect(found?.error).toMatch(/^Runner canary tok123 was triggered 1 time during this job: the AWS credentials planted in this job \(profile 'canary'\) were used\./)
    const result = await runnerCanaryPost(STATE, consoleWith({ triggered_count: '5' as unknown as number }), logger())
    expect(result.failure).toMatch(/was triggered 3 times during this job: .* were used\. .* Memo: octo-org/)
    expect(result.summary?.heading).toBe('Runner canary triggered: treat this run as compromised')
  })

  it('alerts older than the job (triggeredBefore) are not this job', async () => {
    const log = logger()
    const result = await runnerCanaryPost(STATE, consoleWith({ triggered_count: 2 }), log)
    expect(result.failure).toBeUndefined()
    expect(log.lines).toEqual(['Runner canary tok123 was not triggered during this job.'])
  })

  it.each([
    ['missing', {}],
    ['null', { triggered_count: null as unknown as number }],
    ['not a number', { triggered_count: 'many' as unknown as number }]
  ])('a %s triggered_count is never read as "not triggered": the check could not be done', async (_how, fields) => {
    await expect(checkRunnerCanary(consoleWith(fields)(), STATE)).rejects.toThrow(/carries no readable triggered_count/)
    const warned = logger()
    expect((await runnerCanaryPost(STATE, consoleWith(fields), warned)).failure).toBeUndefined()
    expect(warned.lines[0]).toMatch(/^warning: Could not check runner canary tok123: .*no readable triggered_count/)
    const failing = await runnerCanaryPost({ ...STATE, onConsoleError: 'fail' }, consoleWith(fields), logger())
    expect(failing.failure).toMatch(/^Could not check runner canary tok123: .*no readable triggered_count/)
  })

  it('a canary disabled during the job fails it, saying so, never that the keys were used', async () => {
    const result = await runnerCanaryPost(STATE, consoleWith({ triggered_count: 2, enabled: false }), logger())
    expect(result.failure).toMatch(/^Runner canary tok123 was disabled during this job; it was not triggered before that, but a disabled token raises no alert/)
    expect(result.failure).not.toMatch(/were used\./)
    expect(result.summary?.heading).toBe('Runner canary disabled during the job: it can no longer vouch for this run')
    expect(result.summary?.rows).toEqual([['tok123', STATE.memo, 'canary', 'disabled during the job']])
  })

  it('a triggered and then disabled canary is reported as triggered', async () => {
    expect(await checkRunnerCanary(consoleWith({ triggered_count: 4, enabled: false })(), STATE)).toMatchObject({ what: 'triggered' })
  })

  it('a canary deleted during the job fails it as deleted', async () => {
    const gone = new ApiError('HTTP 400: Could not find the Canarytoken', 'http-status', 400, 'Could not find the Canarytoken')
    const result = await runnerCanaryPost(STATE, consoleWith(gone), logger())
    expect(result.failure).toMatch(/^Runner canary tok123 was deleted from the Console during this job, so nothing can tell whether/)
    expect(result.summary?.rows[0]?.[3]).toBe('deleted during the job')
  })
})

describe("the advice when the Console refuses the check's key", () => {
  /** The Console's refusal as the dialect reads it: by status, or by its message in an answer of 200. */
  const refusal = (status: number, message: string, keyInput: 'auth-token' | 'check-auth-token') =>
    errorForAnswer(status, 'application/json', JSON.stringify({ result: 'error', message }), undefined, undefined, keyInput) as Error

  it.each([
    ['403', 403, 'This API key can only deploy Canarytokens'],
    ['401', 401, 'Unauthorized'],
    // getting-started.md: the Console has refused a key with its message in an answer of 200.
    ['200 with the message Unauthorized', 200, 'Unauthorized'],
    ['200 with the message Invalid auth_token', 200, 'Invalid auth_token']
  ])('a refusal of %s names check-auth-token', async (_what, status, message) => {
    const plain = logger()
    await runnerCanaryPost(STATE, consoleWith(refusal(status, message, 'auth-token')), plain, 'auth-token')
    expect(plain.lines[0]).toMatch(/Check 'auth-token'.* If 'auth-token' is a Flock canarytoken-deploy key, it can only create and download: set 'check-auth-token' to a Flock read-only key/)
    const checked = logger()
    await runnerCanaryPost(STATE, consoleWith(refusal(status, message, 'check-auth-token')), checked, 'check-auth-token')
    expect(checked.lines[0]).toMatch(/Check 'check-auth-token'.* The check needs a key that can read this token and its incidents/)
  })

  it('other failures get no key advice', async () => {
    const log = logger()
    await runnerCanaryPost(STATE, consoleWith(new ApiError('HTTP 503: busy', 'http-status', 503, 'busy')), log, 'auth-token')
    expect(log.lines[0]).not.toMatch(/check-auth-token/)
  })
})
