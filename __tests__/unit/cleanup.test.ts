import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Canarytoken } from '../../src/backends/console/canarytokens.js'
import { ApiError } from '../../src/http/errors.js'
import type { HttpTransport, Endpoint, Params } from '../../src/http/transport.js'
import { InputError } from '../../src/errors.js'
import { inputsFrom, type InputName } from '../../src/inputs.js'
import { mapWithConcurrency } from '../../src/operations/bounded-pool.js'
import { CLEANUP_OPERATIONS, parseCleanup, type TokenOutcome } from '../../src/operations/cleanup.js'
import { ALREADY_DONE } from '../../src/operations/outcomes.js'
import type { Log, OperationResult, RunEnvironment } from '../../src/operations/types.js'
import { ConsoleBackend } from '../../src/backends/console/index.js'

const NOW = Date.UTC(2024, 5, 15)
const DAY = 86_400

/**
 * A small in-memory Console behind the transport's `call` (and `callList`): paginate and
 * search (3 tokens a page, kind/active filters), disable and delete, and
 * per-token refusals. It counts requests in flight to check the bound.
 */
class FakeConsole {
  tokens: Canarytoken[] = []
  calls: { path: string; params: Params }[] = []
  refuse = new Map<string, ApiError>()
  inFlight = 0
  maxInFlight = 0

  add(id: string, fields: Partial<Canarytoken> = {}): void {
    this.tokens.push({ canarytoken: id, kind: 'dns', memo: `ci-run ${id}`, enabled: true, flock_id: 'flock:default', created: String(NOW / 1000 - 40 * DAY), triggered_count: 0, ...fields })
  }

  transport(): HttpTransport {
    return {
      call: (endpoint: Endpoint, params: Params = {}) => this.call(endpoint, params),
      // A listing's page as callList gives it: here the whole answer, its list handed out as it stands.
      callList: async (endpoint: Endpoint, params: Params, field: string) => {
        const answer = (await this.call(endpoint, params)) as Record<string, unknown>
        return { answer, items: Array.isArray(answer[field]) ? answer[field] : undefined }
      }
    } as unknown as HttpTransport
  }

  private async call(endpoint: Endpoint, params: Params): Promise<unknown> {
    this.calls.push({ path: endpoint.path, params })
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await new Promise((resolve) => setImmediate(resolve))
      const id = String(params.canarytoken)
      if (endpoint.path.endsWith('/paginate') || endpoint.path.endsWith('/search')) {
        const matching = this.tokens.filter(
          (token) => (params.kind === undefined || token.kind === params.kind) && (params.active === undefined || token.enabled === params.active)
        )
        const start = Number(params.cursor ?? 0)
        const next = start + 3 < matching.length ? String(start + 3) : null
        return { result: 'success', canarytokens: matching.slice(start, start + 3), cursor: { next } }
      }
      const refusal = this.refuse.get(id)
      if (refusal) throw refusal
      const token = this.tokens.find((candidate) => candidate.canarytoken === id)
      if (!token) throw new ApiError('HTTP 400: Could not find the Canarytoken', 'http-status', 400, 'Could not find the Canarytoken')
      if (endpoint.path.endsWith('/disable')) token.enabled = false
      else if (endpoint.path.endsWith('/delete')) this.tokens = this.tokens.filter((candidate) => candidate !== token)
      return { result: 'success' }
    } finally {
      this.inFlight--
    }
  }

  get changeCalls(): string[] {
    return this.calls.filter((call) => !call.path.includes('/canarytokens/')).map((call) => `${call.path.split('/').pop()} ${String(call.params.canarytoken)}`)
  }
}

