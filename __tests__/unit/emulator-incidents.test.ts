// The Console emulator's incidents, ping, node_ids and API switch, held against Thinkst's reference: the
// JSON examples kept in __tests__/fixtures/reference (queries.md, actions.md, testing.md) and what
// Thinkst's clients send (canarytools-python, canary-utils' canary_api2csv.py). Strict mode, as npm test runs it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { ConsoleEmulator } from '../emulator/emulator.mjs'

const AUTH = 'incidents-emulator-token-5e2a9c'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are read field by field
type Json = Record<string, any>

const fixture = (name: string): Json => (JSON.parse(readFileSync(new URL(`../fixtures/reference/${name}.json`, import.meta.url), 'utf8')) as { response: Json }).response

let emulator: ConsoleEmulator
let base: string

beforeAll(async () => {
  emulator = new ConsoleEmulator({ authToken: AUTH })
  base = await emulator.start()
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(() => {
  emulator.setApiEnabled(true)
})

async function call(method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string> = {}, token = AUTH): Promise<{ status: number; json: Json }> {
  const url = new URL(path, base)
  let body: URLSearchParams | undefined
  if (method === 'GET') for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  else body = new URLSearchParams(params)
  const reply = await fetch(url, { method, headers: { 'X-Canary-Auth-Token': token }, body })
  return { status: reply.status, json: (await reply.json()) as Json }
}

/** Keys and value types of a JSON value (arrays by their first item). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : []
  if (value === null) return 'null'
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, shape(item)]))
  return typeof value
}

/** Drops `extra` keys (allowed beyond the fixture) from an object's shape. */
const without = (value: Json, extra: string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !extra.includes(key)))

/** incident-objects.md lists flock_id and flock_name in every incident; the queries.md examples leave them out. */
const DESCRIPTION_EXTRAS = ['flock_id', 'flock_name']

let fresh = 0
/** A token of its own flock, so a test's feeds hold only its incidents. */
function isolatedToken(kind = 'aws-id', memo = 'Example Memo') {
  const flock = emulator.addFlock(`flock ${++fresh}`)
  return { token: emulator.addToken({ kind, memo, flock_id: flock }), flock }
}

describe('the incident feeds, against the reference examples', () => {
  it.each([
    ['all', 'incidents-all'],
    ['unacknowledged', 'incidents-unacknowledged']
  ])('/incidents/%s answers a token incident in the shape of the reference', async (feed, name) => {
    const { token, flock } = isolatedToken()
    emulator.addIncident(token.canarytoken)
    emulator.addIncident(token.canarytoken)
    const answer = (await call('GET', `/api/v1/incidents/${feed}`, { flock_id: flock, limit: '1' })).json
    const expected = fixture(name)
    expect(Object.keys(answer).sort()).toEqual(Object.keys(expected).sort())
    expect(shape({ ...answer, incidents: [] })).toEqual(shape({ ...expected, incidents: [] }))
    const [incident] = answer.incidents as Json[]
    const [reference] = expected.incidents as Json[]
    expect(shape({ ...incident, description: {} })).toEqual(shape({ ...reference, description: {} }))
    expect(without(shape(incident!.description) as Json, DESCRIPTION_EXTRAS)).toEqual(shape(reference!.description))
    // The aws-id event: exactly the reference's keys and types.
    expect(shape(incident!.description.events[0])).toEqual(shape(reference!.description.events[0]))
    expect(answer.feed).toBe(expected.feed)
    expect(incident!.description).toMatchObject({ description: 'Canarytoken triggered', logtype: '17012', name: 'N/A', memo: 'Example Memo', acknowledged: 'False', notified: 'False' })
    expect(incident!.updated).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    expect(incident!.updated_std).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+0000$/)
    expect(incident!.description.local_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\)$/)
    expect(answer.cursor.next_link).toBe(`${base}/api/v1/incidents/${feed}?cursor=${encodeURIComponent(answer.cursor.next)}&auth_token=${AUTH}`)
  })

  it('/incidents/acknowledged answers a Canary incident in the shape of the reference (HTTP Login Attempt)', async () => {
    const flock = emulator.addFlock('birds')
    const bird = emulator.addDevice({ name: 'ExampleBird', flock_id: flock })
    const reference = (fixture('incidents-acknowledged').incidents as Json[])[0]!
    emulator.addDeviceIncident(bird.node_id, { logtype: '3001', events: reference.description.events, acknowledged: true, dst_port: '80', src_host_reverse: 'host.example' })
    const answer = (await call('GET', '/api/v1/incidents/acknowledged', { flock_id: flock })).json
    const [incident] = answer.incidents as Json[]
    expect(without(shape(incident!.description) as Json, DESCRIPTION_EXTRAS)).toEqual(shape(reference.description))
    expect(incident!.description).toMatchObject({ description: 'HTTP Login Attempt', logtype: '3001', name: 'ExampleBird', node_id: bird.node_id, acknowledged: 'True' })
    expect(incident!.description.local_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(incident!.description.events[0]).not.toHaveProperty('canarytoken')
    expect(answer.feed).toBe('Acknowledged Incidents')
  })

  it('lists token and Canary incidents side by side in the all feed', async () => {
    const { token, flock } = isolatedToken('dns')
    const bird = emulator.addDevice({ flock_id: flock })
    emulator.addIncident(token.canarytoken)
    emulator.addDeviceIncident(bird.node_id)
    const incidents = (await call('GET', '/api/v1/incidents/all', { flock_id: flock })).json.incidents as Json[]
    expect(incidents.map((incident) => [incident.summary, incident.description.logtype, incident.description.node_id])).toEqual([
      ['Canarytoken triggered', '16000', emulator.nodeIdOf(token.canarytoken)],
      ['SSH Login Attempt', '4002', bird.node_id]
    ])
  })
})

