// The fault-injection suite: dist/index.js, run as the runner runs it, against
// the emulator with faults planned per path and method. Waits are real but
// short (backoff from 1 s, Retry-After of 1 s); nothing asserts on time.
import { describe, expect, it } from '@jest/globals'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expectFailure, expectNoSecretsVisible, expectSuccess, useEmulator, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-faults-auth-token-9a8b7c6d5e4f3a2b1c'
const CREATE = '/api/v1/canarytoken/create'
const FETCH = '/api/v1/canarytoken/fetch'
const SEARCH = '/api/v1/canarytokens/search'

const { emulator, action } = useEmulator(AUTH_TOKEN)

const requestsTo = (path: string, method?: string) => emulator.requests.filter((request) => request.path === path && (!method || request.method === method))

/** The retry lines the action logged. */
const retryLines = (run: ActionRun) => run.stdout.split('\n').filter((line) => / failed \(.*\); trying again in /.test(line))

describe('retried until the Console answers', () => {
  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'rate limited' })
    emulator.injectFault({ method: 'GET', path: FETCH, retryAfter: 1 })
    const run = await action('fetch-canarytoken', { canarytoken })
    expectSuccess(run)
    expect(run.outputs.memo).toBe('rate limited')
    expect(requestsTo(FETCH)).toHaveLength(2)
    expect(requestsTo(FETCH)[0]?.status).toBe(429)
    expect(retryLines(run)).toEqual([
      'GET /api/v1/canarytoken/fetch: attempt 1 of 4 failed (HTTP 429: Too Many Requests); trying again in 1 s (the Console asked for this wait with Retry-After).'
    ])
  })

  it('gets through 503 twice, backing off in between', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'busy console' })
    emulator.injectFault({ method: 'GET', path: FETCH, status: 503, times: 2 })
    const run = await action('fetch-canarytoken', { canarytoken })
    expectSuccess(run)
    expect(requestsTo(FETCH).map((request) => request.status)).toEqual([503, 503, 200])
    const lines = retryLines(run)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^GET \/api\/v1\/canarytoken\/fetch: attempt 1 of 4 failed \(HTTP 503: Service Unavailable\); trying again in (0\.[5-9]|1) s\.$/)
    expect(lines[1]).toMatch(/^GET \/api\/v1\/canarytoken\/fetch: attempt 2 of 4 failed \(HTTP 503: Service Unavailable\); trying again in (1(\.\d)?|2) s\.$/)
  })

  it('gets through an HTML gateway page, a truncated body and a reset before the headers', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'flaky network' })
    emulator.injectFault({ method: 'GET', path: FETCH, html: true, status: 502 })
    emulator.injectFault({ method: 'GET', path: FETCH, truncateBody: true })
    emulator.injectFault({ method: 'GET', path: FETCH, reset: 'before-headers' })
    const run = await action('fetch-canarytoken', { canarytoken })
    expectSuccess(run)
    expect(run.outputs.canarytoken).toBe(canarytoken)
    const lines = retryLines(run)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/failed \(HTTP 502: the answer was not JSON \(text\/html, \d+ bytes\)\)/)
    expect(lines[1]).toMatch(/failed \(the connection to http:\/\/127\.0\.0\.1:\d+ broke \(ECONNRESET: the connection was closed by the other end\)\)/)
    expect(lines[2]).toMatch(/failed \(the connection to http:\/\/127\.0\.0\.1:\d+ broke \(ECONNRESET: the connection was closed by the other end\)\)/)
    expect(run.stdout).not.toMatch(/<html|nginx/i)
  })

  it('tries again after a Console that hangs past timeout-seconds', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'slow console' })
    emulator.injectFault({ method: 'GET', path: FETCH, delayMs: 5000 })
    const run = await action('fetch-canarytoken', { canarytoken, 'timeout-seconds': '1' })
    expectSuccess(run)
    expect(retryLines(run)[0]).toMatch(/attempt 1 of 4 failed \(the Console did not answer within 1 s \(raise 'timeout-seconds' if it is slow\)\)/)
  })

  it('downloads the whole file after a reset mid-download, leaving no partial file', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'broken download' })
    emulator.injectFault({ method: 'GET', path: '/api/v1/canarytoken/download', reset: 'mid-body' })
    const run = await action('download-canarytoken', { canarytoken, path: 'out' })
    expectSuccess(run)
    expect(retryLines(run)).toHaveLength(1)
    const file = run.outputs['file-path'] as string
    expect(await readdir(join(run.workspace, 'out'))).toEqual([file.split('/').pop()])
    const content = await readFile(file)
    expect(content.subarray(0, 2).toString()).toBe('PK')
    expect(requestsTo('/api/v1/canarytoken/download')).toHaveLength(2)
  })

  it('updates, disables and enables again after lost answers (they are safe to repeat)', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'before' })
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/update', reset: 'before-headers', afterAction: true })
    expectSuccess(await action('update-canarytoken', { canarytoken, memo: 'after' }))
    expect(emulator.getToken(canarytoken).memo).toBe('after')
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/disable', status: 504, afterAction: true })
    expectSuccess(await action('disable-canarytoken', { canarytoken }))
    expect(emulator.getToken(canarytoken).enabled).toBe(false)
    expect(requestsTo('/api/v1/canarytoken/disable')).toHaveLength(2)
  })
})