const [listOperation, cleanupOperation] = CLEANUP_OPERATIONS as [(typeof CLEANUP_OPERATIONS)[0], (typeof CLEANUP_OPERATIONS)[1]]
const env: RunEnvironment = { workspace: '/tmp', runnerTemp: '', artifactRuntime: false }
// The token lists are written to RUNNER_TEMP: a folder of this file's own, removed after it.
beforeAll(async () => {
  env.runnerTemp = await mkdtemp(join(tmpdir(), 'canary-unit-cleanup-'))
})
afterAll(async () => {
  await rm(env.runnerTemp, { recursive: true, force: true })
})

function logger(): Log & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: (line) => lines.push(line), warning: (line) => lines.push(`warning: ${line}`), debug: () => undefined }
}

async function cleanup(fake: FakeConsole, values: Partial<Record<InputName, string>>, log = logger()): Promise<OperationResult> {
  const params = await parseCleanup(inputsFrom(values), NOW)
  return cleanupOperation.run({ ...params, artifact: undefined }, { backend: new ConsoleBackend(fake.transport(), new URL('https://fake.canary.tools')), env, log })
}

function outcomes(result: OperationResult): Pick<TokenOutcome, 'canarytoken' | 'outcome' | 'message'>[] {
  return (JSON.parse(String(result.outputs.tokens)) as TokenOutcome[]).map(({ canarytoken, outcome, message }) => ({ canarytoken, outcome, message }))
}

describe('parseCleanup', () => {
  it.each([
    [{ action: 'purge', kind: 'dns' }, "Input 'action' must be disable or delete, not 'purge'."],
    [{ action: '', kind: 'dns' }, "Input 'action' must be disable or delete."],
    [{ action: 'delete' }, /^Operation 'cleanup-canarytokens' needs at least one filter/],
    [{ action: 'disable', kind: 'dns', 'clear-incidents': 'true' }, "Input 'clear-incidents' applies to 'action: delete' only; disabling keeps a token's incidents."],
    [{ action: 'delete', kind: 'dns', 'max-changes': '0' }, "Input 'max-changes' must be a whole number from 1 to 1000000, not '0'."],
    [{ action: 'delete', kind: 'dns', concurrency: '101' }, "Input 'concurrency' must be a whole number from 1 to 100, not '101'."],
    [{ action: 'delete', kind: 'dns', 'dry-run': 'perhaps' }, "Input 'dry-run' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'perhaps'."],
    [{ action: 'delete', 'memo-pattern': '/(/' }, /^Input 'memo-pattern' is not a valid RE2 regular expression/]
  ])('refuses %p', async (values, message) => {
    await expect(parseCleanup(inputsFrom(values), NOW)).rejects.toThrow(InputError)
    await expect(parseCleanup(inputsFrom(values), NOW)).rejects.toThrow(message)
  })

  it('has safe defaults', async () => {
    expect(await parseCleanup(inputsFrom({ action: 'delete', all: 'true' }), NOW)).toMatchObject({ filter: {}, dryRun: false, maxChanges: 100, concurrency: 20, clearIncidents: false })
  })
})