describe('token events', () => {
  it('carry the token id in canarytoken, the user agent only inside headers, kind and url for the HTTP family', async () => {
    const { token } = isolatedToken('http')
    const incident = emulator.addIncident(token.canarytoken, { src_host: '192.0.2.7', user_agent: 'curl/8.5.0', time: Date.UTC(2025, 0, 2, 3, 4, 5) })
    const [event] = incident.description.events as Json[]
    expect(event).toEqual({
      canarytoken: token.canarytoken,
      dst_port: 80,
      event_name: '',
      headers: { Accept: '*/*', 'Accept-Encoding': 'gzip, deflate', Connection: 'close', 'User-Agent': 'curl/8.5.0' },
      kind: 'http',
      src_host: '192.0.2.7',
      timestamp: 1735787045,
      timestamp_std: '2025-01-02 03:04:05 UTC+0000',
      type: 'http',
      url: token.url
    })
    expect(incident.description).toMatchObject({ src_host: '192.0.2.7', created: '1735787045', logtype: '17000' })
    expect(emulator.getToken(token.canarytoken).triggered_count).toBe(1)
  })

  it('look like the reference aws-id example, with the options given (event_name, user agent, source, headers, fields)', () => {
    const { token } = isolatedToken('aws-id')
    const incident = emulator.addIncident(token.canarytoken, {
      event_name: 'ListBuckets',
      src_host: '203.0.113.9',
      headers: { Host: 'sts.amazonaws.com' },
      user_agent: 'Boto3/1.34.0',
      fields: { additional_info: { region: 'us-east-1' } }
    })
    expect(incident.description.events[0]).toEqual({
      canarytoken: token.canarytoken,
      dst_port: 80,
      event_name: 'ListBuckets',
      headers: { Host: 'sts.amazonaws.com', 'User-Agent': 'Boto3/1.34.0' },
      src_host: '203.0.113.9',
      timestamp: expect.any(Number),
      timestamp_std: expect.any(String),
      type: 'aws-id',
      additional_info: { region: 'us-east-1' }
    })
    expect(Object.keys(incident.description.events[0])).not.toContain('useragent')
  })

  it('of DNS kinds have the hostname and no headers (the reference DNS event dict)', () => {
    const { token } = isolatedToken('sensitive-cmd')
    const incident = emulator.addIncident(token.canarytoken, { fields: { cmd_user_name: 'alice' } })
    expect(incident.description.logtype).toBe('16011')
    expect(incident.description.events[0]).toMatchObject({ type: 'sensitive-cmd', hostname: token.hostname, dst_port: 53, cmd_user_name: 'alice' })
    expect(incident.description.events[0]).not.toHaveProperty('headers')
  })

  it('add up on one incident with addEvent (events_count, triggered_count and updated_id rise)', () => {
    const { token } = isolatedToken('http')
    const first = emulator.addIncident(token.canarytoken)
    const later = emulator.addEvent(first.id, { src_host: '192.0.2.99' })
    expect(later.description.events_count).toBe('2')
    expect(later.updated_id).toBeGreaterThan(first.updated_id)
    expect(emulator.getToken(token.canarytoken).triggered_count).toBe(2)
  })
})

