// list-incidents, acknowledge-incidents and delete-incidents through dist/index.js against the
// Console emulator (strict, as Thinkst's reference shows the incident endpoints).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { expectFailure, expectSuccess, runAction, tempFolder, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-incidents-5d4c3b2a1f0e'

let emulator: ConsoleEmulator
let consoleUrl: string

beforeEach(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
  consoleUrl = await emulator.start()
})
afterEach(async () => {
  await emulator.stop()
})

function action(operation: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ operation, console: consoleUrl, 'auth-token': AUTH_TOKEN, ...inputs })
}

interface Item {
  id: string
  canarytoken: string
  memo: string
  kind: string
  src_host: string
  created: string
  acknowledged: boolean
  event: string | null
  user_agent: string | null
  outcome?: string
  message?: string
}

const fileItems = (run: ActionRun): Item[] => JSON.parse(readFileSync(run.outputs['incidents-file'] as string, 'utf8')) as Item[]
const feedRequests = () => emulator.requests.filter((request) => request.path.startsWith('/api/v1/incidents/'))

/** Two tokens with incidents, a Canary with one, a hostile user agent. */
function seed() {
  const aws = emulator.addToken({ kind: 'aws-id', memo: 'deploy octo-repo main' })
  const dns = emulator.addToken({ kind: 'dns', memo: 'release build 1.2' })
  const first = emulator.addIncident(aws.canarytoken, { src_host: '203.0.113.7', event_name: 'ListBuckets', user_agent: 'aws-cli/2 <script>alert(1)</script>\n::warning::x', time: Date.UTC(2026, 10, 1, 10) })
  const second = emulator.addIncident(dns.canarytoken, { src_host: '198.51.100.3', time: Date.UTC(2026, 10, 1, 11) })
  const acked = emulator.addIncident(aws.canarytoken, { acknowledged: true, time: Date.UTC(2026, 10, 1, 12) })
  const device = emulator.addDevice()
  emulator.addDeviceIncident(device.node_id)
  return { aws, dns, first, second, acked }
}

