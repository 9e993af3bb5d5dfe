// Incidents at the Console's edge (parsing the reference's answers into records, paging) and the
// rendering of attacker text for GitHub (code spans, markers, body budgets).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { incidentPages, incidentRecord, isTokenIncident, type RawIncident } from '../../src/backends/console/incidents.js'
import type { IncidentRecord } from '../../src/backends/types.js'
import { incidentTag, markedIncidents, markedToken, tokenMarker } from '../../src/github/markers.js'
import { BODY_BUDGET, issueTitle, MAX_TABLE_ROWS, renderComment, renderContinuation, renderIssue } from '../../src/github/render.js'
import type { Endpoint, HttpTransport, Params } from '../../src/http/transport.js'
import { InputError } from '../../src/errors.js'
import { INPUT_DEFAULTS, INPUT_NAMES, inputsFrom } from '../../src/inputs.js'
import { findOperation, ignoredInputs } from '../../src/operations/index.js'
import { describeSelection, listedIncident, matchesSelection, parseIncidentSelection, selectIncidentPages, selectIncidents, type FeedTally } from '../../src/operations/incidents.js'
import type { OperationContext } from '../../src/operations/types.js'
import { parseReport } from '../../src/operations/report-incidents.js'
import { codePointLength, codeSpan, visibleControls } from '../../src/publish/markdown.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON
type Json = Record<string, any>
const fixture = (name: string): Json => (JSON.parse(readFileSync(new URL(`../fixtures/reference/${name}.json`, import.meta.url), 'utf8')) as { response: Json }).response

describe('incidentRecord: the reference answers as records', () => {
  it('reads the unacknowledged example: strings as booleans and dates, the token from the event, the user agent from its headers', () => {
    const raw = fixture('incidents-unacknowledged').incidents[0] as RawIncident
    const record = incidentRecord(raw, 'unacknowledged')
    expect(record).toEqual({
      id: '<incident_key>',
      canarytoken: '<token_code>',
      memo: 'Example Memo',
      kind: 'aws-id',
      srcHost: '',
      created: new Date(1586249623 * 1000),
      acknowledged: false,
      event: undefined,
      userAgent: undefined,
      updatedId: 10,
      flockId: undefined
    })
  })

  it('leaves Canary (device) incidents out: the acknowledged example is an HTTP login attempt on a Canary', () => {
    const raw = fixture('incidents-acknowledged').incidents[0] as RawIncident
    expect(isTokenIncident(raw)).toBe(false)
    expect(incidentRecord(raw, 'acknowledged')).toBeUndefined()
  })

  it('reads "True", true and 1 alike, the event name or the request, and a user agent in any header case', () => {
    const base = fixture('incidents-unacknowledged').incidents[0] as RawIncident
    const withEvent = (event: Json, acknowledged: unknown) => ({ ...base, description: { ...base.description, acknowledged, events: [{ canarytoken: 'tok1', type: 'http', ...event }] } })
    const aws = incidentRecord(withEvent({ event_name: 'GetCallerIdentity', headers: { 'user-agent': 'aws-cli/2' } }, 'True'), 'all')!
    expect([aws.acknowledged, aws.event, aws.userAgent, aws.canarytoken, aws.kind]).toEqual([true, 'GetCallerIdentity', 'aws-cli/2', 'tok1', 'http'])
    const http = incidentRecord(withEvent({ event_name: '', url: 'http://x/y', headers: { 'User-Agent': 'curl' } }, true), 'all')!
    expect([http.acknowledged, http.event, http.userAgent]).toEqual([true, 'http://x/y', 'curl'])
    expect(incidentRecord(withEvent({}, 'garbage'), 'acknowledged')!.acknowledged).toBe(true)
    expect(incidentRecord(withEvent({}, 'garbage'), 'unacknowledged')!.acknowledged).toBe(false)
  })

  it('a time no date can hold (a hostile or broken server) is not a date: the next one is read, and a record without any is listed, not a crash', () => {
    const base = fixture('incidents-unacknowledged').incidents[0] as RawIncident
    const raw = { ...base, description: { ...base.description, created: '99999999999999999', events: [{ canarytoken: 'tok1', type: 'dns', timestamp: 1586249623 }] } }
    expect(incidentRecord(raw, 'all')!.created).toEqual(new Date(1586249623 * 1000))
    // The free server's hit without a time_of_hit is such a record.
    const timeless: IncidentRecord = { id: 'unknown#0', canarytoken: 'tok1', memo: 'm', kind: 'dns', srcHost: '', created: new Date(Number.NaN), acknowledged: false }
    expect(listedIncident(timeless).created).toBe('')
    expect(renderComment([timeless]).body).toContain('| Time (UTC) |')
  })

  it('uses the event, never the node_id, as the token id', () => {
    const base = fixture('incidents-unacknowledged').incidents[0] as RawIncident
    const raw = { ...base, description: { ...base.description, node_id: 'node-1', events: [{ canarytoken: 'the-token', type: 'dns' }] } }
    expect(incidentRecord(raw, 'all')!.canarytoken).toBe('the-token')
  })
})