describe('feed parameters', () => {
  it('node_id matches the node_id the listings show, not the token id', async () => {
    const { token } = isolatedToken('dns')
    emulator.addIncident(token.canarytoken)
    const listed = (await call('GET', '/api/v1/canarytokens/search', { search_string: token.canarytoken })).json.canarytokens as Json[]
    const nodeId = listed[0]!.node_id as string
    expect(nodeId).toBe(emulator.nodeIdOf(token.canarytoken))
    expect(nodeId).not.toBe(token.canarytoken)
    expect(((await call('GET', '/api/v1/incidents/all', { node_id: nodeId })).json.incidents as Json[]).map((i) => i.description.events[0].canarytoken)).toEqual([token.canarytoken])
    const byTokenId = (await call('GET', '/api/v1/incidents/all', { node_id: token.canarytoken })).json
    expect(byTokenId.incidents).toEqual([])
    expect(byTokenId).not.toHaveProperty('max_updated_id')
  })

  it('incidents_since returns what changed after an updated_id; max_updated_id is the largest shown', async () => {
    const { token, flock } = isolatedToken()
    const first = emulator.addIncident(token.canarytoken)
    const second = emulator.addIncident(token.canarytoken)
    const since = (await call('GET', '/api/v1/incidents/all', { flock_id: flock, incidents_since: String(first.updated_id) })).json
    expect(since.incidents.map((incident: Json) => incident.id)).toEqual([second.id])
    expect(since.max_updated_id).toBe(second.updated_id)
    // Acknowledging is a change: the incident comes back with a higher updated_id.
    await call('POST', '/api/v1/incident/acknowledge', { incident: first.id })
    const after = (await call('GET', '/api/v1/incidents/all', { flock_id: flock, incidents_since: String(second.updated_id) })).json
    expect(after.incidents.map((incident: Json) => [incident.id, incident.description.acknowledged])).toEqual([[first.id, 'True']])
    expect((await call('GET', '/api/v1/incidents/all', { incidents_since: 'x' })).json).toEqual({ result: 'error', message: 'Parameter incidents_since was invalid.' })
  })

  it('newer_than and older_than take yyyy-mm-dd-hh:mm:ss (UTC), strictly', async () => {
    const { token, flock } = isolatedToken()
    emulator.addIncident(token.canarytoken, { time: Date.UTC(2024, 5, 1, 12, 0, 0) })
    const late = emulator.addIncident(token.canarytoken, { time: Date.UTC(2024, 5, 2, 12, 0, 0) })
    const ids = async (params: Record<string, string>) => ((await call('GET', '/api/v1/incidents/all', { flock_id: flock, ...params })).json.incidents as Json[]).map((i) => i.id)
    expect(await ids({ newer_than: '2024-06-01-12:00:00' })).toEqual([late.id])
    expect(await ids({ older_than: '2024-06-01-12:00:00' })).toEqual([])
    expect(await ids({ older_than: '2024-06-03-00:00:00', newer_than: '2024-06-01-00:00:00' })).toHaveLength(2)
    expect((await call('GET', '/api/v1/incidents/all', { newer_than: '2024-06-01 12:00:00' })).json.message).toBe('Parameter newer_than was invalid.')
  })

  it('event_limit caps the events shown, not events_count; shrink (default true) drops duplicated events', async () => {
    const { token, flock } = isolatedToken('http')
    const incident = emulator.addIncident(token.canarytoken, { time: 1_700_000_000_000, src_host: '192.0.2.1' })
    emulator.addEvent(incident.id, { time: 1_700_000_000_000, src_host: '192.0.2.1' })
    emulator.addEvent(incident.id, { time: 1_700_000_100_000, src_host: '192.0.2.1' })
    const events = async (params: Record<string, string>) => ((await call('GET', '/api/v1/incidents/all', { flock_id: flock, ...params })).json.incidents as Json[])[0]!.description
    expect((await events({})).events).toHaveLength(2)
    expect((await events({ shrink: 'false' })).events).toHaveLength(3)
    const limited = await events({ event_limit: '1', shrink: 'false' })
    expect([limited.events.length, limited.events_count]).toEqual([1, '3'])
  })

  it('tz sets the _std fields (canarytools-python sends tz=UTC)', async () => {
    const { token, flock } = isolatedToken()
    emulator.addIncident(token.canarytoken, { time: Date.UTC(2024, 0, 15, 10, 0, 0) })
    const utc = (await call('GET', '/api/v1/incidents/all', { flock_id: flock, tz: 'UTC' })).json.incidents[0]
    expect(utc.description.created_std).toBe('2024-01-15 10:00:00 UTC+0000')
    const ny = (await call('GET', '/api/v1/incidents/all', { flock_id: flock, tz: 'America/New_York' })).json.incidents[0]
    expect(ny.description.created_std).toMatch(/^2024-01-15 05:00:00 \S+-0500$/)
    expect((await call('GET', '/api/v1/incidents/all', { tz: 'Mars/Olympus' })).json.message).toBe('Invalid timezone')
  })

  it('a Flock API key sees only its flock', async () => {
    const { token, flock } = isolatedToken('dns')
    emulator.addIncident(token.canarytoken)
    const other = isolatedToken('dns')
    emulator.addIncident(other.token.canarytoken)
    const key = emulator.addApiKey({ flock_id: flock, type: 'admin' })
    const seen = (await call('GET', '/api/v1/incidents/all', {}, key.auth_token)).json.incidents as Json[]
    expect(seen.map((incident) => incident.description.flock_id)).toEqual([flock])
    expect((await call('GET', '/api/v1/incidents/all', { flock_id: other.flock }, key.auth_token)).status).toBe(403)
  })
})