describe('retries exhausted or not worth it', () => {
  it('names the attempts when every retry failed', async () => {
    emulator.injectFault({ method: 'GET', path: FETCH, status: 503, times: 10 })
    const run = await action('fetch-canarytoken', { canarytoken: 'x', retries: '2' })
    expectFailure(run, /^fetch-canarytoken failed after 3 attempts: HTTP 503: Service Unavailable \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(requestsTo(FETCH)).toHaveLength(3)
    expect(retryLines(run)).toHaveLength(2)
  })

  it('names the status of a final HTML error page, says it was not JSON, and shows none of it', async () => {
    emulator.injectFault({ method: 'GET', path: FETCH, html: true, status: 504, times: 2 })
    const run = await action('fetch-canarytoken', { canarytoken: 'x', retries: '1' })
    expectFailure(run, /^fetch-canarytoken failed after 2 attempts: HTTP 504: the answer was not JSON \(text\/html, \d+ bytes\) \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(`${run.stdout}${run.stderr}${run.summary}`).not.toMatch(/<html|<center>|nginx/i)
  })

  it('gives up on a Console that hangs on every attempt', async () => {
    emulator.injectFault({ method: 'GET', path: FETCH, delayMs: 5000, times: 2 })
    const run = await action('fetch-canarytoken', { canarytoken: 'x', 'timeout-seconds': '1', retries: '1' })
    expectFailure(run, /^fetch-canarytoken failed after 2 attempts: the Console did not answer within 1 s/)
  })

  it('leaves no partial file when every download attempt breaks', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'doc' })
    emulator.injectFault({ method: 'GET', path: '/api/v1/canarytoken/download', reset: 'mid-body', times: 2 })
    const run = await action('download-canarytoken', { canarytoken, path: 'out', retries: '1' })
    expectFailure(run, /^download-canarytoken failed after 2 attempts: the connection to http:\/\/127\.0\.0\.1:\d+ broke/)
    expect(await readdir(join(run.workspace, 'out')).catch(() => [])).toEqual([])
  })

  it('does not retry with retries: 0', async () => {
    emulator.injectFault({ method: 'GET', path: FETCH, status: 503 })
    const run = await action('fetch-canarytoken', { canarytoken: 'x', retries: '0' })
    expectFailure(run, /^fetch-canarytoken failed: HTTP 503: Service Unavailable \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(requestsTo(FETCH)).toHaveLength(1)
  })

  it.each([
    [400, 'Could not find the Canarytoken'],
    [404, 'Not found'],
    [500, 'Internal Server Error']
  ])('never retries HTTP %p', async (status, message) => {
    emulator.injectFault({ method: 'GET', path: FETCH, status, resultError: message })
    const run = await action('fetch-canarytoken', { canarytoken: 'x' })
    expectFailure(run, new RegExp(`^fetch-canarytoken failed: HTTP ${status}: ${message} \\(GET /api/v1/canarytoken/fetch at http://127\\.0\\.0\\.1:\\d+\\)$`))
    expect(requestsTo(FETCH)).toHaveLength(1)
  })

  it('refuses a retries value out of range before any request', async () => {
    const run = await action('fetch-canarytoken', { canarytoken: 'x', retries: '11' })
    expectFailure(run, /^Input 'retries' must be a whole number from 0 to 10, not '11'\.$/)
    expect(emulator.requests).toHaveLength(0)
  })
})

describe('a "success" without what the endpoint answers with', () => {
  it('fails a fetch naming the missing field, the call and the server (no TypeError)', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'hollow answer' })
    emulator.injectFault({ method: 'GET', path: FETCH, body: { result: 'success' }, times: 10 })
    const run = await action('fetch-canarytoken', { canarytoken, retries: '0' })
    expectFailure(run, /^fetch-canarytoken failed: HTTP 200: the Console answered "success" without the "token" object \(GET \/api\/v1\/canarytoken\/fetch at http:\/\/127\.0\.0\.1:\d+\)$/)
  })

  it('treats a create answered without its token as one the Console may have made: finds it, makes no second one', async () => {
    const memo = 'hollow create answer'
    emulator.injectFault({ method: 'POST', path: CREATE, body: { result: 'success' }, afterAction: true })
    const run = await action('create-canarytoken', { kind: 'dns', memo })
    expectSuccess(run)
    const made = emulator.listTokens().filter((token) => token.memo === memo)
    expect(made).toHaveLength(1)
    expect(run.outputs.canarytoken).toBe(made[0]?.canarytoken)
    expect(requestsTo(CREATE)).toHaveLength(1)
  })
})

