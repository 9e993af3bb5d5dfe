import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PAGE_SIZE } from '../../src/backends/console/canarytokens.js'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, tempFolder, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-cleanup-7a6b5c4d3e2f'
const DAY = 86_400

type Token = ReturnType<ConsoleEmulator['getToken']>

interface Outcome {
  canarytoken: string
  kind: string
  memo: string
  outcome: 'changed' | 'skipped' | 'failed' | 'dry-run'
  message: string
  [field: string]: unknown
}

let emulator: ConsoleEmulator
let consoleUrl: string

// A fresh Console for every test: these tests delete a lot.
beforeEach(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await emulator.start()
})
afterEach(async () => {
  await emulator.stop()
})

function action(operation: string, inputs: Record<string, string> = {}, options: Parameters<typeof runAction>[1] = {}): Promise<ActionRun> {
  return runAction({ operation, console: consoleUrl, 'auth-token': AUTH_TOKEN, ...inputs }, options)
}

/** The whole list, from the tokens-file (the tokens output holds it only while it is small). */
function tokensFile(run: ActionRun): string {
  return readFileSync(run.outputs['tokens-file'] as string, 'utf8')
}

function outcomes(run: ActionRun): Outcome[] {
  return JSON.parse(tokensFile(run)) as Outcome[]
}

const ids = (tokens: { canarytoken: string }[]): string[] => tokens.map((token) => token.canarytoken).sort()
/** A copy of the Console's tokens as they are now (the emulator hands out its live objects). */
const snapshot = (): Token[] => structuredClone(emulator.listTokens())
const listRequests = () => emulator.requests.filter((request) => request.path.startsWith('/api/v1/canarytokens/'))
const changeRequests = () => emulator.requests.filter((request) => request.method === 'POST')

/**
 * 90 tokens of varied kind, memo, trigger count and state (the emulator's
 * seeding), a quarter of them in a second flock, created at whole days
 * plus half a day ago so no age boundary falls near a token.
 */
function seedVaried(): { flock: string; nowSeconds: number } {
  const flock = emulator.addFlock('Staging')
  const nowSeconds = Date.now() / 1000
  emulator.seedTokens(90, (index) => ({
    created: String(nowSeconds - (((index * 37) % 700) + 0.5) * DAY),
    ...(index % 4 === 0 ? { flock_id: flock } : {})
  }))
  return { flock, nowSeconds }
}