describe('cursor paging', () => {
  it('starts with limit; later pages may send the cursor alone (as canary_api2csv does), which carries the query', async () => {
    const { token, flock } = isolatedToken('dns')
    const made = Array.from({ length: 5 }, () => emulator.addIncident(token.canarytoken))
    const other = isolatedToken('dns')
    emulator.addIncident(other.token.canarytoken)
    const seen: string[] = []
    let page = (await call('GET', '/api/v1/incidents/all', { flock_id: flock, incidents_since: String(made[0]!.updated_id), limit: '2', shrink: 'true' })).json
    seen.push(...page.incidents.map((incident: Json) => incident.id))
    expect(page.cursor.prev).toBeNull()
    while (page.cursor.next) {
      page = (await call('GET', '/api/v1/incidents/all', { cursor: page.cursor.next, shrink: 'true' })).json
      seen.push(...page.incidents.map((incident: Json) => incident.id))
    }
    expect(seen).toEqual(made.slice(1).map((incident) => incident.id))
    expect(page.cursor.prev).toEqual(expect.any(String))
    // The reference's example cursors decode to colon-separated numbers; these do too.
    expect(Buffer.from(page.cursor.prev, 'base64').toString('utf8')).toMatch(/^\d+(:\d+)+$/)
  })

  it('refuses a cursor of another feed or a made-up one', async () => {
    const { token, flock } = isolatedToken('dns')
    emulator.addIncident(token.canarytoken)
    emulator.addIncident(token.canarytoken)
    const first = (await call('GET', '/api/v1/incidents/all', { flock_id: flock, limit: '1' })).json
    expect((await call('GET', '/api/v1/incidents/acknowledged', { cursor: first.cursor.next })).json).toEqual({ result: 'error', message: 'Invalid cursor' })
    expect((await call('GET', '/api/v1/incidents/all', { cursor: 'bm9wZQ==' })).status).toBe(400)
  })

  it('is offset-based: acknowledging incidents while walking the unacknowledged feed skips some', async () => {
    const { token, flock } = isolatedToken('dns')
    const made = Array.from({ length: 4 }, () => emulator.addIncident(token.canarytoken))
    const first = (await call('GET', '/api/v1/incidents/unacknowledged', { flock_id: flock, limit: '2' })).json
    for (const incident of first.incidents as Json[]) await call('POST', '/api/v1/incident/acknowledge', { incident: incident.id })
    const second = (await call('GET', '/api/v1/incidents/unacknowledged', { cursor: first.cursor.next })).json
    expect(second.incidents).toEqual([])
    expect(emulator.listIncidents(token.canarytoken).filter((incident) => incident.description.acknowledged === 'False').map((i) => i.id)).toEqual(made.slice(2).map((i) => i.id))
  })
})