describe('a create is never made twice', () => {
  const tokensWithMemo = (memo: string) => emulator.listTokens().filter((token) => token.memo === memo)

  it('finds the token when the answer is lost after the Console made it, and makes no second one', async () => {
    const memo = 'octo-org/octo-repo@0123456 run 4242: lost answer'
    emulator.injectFault({ method: 'POST', path: CREATE, reset: 'before-headers', afterAction: true })
    const run = await action('create-canarytoken', { kind: 'dns', memo })
    expectSuccess(run)
    const made = tokensWithMemo(memo)
    expect(made).toHaveLength(1)
    expect(run.outputs).toMatchObject({ canarytoken: made[0]?.canarytoken, hostname: made[0]?.hostname, memo, kind: 'dns' })
    expect(requestsTo(CREATE)).toHaveLength(1)
    // The memo's first word: a prefix of it however the Console splits words; the whole memo is compared locally.
    expect(requestsTo(SEARCH)[0]?.params).toMatchObject({ search_string: 'octo', kind: 'dns' })
    expect(run.stdout).toContain(`POST /api/v1/canarytoken/create: attempt 1 of 4 failed (the connection to ${emulator.url} broke`)
    expect(run.stdout).toContain('; checking whether the Console acted on it.')
    expect(run.stdout).toContain('POST /api/v1/canarytoken/create: the Console had acted on attempt 1; not sending it again.')
  })

  it('recovers an aws-id token after a timeout, with its keys as masked outputs', async () => {
    const memo = 'octo-org/octo-repo@0123456 run 4242: keys after a timeout'
    emulator.injectFault({ method: 'POST', path: CREATE, delayMs: 5000, afterAction: true })
    const run = await action('create-canarytoken', { kind: 'aws-id', memo, 'timeout-seconds': '1' }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    const made = tokensWithMemo(memo)
    expect(made).toHaveLength(1)
    const token = made[0]!
    expect(run.outputs['secret-access-key']).toBe(token.secret_access_key)
    expect(run.masks).toContain(token.secret_access_key)
    expectNoSecretsVisible(run, [AUTH_TOKEN, token.secret_access_key])
  })

  it('sends the create again when the Console had not made it, and tells an older namesake apart', async () => {
    const memo = 'octo-org/octo-repo nightly beacon'
    const older = emulator.addToken({ kind: 'dns', memo, created: String(Date.now() / 1000 - 86_400) })
    emulator.injectFault({ method: 'POST', path: CREATE, status: 503 })
    const run = await action('create-canarytoken', { kind: 'dns', memo })
    expectSuccess(run)
    expect(requestsTo(CREATE)).toHaveLength(2)
    const made = tokensWithMemo(memo)
    expect(made).toHaveLength(2)
    expect(run.outputs.canarytoken).not.toBe(older.canarytoken)
    expect(made.map((token) => token.canarytoken)).toContain(run.outputs.canarytoken)
  })

  it('checks even when no retry is left, or the Console answered 500 after making it', async () => {
    const memo = 'octo-org/octo-repo@0123456 run 4242: made, then 500'
    emulator.injectFault({ method: 'POST', path: CREATE, status: 500, afterAction: true })
    const run = await action('create-canarytoken', { kind: 'dns', memo, retries: '0' })
    expectSuccess(run)
    expect(tokensWithMemo(memo)).toHaveLength(1)
    expect(run.outputs.canarytoken).toBe(tokensWithMemo(memo)[0]?.canarytoken)
    expect(requestsTo(CREATE)).toHaveLength(1)
  })

  it("fails with the Console's 500 when it had not made the token, without sending the create again", async () => {
    emulator.injectFault({ method: 'POST', path: CREATE, status: 500 })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'not made, 500' })
    expectFailure(run, /^create-canarytoken failed: HTTP 500: Internal Server Error \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(requestsTo(CREATE)).toHaveLength(1)
    expect(requestsTo(SEARCH)).toHaveLength(1)
  })

  it('sends a create again at once after a 429, without searching', async () => {
    emulator.injectFault({ method: 'POST', path: CREATE, retryAfter: 0 })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'rate limited create' })
    expectSuccess(run)
    expect(requestsTo(CREATE)).toHaveLength(2)
    expect(requestsTo(SEARCH)).toHaveLength(0)
    expect(tokensWithMemo('rate limited create')).toHaveLength(1)
  })

  it('does not send the create again when checking the Console fails, and says why', async () => {
    const memo = 'create while search is down'
    emulator.injectFault({ method: 'POST', path: CREATE, status: 502, afterAction: true })
    emulator.injectFault({ method: 'GET', path: SEARCH, status: 503, times: 10 })
    const run = await action('create-canarytoken', { kind: 'dns', memo, retries: '1' })
    expectFailure(
      run,
      /^create-canarytoken failed: HTTP 502: Bad Gateway; the Console may have acted on it, so it was not sent again: HTTP 503: Service Unavailable \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/
    )
    expect(requestsTo(CREATE)).toHaveLength(1)
    expect(tokensWithMemo(memo)).toHaveLength(1)
  })
})