describe('list-incidents', () => {
  it('lists unacknowledged Canarytoken incidents as flat typed items, Canary incidents left out', async () => {
    const { aws, first } = seed()
    const run = await action('list-incidents')
    expectSuccess(run)
    expect(run.outputs.count).toBe('2')
    const items = fileItems(run)
    expect(JSON.parse(run.outputs.incidents as string)).toEqual(items)
    expect(items.find((item) => item.id === first.id)).toEqual({
      id: first.id,
      canarytoken: aws.canarytoken,
      memo: 'deploy octo-repo main',
      kind: 'aws-id',
      src_host: '203.0.113.7',
      created: '2026-11-01T10:00:00.000Z',
      acknowledged: false,
      event: 'ListBuckets',
      user_agent: 'aws-cli/2 <script>alert(1)</script>\n::warning::x'
    })
    expect(run.summary).toContain('Canary (device) incident in the feed was left out')
    // The attacker's text is data in the summary: escaped, its line break shown, no workflow command.
    expect(run.summary).not.toContain('<script>')
    expect(run.summary).toContain('&#60;script&#62;')
    expect(run.stdout).not.toMatch(/^::warning::x/m)
    expect(Number(run.outputs['max-updated-id'])).toBeGreaterThan(0)
  })

  it("finds one token's incidents by the token id its events carry, though its node_id differs", async () => {
    const { aws } = seed()
    expect(emulator.nodeIdOf(aws.canarytoken)).not.toBe(aws.canarytoken)
    const run = await action('list-incidents', { canarytoken: aws.canarytoken, 'incident-state': 'all' })
    expectSuccess(run)
    expect(fileItems(run).map((item) => item.canarytoken)).toEqual([aws.canarytoken, aws.canarytoken])
    // One token's history is not a count of feed pages.
    expect(run.stdout).toContain(`Read 2 Canarytoken incidents of ${aws.canarytoken}'s history; 2 match.`)
    // Narrowed by the node_id the listing shows, never by the token id sent as a node_id.
    const asked = feedRequests().map((request) => request.params.node_id)
    expect(asked).toEqual([emulator.nodeIdOf(aws.canarytoken)])
  })

  it('reads big feeds in pages (later pages with the cursor alone), and incidents-since shows only what changed', async () => {
    const token = emulator.addToken({ kind: 'dns', memo: 'many' })
    for (let index = 0; index < 450; index++) emulator.addIncident(token.canarytoken, { time: Date.UTC(2026, 0, 1) + index * 1000 })
    const run = await action('list-incidents', { 'memo-pattern': 'many', kind: 'dns' })
    expectSuccess(run)
    expect(run.outputs.count).toBe('450')
    expect(new Set(fileItems(run).map((item) => item.id)).size).toBe(450)
    const pages = feedRequests()
    expect(pages.length).toBe(3)
    expect(run.stdout).toContain('Read 450 Canarytoken incidents in 3 pages; 450 match.')
    expect(pages[0]!.params.limit).toBeDefined()
    for (const page of pages.slice(1)) expect(Object.keys(page.params)).toEqual(['cursor'])

    const later = emulator.addIncident(token.canarytoken)
    const since = await action('list-incidents', { 'incidents-since': run.outputs['max-updated-id'] as string })
    expectSuccess(since)
    expect(fileItems(since).map((item) => item.id)).toEqual([later.id])
  })

  it('takes a /regex/ memo-pattern (RE2) on every incident operation, and refuses a backtracking one before any request', async () => {
    const { aws, first, second } = seed()
    const listed = await action('list-incidents', { 'memo-pattern': '/^deploy .* main$/' })
    expectSuccess(listed)
    expect(fileItems(listed).map((item) => [item.canarytoken, item.id])).toEqual([[aws.canarytoken, first.id]])
    for (const operation of ['acknowledge-incidents', 'delete-incidents']) {
      const dry = await action(operation, { 'memo-pattern': '/^release/', 'incident-state': 'all', 'dry-run': 'true' })
      expectSuccess(dry)
      expect(fileItems(dry).map((item) => [item.id, item.outcome])).toEqual([[second.id, 'dry-run']])
    }
    emulator.clearRequests()
    const refused = await action('list-incidents', { 'memo-pattern': '/(a)\\1/' })
    expectFailure(refused, /^Input 'memo-pattern' is not a valid RE2 regular expression/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('fails on a "success" without the incidents list, naming the call and the Console', async () => {
    seed()
    emulator.injectFault({ method: 'GET', path: '/api/v1/incidents/unacknowledged', body: { result: 'success' } })
    const run = await action('list-incidents', { retries: '0' })
    expectFailure(run, /^list-incidents failed: HTTP 200: the Console answered "success" without the "incidents" list \(GET \/api\/v1\/incidents\/unacknowledged at http:\/\/127\.0\.0\.1:\d+\)$/)
  })

  it('refuses a wrong incident-state before any request, naming the near miss', async () => {
    const run = await action('list-incidents', { 'incident-state': 'acknowleged' })
    expectFailure(run, /Input 'incident-state' must be one of: unacknowledged, acknowledged, all; 'acknowleged' is not; did you mean 'acknowledged'\?/)
    expect(emulator.requests).toEqual([])
  })
})

describe('acknowledge-incidents', () => {
  it('needs a filter or all: true, and a dry run changes nothing', async () => {
    seed()
    expectFailure(await action('acknowledge-incidents'), /needs at least one filter .* or 'all: true'/)
    expect(emulator.requests).toEqual([])
    const dry = await action('acknowledge-incidents', { all: 'true', 'dry-run': 'true' })
    expectSuccess(dry)
    expect(dry.outputs['matched-count']).toBe('2')
    expect(fileItems(dry).map((item) => item.outcome)).toEqual(['dry-run', 'dry-run'])
    expect(emulator.requests.filter((request) => request.method !== 'GET')).toEqual([])
  })

  it('acknowledges each selected incident, reports each outcome, and refuses more than max-changes before any change', async () => {
    const { aws, dns, first, second } = seed()
    const capped = await action('acknowledge-incidents', { all: 'true', 'max-changes': '1' })
    expectFailure(capped, /2 incidents would be acknowledged, more than max-changes \(1\); nothing was changed/)
    expect(emulator.requests.filter((request) => request.method !== 'GET')).toEqual([])

    const run = await action('acknowledge-incidents', { 'memo-pattern': 'deploy *' })
    expectSuccess(run)
    expect([run.outputs['matched-count'], run.outputs['changed-count'], run.outputs['failed-count']]).toEqual(['1', '1', '0'])
    expect(fileItems(run)).toEqual([expect.objectContaining({ id: first.id, canarytoken: aws.canarytoken, outcome: 'changed', message: 'acknowledged' })])
    expect(emulator.getIncident(first.id)?.description.acknowledged).toBe('True')
    expect(emulator.getIncident(second.id)?.description.acknowledged).toBe('False')
    expect(emulator.listIncidents(dns.canarytoken)).toHaveLength(1)
  })

  it('reports a refused acknowledge per incident and fails the step', async () => {
    const { first } = seed()
    emulator.injectFault({ method: 'POST', path: '/api/v1/incident/acknowledge', status: 400, body: { result: 'error', message: 'Something broke' }, times: 1 })
    const run = await action('acknowledge-incidents', { all: 'true', concurrency: '1' })
    expectFailure(run, /1 of 2 incidents could not be acknowledged/)
    const failed = fileItems(run).filter((item) => item.outcome === 'failed')
    expect(failed).toEqual([expect.objectContaining({ id: first.id, message: expect.stringContaining('Something broke') })])
    expect(run.outputs['failed-count']).toBe('1')
  })

  it('says what it acknowledged, each by its key, when the outcome list cannot be written afterwards', async () => {
    const { first, second } = seed()
    // The action's folder in RUNNER_TEMP is taken by a file: the list fails after the Console changed.
    const runnerTemp = await tempFolder('canary-e2e-blocked-temp-')
    await writeFile(join(runnerTemp, 'canary-console-action'), 'not a folder')
    const run = await runAction({ operation: 'acknowledge-incidents', console: consoleUrl, 'auth-token': AUTH_TOKEN, all: 'true' }, { env: { RUNNER_TEMP: runnerTemp } })
    expectFailure(run, /^acknowledge-incidents failed: acknowledged 2 of 2 matched incidents \(0 failed\), but writing the list of outcomes failed: .*canary-console-action/)
    expect(emulator.getIncident(first.id)?.description.acknowledged).toBe('True')
    expect(emulator.getIncident(second.id)?.description.acknowledged).toBe('True')
    const line = run.stdout.split('\n').find((text) => text.startsWith('Acknowledged, by incident key: '))
    expect(line?.split(': ')[1]?.split(', ').sort()).toEqual([first.id, second.id].sort())
  })
})

describe('delete-incidents', () => {
  it('deletes acknowledged incidents only, unless incident-state says otherwise', async () => {
    const { aws, acked, first } = seed()
    const run = await action('delete-incidents', { canarytoken: aws.canarytoken })
    expectSuccess(run)
    expect(fileItems(run)).toEqual([expect.objectContaining({ id: acked.id, outcome: 'changed', message: 'deleted' })])
    expect(emulator.getIncident(acked.id)).toBeUndefined()
    expect(emulator.getIncident(first.id)).toBeDefined()

    const all = await action('delete-incidents', { canarytoken: aws.canarytoken, 'incident-state': 'all' })
    expectSuccess(all)
    expect(fileItems(all)).toEqual([expect.objectContaining({ id: first.id, outcome: 'changed', message: 'acknowledged, then deleted' })])
    expect(emulator.listIncidents(aws.canarytoken)).toEqual([])
    // The Canary's incident is never touched.
    expect(emulator.listIncidents().filter((incident) => incident.description.name !== 'N/A')).toHaveLength(1)
  })
})