describe('actions on one incident', () => {
  it.each([
    ['acknowledge', 'POST', 'incident-acknowledge', 'acknowledged'],
    ['unacknowledge', 'POST', 'incident-unacknowledge', 'unacknowledged']
  ] as const)('%s answers as the reference does and moves the incident between feeds', async (action, method, name, word) => {
    const { token, flock } = isolatedToken('dns')
    const incident = emulator.addIncident(token.canarytoken, { acknowledged: action === 'unacknowledge' })
    const answer = (await call(method, `/api/v1/incident/${action}`, { incident: incident.id })).json
    expect(shape(answer)).toEqual(shape(fixture(name)))
    expect(answer).toEqual({ action: word, key: incident.id, result: 'success' })
    const feed = action === 'acknowledge' ? 'acknowledged' : 'unacknowledged'
    expect(((await call('GET', `/api/v1/incidents/${feed}`, { flock_id: flock })).json.incidents as Json[]).map((i) => i.id)).toEqual([incident.id])
  })

  it('deletes an acknowledged incident; an unacknowledged one is refused (canarytools-python never sends that)', async () => {
    const { token } = isolatedToken('dns')
    const incident = emulator.addIncident(token.canarytoken)
    const refused = await call('DELETE', '/api/v1/incident/delete', { incident: incident.id })
    expect([refused.status, refused.json.result]).toEqual([400, 'error'])
    emulator.setIncidentAcknowledged(incident.id, true)
    const answer = (await call('DELETE', '/api/v1/incident/delete', { incident: incident.id })).json
    expect(shape(answer)).toEqual(shape(fixture('incident-delete')))
    expect(answer).toEqual({ action: 'deleted', key: incident.id, result: 'success' })
    expect(emulator.getIncident(incident.id)).toBeUndefined()
    expect((await call('POST', '/api/v1/incident/acknowledge', { incident: incident.id })).json).toEqual({ result: 'error', message: 'Incident not found' })
  })

  it('fetch answers a flat incident by key or hash_id, in the shape of the reference', async () => {
    const bird = emulator.addDevice({ name: 'TelnetBird' })
    const reference = fixture('incident-fetch').incident as Json
    const made = emulator.addDeviceIncident(bird.node_id, { logtype: '6001', dst_port: '23', events: reference.events })
    const byKey = (await call('GET', '/api/v1/incident/fetch', { incident: made.id })).json
    expect(Object.keys(byKey).sort()).toEqual(['incident', 'result'])
    expect(without(shape(byKey.incident) as Json, [...DESCRIPTION_EXTRAS, 'hash_id', 'name'])).toEqual(shape(reference))
    expect(byKey.incident).toMatchObject({ id: made.id, description: 'Telnet Login Attempt', node_id: bird.node_id })
    expect((await call('GET', '/api/v1/incident/fetch', { hash_id: made.hash_id })).json.incident.id).toBe(made.id)
    expect((await call('GET', '/api/v1/incident/fetch', { incident: 'incident:nope' })).json.message).toBe('Incident not found')
    expect((await call('GET', '/api/v1/incident/fetch')).status).toBe(400)
  })
})