describe('cleanup-canarytokens', () => {
  it('deletes only what matches, reporting every matched token', async () => {
    const fake = new FakeConsole()
    fake.add('old-1')
    fake.add('old-2', { triggered_count: 2 })
    fake.add('new-1', { created: String(NOW / 1000 - DAY) })
    fake.add('other', { memo: 'keep me' })
    fake.add('http-1', { kind: 'http' })
    const result = await cleanup(fake, { action: 'delete', 'memo-pattern': 'ci-run *', 'created-before': '30d', triggered: 'false', kind: 'dns' })
    expect(fake.changeCalls).toEqual(['delete old-1'])
    expect(fake.tokens.map((token) => token.canarytoken)).toEqual(['old-2', 'new-1', 'other'].concat('http-1'))
    expect(outcomes(result)).toEqual([{ canarytoken: 'old-1', outcome: 'changed', message: 'deleted' }])
    expect(result.outputs).toMatchObject({ 'matched-count': 1, 'changed-count': 1, 'failed-count': 0 })
    expect(result.failure).toBeUndefined()
    expect(result.summary.heading).toBe('Deleted 1 of 1 matched Canarytoken')
    // kind went to the Console: search, not paginate
    expect(fake.calls[0]).toMatchObject({ path: '/api/v1/canarytokens/search', params: { kind: 'dns', search_string: 'ci' } })
  })

  it('changes nothing in a dry run and says what it would do', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b', 'c', 'd']) fake.add(id)
    const result = await cleanup(fake, { action: 'delete', kind: 'dns', 'dry-run': 'true' })
    expect(fake.changeCalls).toEqual([])
    expect(fake.tokens).toHaveLength(4)
    expect(outcomes(result).map((item) => item.outcome)).toEqual(['dry-run', 'dry-run', 'dry-run', 'dry-run'])
    expect(result.outputs).toMatchObject({ 'matched-count': 4, 'changed-count': 0, 'failed-count': 0 })
    expect(result.summary.heading).toBe('Dry run: would delete 4 of 4 matched Canarytokens')
  })

  it('stops before any change when more than max-changes would change, still reporting the matches', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b', 'c']) fake.add(id)
    const result = await cleanup(fake, { action: 'delete', kind: 'dns', 'max-changes': '2' })
    expect(fake.changeCalls).toEqual([])
    expect(result.failure).toBe("3 Canarytokens would be deleted, more than max-changes (2); nothing was changed. Check the filters with 'dry-run: true', or raise 'max-changes'.")
    expect(outcomes(result).every((item) => item.outcome === 'skipped' && item.message === 'not deleted: over max-changes')).toBe(true)
    expect(result.outputs).toMatchObject({ 'matched-count': 3, 'changed-count': 0, 'failed-count': 0 })
  })

  it('lets a dry run over max-changes succeed, warning that a real run would stop', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b', 'c']) fake.add(id)
    const log = logger()
    const result = await cleanup(fake, { action: 'delete', kind: 'dns', 'max-changes': '2', 'dry-run': 'true' }, log)
    expect(result.failure).toBeUndefined()
    expect(log.lines).toContain("warning: A real run would stop here: 3 Canarytokens would be deleted, more than max-changes (2). Narrow the filters or raise 'max-changes'.")
  })

  it('counts only real changes against max-changes: already disabled tokens are skipped', async () => {
    const fake = new FakeConsole()
    fake.add('on')
    fake.add('off-1', { enabled: false })
    fake.add('off-2', { enabled: false })
    const result = await cleanup(fake, { action: 'disable', kind: 'dns', 'max-changes': '1' })
    expect(fake.changeCalls).toEqual(['disable on'])
    expect(outcomes(result)).toEqual([
      { canarytoken: 'on', outcome: 'changed', message: 'disabled' },
      { canarytoken: 'off-1', outcome: 'skipped', message: 'already disabled' },
      { canarytoken: 'off-2', outcome: 'skipped', message: 'already disabled' }
    ])
    expect(result.outputs).toMatchObject({ 'matched-count': 3, 'changed-count': 1, 'failed-count': 0 })
  })

  it('tries every token, reports each failure with the Console message and fails the step at the end', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b', 'c', 'd', 'e']) fake.add(id)
    fake.refuse.set('b', new ApiError('HTTP 400: Could not delete Canarydrop', 'http-status', 400, 'Could not delete Canarydrop'))
    fake.refuse.set('d', new ApiError('HTTP 400: Token has incidents', 'http-status', 400, 'Token has incidents'))
    const log = logger()
    const result = await cleanup(fake, { action: 'delete', kind: 'dns', concurrency: '2' }, log)
    expect(fake.changeCalls).toEqual(['delete a', 'delete b', 'delete c', 'delete d', 'delete e'])
    expect(outcomes(result)).toEqual([
      { canarytoken: 'a', outcome: 'changed', message: 'deleted' },
      { canarytoken: 'b', outcome: 'failed', message: "HTTP 400: Could not delete Canarydrop. If the token has incidents, the Console deletes it only with 'clear-incidents: true' (which deletes them with it)" },
      { canarytoken: 'c', outcome: 'changed', message: 'deleted' },
      { canarytoken: 'd', outcome: 'failed', message: 'HTTP 400: Token has incidents' },
      { canarytoken: 'e', outcome: 'changed', message: 'deleted' }
    ])
    expect(result.outputs).toMatchObject({ 'matched-count': 5, 'changed-count': 3, 'failed-count': 2 })
    expect(result.failure).toBe("2 of 5 Canarytokens could not be deleted (the file named by the 'tokens-file' output and the job summary say why for each).")
    expect(log.lines).toContain("Could not delete b: HTTP 400: Could not delete Canarydrop. If the token has incidents, the Console deletes it only with 'clear-incidents: true' (which deletes them with it)")
    // failures lead the summary table
    expect(result.summary.rows.map((row) => row[0])).toEqual(['b', 'd', 'a', 'c', 'e'])
  })

  it('treats a token deleted meanwhile as done, not as a failure', async () => {
    const fake = new FakeConsole()
    fake.add('a')
    fake.refuse.set('a', new ApiError('HTTP 400: Could not find the Canarytoken', 'http-status', 400, 'Could not find the Canarytoken'))
    const result = await cleanup(fake, { action: 'delete', kind: 'dns' })
    expect(outcomes(result)).toEqual([{ canarytoken: 'a', outcome: 'skipped', message: 'already deleted' }])
    expect(result.failure).toBeUndefined()
  })

  it('says when a retried delete found the token gone because its first attempt had deleted it, and how many attempts a failure took', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b']) fake.add(id)
    fake.refuse.set('a', new ApiError('HTTP 400: Could not find the Canarytoken', 'http-status', 400, 'Could not find the Canarytoken', 2, true))
    fake.refuse.set('b', new ApiError('HTTP 503: Service Unavailable', 'http-status', 503, 'Service Unavailable', 4))
    const result = await cleanup(fake, { action: 'delete', kind: 'dns' })
    expect(outcomes(result)).toEqual([
      { canarytoken: 'a', outcome: 'changed', message: `deleted: ${ALREADY_DONE}` },
      { canarytoken: 'b', outcome: 'failed', message: 'HTTP 503: Service Unavailable (after 4 attempts)' }
    ])
  })

  it('stops sending once the Console refuses the auth token, marking the rest as not tried', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b', 'c', 'd']) fake.add(id)
    const refused = new ApiError('HTTP 403: the Console rejected the auth token', 'unauthorized', 403)
    for (const id of ['a', 'b', 'c', 'd']) fake.refuse.set(id, refused)
    const result = await cleanup(fake, { action: 'delete', kind: 'dns', concurrency: '1' })
    expect(fake.changeCalls).toEqual(['delete a'])
    expect(outcomes(result).map((item) => item.message)).toEqual([
      'HTTP 403: the Console rejected the auth token',
      'not tried: HTTP 403: the Console rejected the auth token',
      'not tried: HTTP 403: the Console rejected the auth token',
      'not tried: HTTP 403: the Console rejected the auth token'
    ])
    expect(result.outputs['failed-count']).toBe(4)
  })

  it('writes every outcome to the tokens-file, in RUNNER_TEMP, the same JSON as the tokens output', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b']) fake.add(id)
    const result = await cleanup(fake, { action: 'delete', kind: 'dns' })
    const file = String(result.outputs['tokens-file'])
    expect(file.startsWith(join(env.runnerTemp, 'canary-console-action', 'cleanup-canarytokens-'))).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(result.outputs.tokens)
    expect(result.summary.notes).toContain(`The list is in the 'tokens' output and in ${file} (the 'tokens-file' output).`)
  })

  it('keeps at most `concurrency` changes in flight', async () => {
    const fake = new FakeConsole()
    for (let index = 0; index < 40; index++) fake.add(`t${index}`)
    const result = await cleanup(fake, { action: 'delete', all: 'true', concurrency: '5' })
    expect(result.outputs['changed-count']).toBe(40)
    expect(fake.maxInFlight).toBe(5)
    expect(fake.tokens).toEqual([])
  })

  it('counts and changes a token the Console shows on two pages once', async () => {
    const fake = new FakeConsole()
    for (const id of ['a', 'b', 'c', 'd']) fake.add(id)
    // pages of 3 from offset 0 and 2: [a b c] [c d]
    const pageStarts = ['0', '2']
    const transport = fake.transport()
    const call = transport.call.bind(transport)
    transport.call = ((endpoint: Endpoint, params: Params = {}) =>
      endpoint.path.endsWith('/paginate')
        ? call(endpoint, { ...params, cursor: pageStarts.shift() }).then((page) => ({ ...(page as object), cursor: { next: pageStarts[0] ?? null } }))
        : call(endpoint, params)) as typeof transport.call
    const params = await parseCleanup(inputsFrom({ action: 'delete', all: 'true' }), NOW)
    const result = await cleanupOperation.run({ ...params, artifact: undefined }, { backend: new ConsoleBackend(transport, new URL('https://fake.canary.tools')), env, log: logger() })
    expect(result.outputs).toMatchObject({ 'matched-count': 4, 'changed-count': 4, 'failed-count': 0 })
    expect(fake.changeCalls).toEqual(['delete a', 'delete b', 'delete c', 'delete d'])
  })

  it('works on every token with all: true, paginating without Console filters', async () => {
    const fake = new FakeConsole()
    for (let index = 0; index < 7; index++) fake.add(`t${index}`, { kind: index % 2 ? 'http' : 'dns' })
    const result = await cleanup(fake, { action: 'disable', all: 'true' })
    expect(result.outputs).toMatchObject({ 'matched-count': 7, 'changed-count': 7 })
    expect(fake.calls.filter((call) => call.path === '/api/v1/canarytokens/paginate')).toHaveLength(3)
  })
})