describe('incidentPages', () => {
  /** A feed of `total` incidents, `size` a page, that refuses a later page carrying anything but the cursor. */
  function feed(total: number, size: number): { transport: HttpTransport; calls: Params[] } {
    const calls: Params[] = []
    const call = async (endpoint: Endpoint, params: Params) => {
      calls.push(params)
      const offset = params.cursor === undefined ? 0 : Number(params.cursor)
      if (params.cursor !== undefined && Object.keys(params).length > 1) throw new Error('a later page carries more than the cursor')
      const limit = params.cursor === undefined ? Number(params.limit) : size
      const items = Array.from({ length: Math.min(limit, total - offset) }, (_, i) => ({
        id: `incident:canarytoken:${offset + i}`,
        updated_id: String(offset + i + 1),
        description: { acknowledged: 'False', created: '1700000000', memo: 'm', events: [{ canarytoken: 't', type: 'dns' }], logtype: '16000' }
      }))
      if (offset === 0) items.push({ id: 'incident:device', updated_id: '999', description: { acknowledged: 'False', created: '1', logtype: '4002', events: [{ USERNAME: 'root' }] } } as never)
      const next = offset + limit < total ? String(offset + limit) : null
      return { result: 'success', incidents: items, cursor: { next }, max_updated_id: items.length ? Math.max(...items.map((item) => Number(item.updated_id))) : undefined, path: endpoint.path }
    }
    return { transport: { call } as unknown as HttpTransport, calls }
  }

  it('pages with limit first, then the cursor alone, counting device incidents apart', async () => {
    const { transport, calls } = feed(7, 3)
    const pages = []
    for await (const page of incidentPages(transport, { state: 'unacknowledged', pageSize: 3, flockId: 'flock:default', since: 5 })) pages.push(page)
    expect(pages.map((page) => page.incidents.length)).toEqual([3, 3, 1])
    expect(pages[0]!.deviceIncidents).toBe(1)
    expect(pages[0]!.maxUpdatedId).toBe(999)
    expect(calls[0]).toEqual({ node_id: undefined, flock_id: 'flock:default', incidents_since: 5, limit: 3 })
    expect(calls.slice(1)).toEqual([{ cursor: '3' }, { cursor: '6' }])
  })

  it('stops when a cursor comes back twice', async () => {
    const call = async () => ({ result: 'success', incidents: [], cursor: { next: 'same' } })
    const walk = async () => {
      for await (const page of incidentPages({ call } as unknown as HttpTransport, { state: 'all' })) void page
    }
    await expect(walk()).rejects.toThrow(/already given/)
  })
})