describe('a delete whose answer was lost', () => {
  it('counts "not found" on the retry as done, and says so', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'to delete' })
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/delete', reset: 'before-headers', afterAction: true })
    const run = await action('delete-canarytoken', { canarytoken })
    expectSuccess(run)
    expect(emulator.getToken(canarytoken)).toBeUndefined()
    expect(requestsTo('/api/v1/canarytoken/delete')).toHaveLength(2)
    expect(run.stdout).toContain(`Deleted ${canarytoken}: an earlier attempt had already done it`)
    expect(run.summary).toContain('An earlier attempt had already done it')
  })

  it('still fails on "not found" when no attempt can have deleted it', async () => {
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/delete', retryAfter: 0 })
    const run = await action('delete-canarytoken', { canarytoken: 'no-such-token' })
    expectFailure(run, /^delete-canarytoken failed after 2 attempts: HTTP 400: Could not find the Canarytoken/)
  })
})

describe('cleanup with faults sprinkled across hundreds of tokens', () => {
  it('ends every token changed or reported failed, and a re-run finishes the job', async () => {
    const tokens = Array.from({ length: 300 }, (_, index) => emulator.addToken({ kind: 'dns', memo: `sprinkled-${index}` }))
    const ids = tokens.map((token) => token.canarytoken)
    const DELETE = '/api/v1/canarytoken/delete'
    const one = (index: number) => (params: Record<string, string>) => params.canarytoken === ids[index]
    // Passing faults the retries absorb: a 503 with Retry-After, a reset before the Console acted,
    // and a lost answer after it acted (the retry finds nothing left: done).
    for (let index = 0; index < 300; index += 15) emulator.injectFault({ method: 'POST', path: DELETE, status: 503, retryAfter: 0, match: one(index) })
    for (let index = 5; index < 300; index += 15) emulator.injectFault({ method: 'POST', path: DELETE, reset: 'before-headers', match: one(index) })
    for (let index = 10; index < 300; index += 15) emulator.injectFault({ method: 'POST', path: DELETE, reset: 'after-headers', afterAction: true, match: one(index) })
    // Faults that outlast the retries: these tokens must be reported failed, not lost.
    const stubborn = [7, 77, 177]
    for (const index of stubborn) emulator.injectFault({ method: 'POST', path: DELETE, status: 500, times: 10, match: one(index) })

    const first = await action('cleanup-canarytokens', { action: 'delete', 'memo-pattern': 'sprinkled-*', 'max-changes': '500', retries: '2' })
    expect(first.exitCode).toBe(1)
    expect(first.errors).toHaveLength(1)
    const outcomes = JSON.parse(first.outputs.tokens as string) as { canarytoken: string; outcome: string; message: string }[]
    expect(outcomes).toHaveLength(300)
    expect(new Set(outcomes.map((item) => item.canarytoken))).toEqual(new Set(ids))
    const failed = outcomes.filter((item) => item.outcome === 'failed').map((item) => item.canarytoken)
    expect(failed.sort()).toEqual(stubborn.map((index) => ids[index]).sort())
    for (const item of outcomes) expect(['changed', 'failed']).toContain(item.outcome)
    expect(first.outputs).toMatchObject({ 'matched-count': '300', 'changed-count': '297', 'failed-count': '3' })
    // What the outputs say is what the Console holds.
    expect(emulator.listTokens().filter((token) => token.memo.startsWith('sprinkled-')).map((token) => token.canarytoken).sort()).toEqual(failed.sort())

    emulator.clearFaults()
    const second = await action('cleanup-canarytokens', { action: 'delete', 'memo-pattern': 'sprinkled-*' })
    expectSuccess(second)
    expect(second.outputs).toMatchObject({ 'matched-count': '3', 'changed-count': '3', 'failed-count': '0' })
    expect(emulator.listTokens().filter((token) => token.memo.startsWith('sprinkled-'))).toEqual([])
  })
})