describe('actions on many incidents', () => {
  it('acknowledge and unacknowledge by node_id answer keys as the reference does', async () => {
    const { token } = isolatedToken('dns')
    const made = [emulator.addIncident(token.canarytoken), emulator.addIncident(token.canarytoken)]
    const nodeId = emulator.nodeIdOf(token.canarytoken)!
    const acked = (await call('POST', '/api/v1/incidents/acknowledge', { node_id: nodeId })).json
    expect(shape(acked)).toEqual(shape(fixture('incidents-acknowledge')))
    expect(acked).toEqual({ action: 'acknowledged', keys: made.map((i) => i.id), result: 'success' })
    const unacked = (await call('POST', '/api/v1/incidents/unacknowledge', { node_id: nodeId })).json
    expect(shape(unacked)).toEqual(shape(fixture('incidents-unacknowledge')))
    expect(unacked.keys).toEqual(made.map((i) => i.id))
  })

  it('need at least one filter, and not node_id with src_host', async () => {
    expect((await call('POST', '/api/v1/incidents/acknowledge')).json).toEqual({ result: 'error', message: expect.stringMatching(/^At least one of flock_id, node_id, src_host, older_than, filter_str, filter_logtypes/) })
    expect((await call('POST', '/api/v1/incidents/acknowledge', { node_id: 'a', src_host: 'b' })).json.message).toBe('Cannot use src_host and node_id together')
    expect((await call('POST', '/api/v1/incidents/acknowledge', { older_than: '2024-01-01' })).json.message).toBe('Parameter older_than was invalid.')
  })

  it('delete takes only acknowledged incidents unless include_unacknowledged=true, by DELETE or POST (canarytools-python)', async () => {
    const { token } = isolatedToken('dns')
    const nodeId = emulator.nodeIdOf(token.canarytoken)!
    const acked = emulator.addIncident(token.canarytoken, { acknowledged: true })
    const open = emulator.addIncident(token.canarytoken)
    const first = (await call('DELETE', '/api/v1/incidents/delete', { node_id: nodeId })).json
    expect(shape(first)).toEqual(shape(fixture('incidents-delete')))
    expect(first).toEqual({ action: 'deleted', keys: [acked.id], result: 'success' })
    expect((await call('POST', '/api/v1/incidents/delete', { node_id: nodeId })).json.keys).toEqual([])
    expect((await call('POST', '/api/v1/incidents/delete', { node_id: nodeId, include_unacknowledged: 'true' })).json.keys).toEqual([open.id])
    expect(emulator.listIncidents(token.canarytoken)).toEqual([])
  })

  it('filter by src_host, older_than (a period), filter_str and filter_logtypes', async () => {
    const { token, flock } = isolatedToken('aws-id', 'payroll laptop')
    const bird = emulator.addDevice({ name: 'FileServer', flock_id: flock })
    const old = emulator.addIncident(token.canarytoken, { src_host: '192.0.2.50', time: emulator.now() - 3 * 86_400_000 })
    const device = emulator.addDeviceIncident(bird.node_id, { logtype: '5000', src_host: '192.0.2.60' })
    const keys = async (params: Record<string, string>) => ((await call('POST', '/api/v1/incidents/acknowledge', { flock_id: flock, ...params })).json.keys as string[])
    expect(await keys({ src_host: '192.0.2.50' })).toEqual([old.id])
    emulator.setIncidentAcknowledged(old.id, false)
    expect(await keys({ older_than: '2d' })).toEqual([old.id])
    emulator.setIncidentAcknowledged(old.id, false)
    expect(await keys({ filter_str: 'fileserv' })).toEqual([device.id])
    emulator.setIncidentAcknowledged(device.id, false)
    expect(await keys({ filter_logtypes: '17012,4002' })).toEqual([old.id])
    expect(await keys({ filter_str: 'PAYROLL' })).toEqual([])
  })
})