describe('the selection', () => {
  const record = (fields: Partial<IncidentRecord> = {}): IncidentRecord => ({ id: 'k', canarytoken: 'tok', memo: 'deploy main', kind: 'aws-id', srcHost: '', created: new Date(0), acknowledged: false, updatedId: 10, flockId: 'flock:default', ...fields })

  it('refuses a wrong incident-state with the near miss, before any request', async () => {
    await expect(parseIncidentSelection(inputsFrom({ 'incident-state': 'unacknowleged' }), 'unacknowledged')).rejects.toThrow(/one of: unacknowledged, acknowledged, all; 'unacknowleged' is not; did you mean 'unacknowledged'\?/)
    await expect(parseIncidentSelection(inputsFrom({ 'incidents-since': '-1' }), 'all')).rejects.toThrow(InputError)
  })

  it.each([
    ['acknowledge-incidents', 'all', 'every Canarytoken incident'],
    ['acknowledge-incidents', '', 'every unacknowledged Canarytoken incident'],
    ['delete-incidents', '', 'every acknowledged Canarytoken incident']
  ])("%s without a filter (incident-state '%s') asks for one, or 'all: true' to work on %s", async (name, state, what) => {
    const operation = await findOperation(name)
    await expect(operation.parse(inputsFrom({ 'incident-state': state }), { workspace: '/nonexistent', runnerTemp: '/nonexistent', artifactRuntime: false })).rejects.toThrow(new RegExp(`'all: true' to work on ${what}\\.$`))
  })

  it('says one token\'s selection as one phrase', async () => {
    const selection = await parseIncidentSelection(inputsFrom({ canarytoken: 'tok', kind: 'dns' }), 'unacknowledged')
    expect(describeSelection(selection)).toBe('unacknowledged incidents of Canarytoken tok, kind dns')
  })

  it('matches the token by its id, the state, incidents-since and the token filters', async () => {
    const selection = await parseIncidentSelection(inputsFrom({ canarytoken: 'tok', 'memo-pattern': 'deploy *', kind: 'aws-id', 'incidents-since': '9' }), 'unacknowledged')
    expect(matchesSelection(selection, record())).toBe(true)
    expect(matchesSelection(selection, record({ canarytoken: 'other' }))).toBe(false)
    expect(matchesSelection(selection, record({ acknowledged: true }))).toBe(false)
    expect(matchesSelection(selection, record({ updatedId: 9 }))).toBe(false)
    expect(matchesSelection(selection, record({ memo: 'release' }))).toBe(false)
    expect(matchesSelection(selection, record({ kind: 'dns' }))).toBe(false)
  })

  it("passes one token's history on whole and in order, in batches, however long: every match once, every incident counted", async () => {
    // Longer than a batch (a feed page's size) twice over, with incidents that do not match among them.
    const history = Array.from({ length: 450 }, (_, index) =>
      record({ id: `k${index}`, acknowledged: index % 3 === 0, updatedId: index % 50 === 49 ? undefined : 1000 + index, canarytoken: index === 7 ? 'other' : 'tok' })
    )
    const context = {
      backend: {
        name: 'canarytokens-server',
        async *incidents(token: { id: string }) {
          expect(token.id).toBe('tok')
          yield* history
        }
      }
    } as unknown as OperationContext
    const selection = await parseIncidentSelection(inputsFrom({ canarytoken: 'tok' }), 'unacknowledged')
    const expected = history.filter((incident) => incident.canarytoken === 'tok' && !incident.acknowledged).map((incident) => incident.id)
    expect(expected.length).toBeGreaterThan(250)

    const pagesTally: FeedTally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 }
    const batches: string[][] = []
    for await (const batch of selectIncidentPages(context, selection, pagesTally)) batches.push(batch.map((incident) => incident.id))
    expect(batches.flat()).toEqual(expected)
    expect(batches.length).toBeGreaterThan(1)
    for (const batch of batches) expect(batch.length).toBeGreaterThan(0)
    expect(pagesTally).toEqual({ read: 450, pages: 0, deviceIncidents: 0, unreadable: 0, maxUpdatedId: 1448 })

    const tally: FeedTally = { read: 0, pages: 0, deviceIncidents: 0, unreadable: 0 }
    const one: string[] = []
    for await (const incident of selectIncidents(context, selection, tally)) one.push(incident.id)
    expect(one).toEqual(expected)
    expect(tally).toEqual(pagesTally)
  })
})