describe('list-canarytokens', () => {
  it('counts in English and says "no Canarytokens matched" instead of an empty table', async () => {
    emulator.addToken({ kind: 'dns', memo: 'the only one' })
    const one = await action('list-canarytokens')
    expectSuccess(one)
    expect(one.stdout).toContain('Read 1 Canarytoken in 1 page; 1 matches')
    // Well-formed cells, and no column that is empty in every row.
    expect(one.summary).not.toMatch(/<td>(?!.*?<\/td>)/)
    expect(one.summary).not.toContain('<td></td>')
    const none = await action('list-canarytokens', { 'memo-pattern': 'nothing-like-this*' })
    expectSuccess(none)
    expect(none.summary).toContain('<p>No Canarytokens matched.</p>')
    expect(none.summary).not.toContain('<table')
  })

  it('lists across many pages, following cursor.next and never next_link', async () => {
    const count = Math.floor(2.5 * PAGE_SIZE)
    emulator.seedTokens(count)
    const run = await action('list-canarytokens')
    expectSuccess(run)
    expect(run.outputs.count).toBe(String(count))
    const listed = JSON.parse(tokensFile(run)) as Token[]
    expect(listed.map((token) => token.canarytoken)).toEqual(emulator.listTokens().map((token) => token.canarytoken))
    const requests = listRequests()
    expect(requests.map((request) => request.path)).toEqual(Array(3).fill('/api/v1/canarytokens/paginate'))
    expect(requests[0]?.query).toEqual({ limit: String(PAGE_SIZE) })
    // Each later page asks with the cursor the previous answer gave as `next`.
    for (const request of requests.slice(1)) expect(request.query.cursor).toMatch(/^[A-Za-z0-9+/=_-]+$/)
    expect(new Set(requests.map((request) => request.query.cursor)).size).toBe(3)
    for (const request of requests) {
      expect(request.authVia).toBe('header')
      expect(request.rawUrl).not.toContain(AUTH_TOKEN)
    }
    expect(run.summary).toContain('<table>')
  })

  it('caps the summary table with a note, the output still holding every token', async () => {
    emulator.seedTokens(340)
    const run = await action('list-canarytokens')
    expectSuccess(run)
    expect(JSON.parse(tokensFile(run))).toHaveLength(340)
    expect(run.outputs.tokens).toBe(tokensFile(run))
    expect(run.summary).toContain(`40 more rows are not shown; the file named by the &#39;tokens-file&#39; output (${run.outputs['tokens-file']}) holds them all.`)
    expect(run.summary.match(/<tr>/g)).toHaveLength(301)
  })

  it("lets the Console filter by kind, enabled and the memo's first word, checks the rest itself", async () => {
    const nowSeconds = Date.now() / 1000
    emulator.seedTokens(8 * PAGE_SIZE, (index) => ({
      memo: index % 2 === 0 ? `nightly-build ${index}` : `nightly-test ${index}`,
      kind: index % 3 === 0 ? 'dns' : 'http',
      created: String(nowSeconds - ((index % 60) + 0.5) * DAY)
    }))
    const run = await action('list-canarytokens', { kind: 'dns', enabled: 'true', 'memo-pattern': 'nightly-build *', 'created-before': '30d' })
    expectSuccess(run)
    const expected = emulator
      .listTokens()
      .filter((token) => token.kind === 'dns' && token.enabled && token.memo.startsWith('nightly-build ') && Number(token.created) < nowSeconds - 30 * DAY)
    expect(expected.length).toBeGreaterThan(0)
    expect(ids(JSON.parse(tokensFile(run)) as Token[])).toEqual(ids(expected))
    expect(run.outputs.count).toBe(String(expected.length))
    const requests = listRequests()
    expect(requests[0]).toMatchObject({ path: '/api/v1/canarytokens/search', query: { kind: 'dns', active: 'True', search_string: 'nightly', limit: String(PAGE_SIZE) } })
    const searched = emulator.listTokens().filter((token) => token.kind === 'dns' && token.enabled && token.memo.startsWith('nightly'))
    expect(searched.length).toBeGreaterThan(2 * PAGE_SIZE)
    expect(requests).toHaveLength(Math.ceil(searched.length / PAGE_SIZE))
  })

  it("keeps listed tokens' secrets out of the log, the summary and the outputs, in debug mode too", async () => {
    const keys = [emulator.addToken({ kind: 'aws-id', memo: 'fake keys 1' }), emulator.addToken({ kind: 'aws-id', memo: 'fake keys 2' })]
    emulator.addToken({ kind: 'wireguard', memo: 'vpn' })
    const run = await action('list-canarytokens', {}, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    expect(run.outputs.count).toBe('3')
    const secrets = keys.flatMap((token) => [token.secret_access_key as string, ...(token.renders['aws-id'] as string).split('\n').filter((line: string) => line.length > 30)])
    expect(secrets.length).toBeGreaterThan(2)
    expectNoSecretsVisible(run, [AUTH_TOKEN, ...secrets])
    for (const secret of secrets) expect(`${run.outputs.tokens}${tokensFile(run)}`).not.toContain(secret)
    expect(run.masks).toContain(keys[0]?.secret_access_key)
  })
})

describe('cleanup-canarytokens filters', () => {
  // Each filter alone, with the expected set worked out here from the emulator's state.
  const cases: [string, Record<string, string>, (token: Token, context: { flock: string; nowSeconds: number }) => boolean][] = [
    ['memo-pattern (glob)', { 'memo-pattern': 'prod *' }, (token) => token.memo.startsWith('prod ')],
    ['memo-pattern (regular expression)', { 'memo-pattern': '/^(backup|vpn) .*#\\d*[34]$/' }, (token) => /^(backup|vpn) .*#\d*[34]$/.test(token.memo)],
    ['kind', { kind: 'aws-id' }, (token) => token.kind === 'aws-id'],
    ['flock-id', {}, (token, { flock }) => token.flock_id === flock],
    ['created-before (an age)', { 'created-before': '400d' }, (token, { nowSeconds }) => Number(token.created) < nowSeconds - 400 * DAY],
    ['created-before (an ISO date)', {}, (token, { nowSeconds }) => Number(token.created) < Math.floor(nowSeconds / DAY - 200) * DAY],
    ['triggered: true', { triggered: 'true' }, (token) => token.triggered_count > 0],
    ['triggered: false', { triggered: 'false' }, (token) => token.triggered_count === 0],
    ['enabled: false', { enabled: 'false' }, (token) => token.enabled === false]
  ]

  it.each(cases)('deletes exactly what %s matches', async (name, inputs, matches) => {
    const context = seedVaried()
    const filterInputs = { ...inputs }
    if (name === 'flock-id') filterInputs['flock-id'] = context.flock
    if (name === 'created-before (an ISO date)') {
      filterInputs['created-before'] = new Date(Math.floor(context.nowSeconds / DAY - 200) * DAY * 1000).toISOString().slice(0, 10)
    }
    const before = snapshot()
    const expected = before.filter((token) => matches(token, context))
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(before.length)

    const run = await action('cleanup-canarytokens', { action: 'delete', ...filterInputs })
    expectSuccess(run)
    expect(ids(outcomes(run))).toEqual(ids(expected))
    expect(outcomes(run).every((item) => item.outcome === 'changed' && item.message === 'deleted')).toBe(true)
    expect(run.outputs).toMatchObject({ 'matched-count': String(expected.length), 'changed-count': String(expected.length), 'failed-count': '0' })
    expect(ids(emulator.listTokens())).toEqual(ids(before.filter((token) => !matches(token, context))))
    expect(changeRequests().map((request) => request.params.canarytoken).sort()).toEqual(ids(expected))
  })

  it('combines filters with AND', async () => {
    const context = seedVaried()
    const before = snapshot()
    const matches = (token: Token) =>
      token.flock_id === 'flock:default' && token.triggered_count === 0 && Number(token.created) < context.nowSeconds - 100 * DAY && /^(prod|dev|build) /.test(token.memo)
    const expected = before.filter(matches)
    expect(expected.length).toBeGreaterThan(0)
    const run = await action('cleanup-canarytokens', {
      action: 'disable',
      'memo-pattern': '/^(prod|dev|build) /',
      'flock-id': 'flock:default',
      triggered: 'false',
      'created-before': '100d'
    })
    expectSuccess(run)
    expect(ids(outcomes(run))).toEqual(ids(expected))
    for (const token of expected) expect(emulator.getToken(token.canarytoken).enabled).toBe(false)
    for (const token of before.filter((candidate) => !matches(candidate))) expect(emulator.getToken(token.canarytoken).enabled).toBe(token.enabled)
    // Already disabled tokens are reported, not disabled again.
    const alreadyOff = expected.filter((token) => before.find((candidate) => candidate.canarytoken === token.canarytoken)?.enabled === false)
    expect(alreadyOff.length).toBeGreaterThan(0)
    expect(changeRequests()).toHaveLength(expected.length - alreadyOff.length)
    expect(outcomes(run).filter((item) => item.outcome === 'skipped').map((item) => item.message)).toEqual(alreadyOff.map(() => 'already disabled'))
  })

  it('works on every token with all: true', async () => {
    emulator.seedTokens(30)
    const run = await action('cleanup-canarytokens', { action: 'delete', all: 'true', 'clear-incidents': 'true' })
    expectSuccess(run)
    expect(run.outputs['changed-count']).toBe('30')
    expect(emulator.listTokens()).toEqual([])
    expect(listRequests().map((request) => request.path)).toEqual(['/api/v1/canarytokens/paginate'])
  })
})

describe('cleanup-canarytokens over offset cursors', () => {
  it('lists every page before the first change, so deleting cannot shift a page it has yet to read', async () => {
    // The emulator's cursors are offsets, as the reference's look: a walk that
    // deleted as it went would skip a page's worth of tokens after every page.
    const count = 2 * PAGE_SIZE + 37
    emulator.seedTokens(count)
    const run = await action('cleanup-canarytokens', { action: 'delete', all: 'true', 'clear-incidents': 'true', 'max-changes': String(count) })
    expectSuccess(run)
    expect(run.outputs['changed-count']).toBe(String(count))
    expect(emulator.listTokens()).toEqual([])
    const firstChange = emulator.requests.findIndex((request) => request.method === 'POST')
    const lastListing = emulator.requests.findLastIndex((request) => request.path === '/api/v1/canarytokens/paginate')
    expect(emulator.requests.filter((request) => request.path === '/api/v1/canarytokens/paginate')).toHaveLength(3)
    expect(lastListing).toBeLessThan(firstChange)
  })
})

describe('cleanup-canarytokens safety', () => {
  it('changes nothing in a dry run, reporting what it would do', async () => {
    emulator.seedTokens(40)
    const before = JSON.stringify(emulator.listTokens())
    const run = await action('cleanup-canarytokens', { action: 'delete', kind: 'dns', 'dry-run': 'true' })
    expectSuccess(run)
    expect(changeRequests()).toEqual([])
    expect(JSON.stringify(emulator.listTokens())).toBe(before)
    const expected = emulator.listTokens().filter((token) => token.kind === 'dns')
    expect(expected.length).toBeGreaterThan(0)
    expect(ids(outcomes(run))).toEqual(ids(expected))
    expect(outcomes(run).every((item) => item.outcome === 'dry-run' && item.message === 'would delete')).toBe(true)
    expect(run.outputs).toMatchObject({ 'matched-count': String(expected.length), 'changed-count': '0', 'failed-count': '0' })
    expect(run.summary).toContain(`Dry run: would delete ${expected.length} of ${expected.length} matched Canarytoken${expected.length === 1 ? '' : 's'}`)
  })

  it('stops before any change when more than max-changes match, still reporting the matches', async () => {
    emulator.seedTokens(60)
    const run = await action('cleanup-canarytokens', { action: 'delete', triggered: 'false', 'max-changes': '10' })
    const matched = emulator.listTokens().filter((token) => token.triggered_count === 0)
    expect(matched.length).toBeGreaterThan(10)
    expectFailure(run, `cleanup-canarytokens failed: ${matched.length} Canarytokens would be deleted, more than max-changes (10); nothing was changed.`)
    expect(changeRequests()).toEqual([])
    expect(emulator.listTokens()).toHaveLength(60)
    expect(run.outputs).toMatchObject({ 'matched-count': String(matched.length), 'changed-count': '0', 'failed-count': '0' })
    expect(outcomes(run).every((item) => item.outcome === 'skipped' && item.message === 'not deleted: over max-changes')).toBe(true)
  })

  it('defaults max-changes to 100', async () => {
    emulator.seedTokens(101, () => ({ memo: 'stale token', enabled: true }))
    const run = await action('cleanup-canarytokens', { action: 'disable', 'memo-pattern': 'stale *' })
    expectFailure(run, /101 Canarytokens would be disabled, more than max-changes \(100\)/)
    expect(changeRequests()).toEqual([])
  })

  it('tries every token, reports each failure with the Console message, then fails the step', async () => {
    const tokens = emulator.seedTokens(20, () => ({ memo: 'retire me', triggered_count: 0 }))
    const withIncidents = [tokens[3], tokens[11]].map((token) => token!.canarytoken)
    for (const id of withIncidents) emulator.addIncident(id)
    const broken = tokens[7]!.canarytoken
    // A 400 (not a 5xx) so no retry layer can turn it into a success.
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/delete', status: 400, resultError: 'Canarytoken is locked', match: (params) => params.canarytoken === broken })

    const run = await action('cleanup-canarytokens', { action: 'delete', 'memo-pattern': 'retire me', concurrency: '4' })
    expectFailure(run, "cleanup-canarytokens failed: 3 of 20 Canarytokens could not be deleted (the file named by the 'tokens-file' output and the job summary say why for each).")
    expect(changeRequests()).toHaveLength(20)
    const byId = new Map(outcomes(run).map((item) => [item.canarytoken, item]))
    for (const id of withIncidents) {
      // The Console's words as Thinkst's client knows them for a token that still has incidents.
      expect(byId.get(id)).toMatchObject({
        outcome: 'failed',
        message: "HTTP 400: Could not delete Canarydrop. If the token has incidents, the Console deletes it only with 'clear-incidents: true' (which deletes them with it)"
      })
      expect(emulator.getToken(id)).toBeDefined()
    }
    expect(byId.get(broken)).toMatchObject({ outcome: 'failed', message: 'HTTP 400: Canarytoken is locked' })
    expect(outcomes(run).filter((item) => item.outcome === 'changed')).toHaveLength(17)
    expect(ids(emulator.listTokens())).toEqual([...withIncidents, broken].sort())
    expect(run.outputs).toMatchObject({ 'matched-count': '20', 'changed-count': '17', 'failed-count': '3' })
    // Failures lead the summary table, with the Console's words.
    const firstRows = run.summary.split('<tr>').slice(2, 5).join('')
    for (const id of [...withIncidents, broken]) expect(firstRows).toContain(id)
    expect(run.summary).toContain('Could not delete Canarydrop')
  })

  it('deletes tokens with incidents when clear-incidents is true', async () => {
    const tokens = emulator.seedTokens(5, () => ({ memo: 'alerted lure' }))
    for (const token of tokens) emulator.addIncident(token.canarytoken)
    const run = await action('cleanup-canarytokens', { action: 'delete', 'memo-pattern': 'alerted *', triggered: 'true', 'clear-incidents': 'true' })
    expectSuccess(run)
    expect(run.outputs['changed-count']).toBe('5')
    expect(changeRequests().map((request) => request.params.clear_incidents)).toEqual(Array(5).fill('True'))
    expect(emulator.listTokens()).toEqual([])
  })

  it.each([
    [{ action: 'purge', kind: 'dns' }, "Input 'action' must be disable or delete, not 'purge'."],
    [{ action: 'delete', 'created-before': 'yesterday-ish' }, /^Input 'created-before' must be an ISO date .*'yesterday-ish' is none of these\.$/],
    [{ action: 'delete', 'memo-pattern': '/ci-(run/' }, /^Input 'memo-pattern' is not a valid RE2 regular expression: missing closing \): `ci-\(run`\. /],
    [{ action: 'delete', 'memo-pattern': 'run-[z-a]' }, "Input 'memo-pattern' is not a valid glob (Range out of order in character class)."],
    [{ action: 'delete', kind: 'dnss' }, /^Input 'kind': 'dnss' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: .*\.$/],
    [{ action: 'delete', triggered: 'maybe' }, "Input 'triggered' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'maybe'."],
    [{ action: 'delete' }, /^Operation 'cleanup-canarytokens' needs at least one filter .*, or 'all: true' to work on every Canarytoken\.$/],
    [{ action: 'delete', all: 'false' }, /needs at least one filter/],
    [{ action: 'delete', kind: 'dns', concurrency: '0' }, "Input 'concurrency' must be a whole number from 1 to 100, not '0'."],
    [{ action: 'disable', kind: 'dns', 'clear-incidents': 'true' }, "Input 'clear-incidents' applies to 'action: delete' only; disabling keeps a token's incidents."],
    [{ kind: 'dns' }, "Operation 'cleanup-canarytokens' needs input 'action'."]
  ])('refuses %p before any request', async (inputs, message) => {
    emulator.seedTokens(5)
    const run = await action('cleanup-canarytokens', inputs)
    expectFailure(run, message)
    expect(emulator.requests).toEqual([])
  })
})

describe('cleanup when the outcome list cannot be written after the changes', () => {
  it('fails saying how many it disabled, names each one in the log, and keeps the counts as outputs', async () => {
    const disable = [emulator.addToken({ kind: 'dns', memo: 'stale preview 1' }), emulator.addToken({ kind: 'dns', memo: 'stale preview 2' })]
    emulator.addToken({ kind: 'dns', memo: 'keep me' })
    // The action's folder in RUNNER_TEMP is taken by a file: the list fails once the Console has changed.
    const runnerTemp = await tempFolder('canary-e2e-blocked-temp-')
    await writeFile(join(runnerTemp, 'canary-console-action'), 'not a folder')
    const run = await action('cleanup-canarytokens', { 'memo-pattern': 'stale preview *', action: 'disable' }, { env: { RUNNER_TEMP: runnerTemp } })
    expectFailure(run, /^cleanup-canarytokens failed: disabled 2 of 2 matched Canarytokens \(0 failed\), but writing the list of outcomes failed: .*canary-console-action/)
    expect(disable.map((token) => emulator.getToken(token.canarytoken)?.enabled)).toEqual([false, false])
    const line = run.stdout.split('\n').find((text) => text.startsWith('Disabled, by Canarytoken: '))
    expect(line?.split(': ')[1]?.split(', ').sort()).toEqual(ids(disable))
    expect([run.outputs['matched-count'], run.outputs['changed-count'], run.outputs['failed-count']]).toEqual(['2', '2', '0'])
    expect(run.outputs['tokens-file']).toBeUndefined()
  })
})