describe('incident search', () => {
  /** Reference search fields the emulator leaves out: the Canary's own record and integration fields. */
  const SEARCH_OMITTED = ['host', 'sensor', 'slack_channel', 'slack_ts']

  it('answers flat incidents in the shape of the reference, unacknowledged by default', async () => {
    const flock = emulator.addFlock('search birds')
    const bird = emulator.addDevice({ name: 'ModbusBird', flock_id: flock })
    const expected = fixture('incidents-search')
    const reference = (expected.incidents as Json[])[0]!
    emulator.addDeviceIncident(bird.node_id, { logtype: '18001', dst_port: '502', events: reference.logdata, src_host: '192.0.2.70' })
    emulator.addDeviceIncident(bird.node_id, { logtype: '18001', events: reference.logdata, src_host: '192.0.2.70', acknowledged: true })
    const answer = (await call('GET', '/api/v1/incidents/search', { node_id: bird.node_id, limit: '1' })).json
    expect(answer.cursor).toEqual({ next: null, next_link: null, prev: null, prev_link: null })
    expect(answer).toMatchObject({ total_results: 1, total_pages: 1, page_number: 1, incident_source_counts: { '192.0.2.70': 1 } })
    const [incident] = answer.incidents as Json[]
    expect(shape(incident)).toEqual(without(shape(reference) as Json, SEARCH_OMITTED))
    expect(incident).toMatchObject({ description: 'ModBus Request', logtype: '18001', node_id: bird.node_id, flock_id: flock, key: incident!.incident_key })
    const all = (await call('GET', '/api/v1/incidents/search', { node_id: bird.node_id, filter_incident_state: 'all', limit: '1' })).json
    expect([all.total_results, all.total_pages]).toEqual([2, 2])
    expect(shape({ ...all, incidents: [], incident_source_counts: {} })).toEqual(shape({ ...expected, incidents: [], incident_source_counts: {} }))
    const next = (await call('GET', '/api/v1/incidents/search', { cursor: all.cursor.next })).json
    expect([next.page_number, next.incidents.length]).toEqual([2, 1])
  })

  it('filters by filter_str (name, node_id, source and destination) and filter_logtypes', async () => {
    const { token, flock } = isolatedToken('dns')
    const bird = emulator.addDevice({ name: 'Searchable', flock_id: flock })
    const tokenIncident = emulator.addIncident(token.canarytoken, { src_host: '192.0.2.81' })
    const deviceIncident = emulator.addDeviceIncident(bird.node_id, { logtype: '4002' })
    const keys = async (params: Record<string, string>) => ((await call('GET', '/api/v1/incidents/search', { flock_id: flock, ...params })).json.incidents as Json[]).map((i) => i.key)
    expect(await keys({ filter_str: 'searchab' })).toEqual([deviceIncident.id])
    expect(await keys({ filter_str: '192.0.2.81' })).toEqual([tokenIncident.id])
    expect(await keys({ filter_logtypes: '16000' })).toEqual([tokenIncident.id])
    expect((await call('GET', '/api/v1/incidents/search', { filter_incident_state: 'open' })).status).toBe(400)
  })
})