describe('report-incidents inputs', () => {
  it("does not warn about github-token in other operations: the runner fills its default (the job's token) into every step", async () => {
    const inputs = inputsFrom({ 'github-token': 'ghs_filled_in_by_the_runner', labels: 'mine' })
    expect(ignoredInputs(await findOperation('list-canarytokens'), inputs, INPUT_NAMES, INPUT_DEFAULTS)).toEqual(['labels'])
  })

  const env = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_API_URL: 'https://api.github.com' }
  it('refuses an empty github-token naming the input and the permission', async () => {
    await expect(parseReport(inputsFrom({}), env)).rejects.toThrow(/'github-token' is empty.*permissions: issues: write/)
    // One that cannot be a token is never sent (nor could it be masked).
    await expect(parseReport(inputsFrom({ 'github-token': 'abc1234' }), env)).rejects.toThrow(/'github-token'/)
    await expect(parseReport(inputsFrom({ 'github-token': 'ghs_0123456789\nabcdef' }), env)).rejects.toThrow(/'github-token'/)
  })
  it('checks repository and GITHUB_API_URL before any request', async () => {
    await expect(parseReport(inputsFrom({ 'github-token': 'ghs_unit0123456789', repository: 'https://github.com/a/b' }), env)).rejects.toThrow(/'owner\/name'.*not a URL/)
    await expect(parseReport(inputsFrom({ 'github-token': 'ghs_unit0123456789', repository: 'a/b/c' }), env)).rejects.toThrow(/'repository'/)
    await expect(parseReport(inputsFrom({ 'github-token': 'ghs_unit0123456789' }), { ...env, GITHUB_API_URL: 'http://ghe.example.com/api/v3' })).rejects.toThrow(/https/)
    const params = await parseReport(inputsFrom({ 'github-token': 'ghs_unit0123456789', labels: 'canarytoken, security', assignees: '@octocat' }), { GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: 'https://ghe.example.com/api/v3' })
    expect([params.repository, params.labels, params.assignees, params.apiUrl, params.maxIssues]).toEqual([{ owner: 'o', repo: 'r' }, ['canarytoken', 'security'], ['octocat'], 'https://ghe.example.com/api/v3', 20])
  })
})

describe('untrusted text in Markdown', () => {
  it('fences with more backticks than the text holds and pads, so the span cannot be closed', () => {
    expect(codeSpan('plain')).toBe('` plain `')
    expect(codeSpan('a `b` c')).toBe('`` a `b` c ``')
    expect(codeSpan('```x')).toBe('```` ```x ````')
    expect(codeSpan('')).toBe('')
  })

  it('shows line breaks and bidi or invisible characters as escapes, and escapes pipes in tables', () => {
    expect(visibleControls('a\nb\r\tc\u202ed\u200b')).toBe('a\\nb\\r\\tc\\u202ed\\u200b')
    expect(codeSpan('a|b', { inTable: true })).toBe('` a\\|b `')
    expect(codeSpan('a|b')).toBe('` a|b `')
  })

  it('shows the other invisible characters as escapes too: the Arabic letter mark (bidi), fillers, and tag characters that hide text from readers but not from an agent reading the issue', () => {
    // "curl" with "ignore" in tag characters after it: invisible on GitHub.
    const smuggled = `curl${Array.from('ignore', (character) => String.fromCodePoint(0xe0000 + character.charCodeAt(0))).join('')}`
    expect(visibleControls(smuggled)).toBe('curl\\u{e0069}\\u{e0067}\\u{e006e}\\u{e006f}\\u{e0072}\\u{e0065}')
    expect(visibleControls('a\u061cb\u00adc\u3164d\u180ee\u{e0100}f')).toBe('a\\u061cb\\u00adc\\u3164d\\u180ee\\u{e0100}f')
    // An emoji's variation selector stays: it is how the emoji is drawn.
    expect(visibleControls('\u2764\ufe0f')).toBe('\u2764\ufe0f')
  })

  it('bounds the length in code points, never splitting a pair', () => {
    const span = codeSpan('😀'.repeat(50), { maxLength: 10 })
    expect(span).toBe(`\` ${'😀'.repeat(9)}… \``)
    expect(codePointLength('😀a')).toBe(2)
  })
})