describe('list-canarytokens', () => {
  it('lists the matching tokens without secret fields', async () => {
    const fake = new FakeConsole()
    fake.add('aws', { kind: 'aws-id', secret_access_key: 'SECRET-VALUE-123', renders: { 'aws-id': '[default]' }, memo: 'keys' })
    fake.add('dns-1')
    const params = (await listOperation.parse(inputsFrom({ kind: 'aws-id' }), env)) as Parameters<typeof listOperation.run>[0]
    const result = await listOperation.run(params, { backend: new ConsoleBackend(fake.transport(), new URL('https://fake.canary.tools')), env, log: logger() })
    expect(result.outputs.count).toBe(1)
    const listed = JSON.parse(String(result.outputs.tokens)) as Record<string, unknown>[]
    expect(listed).toEqual([
      { canarytoken: 'aws', kind: 'aws-id', memo: 'keys', flock_id: 'flock:default', enabled: true, created: String(NOW / 1000 - 40 * DAY), triggered_count: 0, created_printable: new Date((NOW / 1000 - 40 * DAY) * 1000).toISOString() }
    ])
    expect(String(result.outputs.tokens)).not.toContain('SECRET-VALUE')
  })
})

describe('mapWithConcurrency', () => {
  it('keeps the order of results and never exceeds the bound', async () => {
    let inFlight = 0
    let most = 0
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 3, async (delay, index) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((resolve) => setTimeout(resolve, delay))
      inFlight--
      return `${index}:${delay}`
    })
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0'])
    expect(most).toBe(3)
  })

  it('handles no items and more workers than items', async () => {
    expect(await mapWithConcurrency([], 8, async () => 1)).toEqual([])
    expect(await mapWithConcurrency([1], 8, async (value) => value * 2)).toEqual([2])
  })
})