describe('tokens and their incidents', () => {
  it('listings carry a node_id distinct from the token id; create and fetch answers carry none', async () => {
    const created = (await call('POST', '/api/v1/canarytoken/create', { kind: 'dns', memo: 'node id check' })).json.canarytoken as Json
    expect(created).not.toHaveProperty('node_id')
    expect((await call('GET', '/api/v1/canarytoken/fetch', { canarytoken: created.canarytoken })).json.token).not.toHaveProperty('node_id')
    const nodeId = emulator.nodeIdOf(created.canarytoken)
    expect(nodeId).toMatch(/^[0-9a-f]{16}$/)
    const all = (await call('GET', '/api/v1/canarytokens/fetch')).json.tokens as Json[]
    expect(all.find((token) => token.canarytoken === created.canarytoken)?.node_id).toBe(nodeId)
    const searched = (await call('GET', '/api/v1/canarytokens/search', { search_string: created.canarytoken })).json.canarytokens as Json[]
    expect(searched[0]).toMatchObject({ node_id: nodeId, unacked_alert_count: 0 })
    // The reference's listing examples, key for key: node_id and (search) unacked_alert_count included.
    expect(Object.keys(fixture('canarytokens-fetch').tokens[0])).toContain('node_id')
  })

  it('search counts the unacknowledged incidents of a token', async () => {
    const { token } = isolatedToken('dns')
    emulator.addIncident(token.canarytoken)
    emulator.addIncident(token.canarytoken, { acknowledged: true })
    const searched = (await call('GET', '/api/v1/canarytokens/search', { search_string: token.canarytoken })).json.canarytokens as Json[]
    expect(searched[0]!.unacked_alert_count).toBe(1)
  })

  it('delete is refused with the message Thinkst\'s client knows while the token has incidents; clear_incidents removes them', async () => {
    const { token, flock } = isolatedToken('dns')
    emulator.addIncident(token.canarytoken, { acknowledged: true })
    const refused = await call('POST', '/api/v1/canarytoken/delete', { canarytoken: token.canarytoken })
    expect([refused.status, refused.json]).toEqual([400, { result: 'error', message: 'Could not delete Canarydrop' }])
    expect((await call('POST', '/api/v1/canarytoken/delete', { canarytoken: token.canarytoken, clear_incidents: 'True' })).json).toEqual({ result: 'success' })
    expect((await call('GET', '/api/v1/incidents/all', { flock_id: flock })).json.incidents).toEqual([])
    expect(emulator.listIncidents(token.canarytoken)).toEqual([])
  })
})

describe('ping', () => {
  it('answers the reference example, with the token in the header or (as Thinkst\'s clients send it) the query', async () => {
    expect((await call('GET', '/api/v1/ping')).json).toEqual(fixture('ping'))
    expect(await (await fetch(`${base}/api/v1/ping?auth_token=${AUTH}`)).json()).toEqual({ result: 'success' })
    expect(await (await fetch(`${base}/api/v1/ping?auth_token=wrong`)).json()).toEqual({ result: 'error', message: 'Invalid auth_token' })
  })
})

describe('the API switch', () => {
  it('once disabled refuses every call, enable included, as an auth failure, until the settings page turns it on', async () => {
    expect((await call('POST', '/api/v1/settings/api/disable')).json).toEqual({ result: 'success' })
    for (const [method, path] of [
      ['POST', '/api/v1/settings/api/enable'],
      ['GET', '/api/v1/ping'],
      ['GET', '/api/v1/incidents/all']
    ] as const) {
      const refused = await call(method, path)
      expect([path, refused.status, refused.json]).toEqual([path, 401, { result: 'error', message: 'Unauthorized' }])
    }
    expect(await (await fetch(`${base}/api/v1/settings/api/enable?auth_token=${AUTH}`, { method: 'POST' })).json()).toEqual({ result: 'error', message: 'Invalid auth_token' })
    expect(emulator.apiEnabled).toBe(false)
    emulator.setApiEnabled(true)
    expect((await call('GET', '/api/v1/ping')).json).toEqual({ result: 'success' })
  })
})