describe('issues and comments', () => {
  const token = { canarytoken: 'tok123', kind: 'aws-id', memo: 'deploy @octocat\n<!-- canary-console-action:incidents AAAAAAAAAAAA -->', flockId: 'flock:default', consoleUrl: 'https://abc.canary.tools' }
  const incident = (index: number, fields: Partial<IncidentRecord> = {}): IncidentRecord => ({
    id: `incident:canarytoken:${index}`,
    canarytoken: 'tok123',
    memo: token.memo,
    kind: 'aws-id',
    srcHost: `198.51.100.${index % 250}`,
    created: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
    acknowledged: false,
    event: 'GetCallerIdentity',
    userAgent: `@admin #${index} ![x](https://evil.example/x.png) | <img src=x> \n<!-- canary-console-action:incidents BBBBBBBBBBBB -->`,
    ...fields
  })

  it('writes one marker for the token and one tag per incident, and an attacker cannot forge either', () => {
    const rendered = renderIssue(token, [incident(1), incident(2)], 7)
    expect(markedToken(rendered.body)).toBe('tok123')
    expect(markedIncidents(rendered.body).sort()).toEqual([incidentTag('incident:canarytoken:1'), incidentTag('incident:canarytoken:2')].sort())
    expect(rendered.body).toContain("This token's earlier issue #7 was closed")
    // Every line holding attacker text is a table row: no line of theirs starts at the left margin.
    for (const line of rendered.body.split('\n')) if (line.includes('@admin') || line.includes('@octocat')) expect(line.startsWith('| ')).toBe(true)
    expect(markedToken(`${tokenMarker('a')}x`)).toBeUndefined()
  })

  it('keeps a token with hundreds of incidents under the limit: the newest shown, the rest counted, every tag written', () => {
    const many = Array.from({ length: 3000 }, (_, index) => incident(index, { userAgent: 'x'.repeat(2000) }))
    const rendered = renderIssue(token, many)
    expect(codePointLength(rendered.body)).toBeLessThanOrEqual(BODY_BUDGET)
    expect(rendered.body).toContain(`${3000 - MAX_TABLE_ROWS} older incidents are not shown`)
    expect(rendered.body).toContain(incident(2999).created.toISOString())
    expect(rendered.body).not.toContain(`${incident(0).created.toISOString()} \``)
    let tags = rendered.tags.length
    let overflow = rendered.overflow
    while (overflow.length > 0) {
      const next = renderContinuation(overflow)
      expect(codePointLength(next.body)).toBeLessThanOrEqual(BODY_BUDGET)
      tags += next.tags.length
      overflow = next.overflow
    }
    expect(tags).toBe(3000)
    expect(codePointLength(renderComment(many).body)).toBeLessThanOrEqual(BODY_BUDGET)
  })

  it('puts the memo in the title inside code, within 256 code points', () => {
    const title = issueTitle({ ...token, memo: `@team ${'m'.repeat(500)}` })
    expect(codePointLength(title)).toBeLessThanOrEqual(256)
    expect(title.startsWith('Canarytoken triggered: ` @team')).toBe(true)
    // A memo of backticks needs long fences: the memo is shortened, never the span cut open.
    const ticks = issueTitle({ ...token, memo: `${'`'.repeat(200)} @team` })
    expect(codePointLength(ticks)).toBeLessThanOrEqual(256)
    expect(ticks).toMatch(/^Canarytoken triggered: (`+) [\s\S]* \1 \(` aws-id `\)$/)
  })
})
