// The emulator CLI's admin endpoint: the runner-canary test hook (addIncident) over HTTP, for runs against
// `npm run emulator`, where a test cannot call the emulator object.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../emulator/cli.mjs', import.meta.url))
const AUTH_TOKEN = 'emulator-cli-test-auth-token-8c2d'
let child: ChildProcess
let urls: { url: string; adminUrl: string }

beforeAll(async () => {
  child = spawn(process.execPath, [cli, '--auth-token', AUTH_TOKEN, '--admin-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer]
  urls = JSON.parse(chunk.toString('utf8').split('\n')[0] as string) as { url: string; adminUrl: string }
})
afterAll(async () => {
  if (child.exitCode === null) {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
})

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${urls.url}${path}`, { ...init, headers: { 'X-Canary-Auth-Token': AUTH_TOKEN, ...(init.headers as Record<string, string>) } })

describe('the emulator CLI with --admin-port', () => {
  it('POST /trigger records an alert on the token, which the API then shows', async () => {
    const created = (await (await api('/api/v1/canarytoken/create', { method: 'POST', body: new URLSearchParams({ kind: 'aws-id', memo: 'cli' }) })).json()) as {
      canarytoken: { canarytoken: string; triggered_count: number }
    }
    const id = created.canarytoken.canarytoken
    expect(created.canarytoken.triggered_count).toBe(0)
    const triggered = await fetch(`${urls.adminUrl}/trigger?canarytoken=${id}`, { method: 'POST' })
    expect([triggered.status, ((await triggered.json()) as { triggered_count: number }).triggered_count]).toEqual([200, 1])
    const fetched = (await (await api(`/api/v1/canarytoken/fetch?canarytoken=${id}`)).json()) as { token: { triggered_count: number } }
    expect(fetched.token.triggered_count).toBe(1)
  })

  it('POST /trigger takes src_host, event_name, user_agent, time, headers and fields, and the feeds show that incident', async () => {
    const created = (await (await api('/api/v1/canarytoken/create', { method: 'POST', body: new URLSearchParams({ kind: 'aws-id', memo: 'cli options' }) })).json()) as {
      canarytoken: { canarytoken: string }
    }
    const id = created.canarytoken.canarytoken
    const body = JSON.stringify({ headers: { Host: 'sts.amazonaws.com' }, fields: { additional_info: { region: 'eu-west-1' } } })
    const query = new URLSearchParams({ canarytoken: id, src_host: '192.0.2.44', event_name: 'GetCallerIdentity', user_agent: 'Boto3/1.34.0', time: '1735787045' })
    const triggered = (await (await fetch(`${urls.adminUrl}/trigger?${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })).json()) as {
      incident: string
      node_id: string
    }
    expect(triggered.node_id).toMatch(/^[0-9a-f]{16}$/)
    const feed = (await (await api(`/api/v1/incidents/unacknowledged?node_id=${triggered.node_id}`)).json()) as {
      incidents: Array<{ id: string; description: { created: string; src_host: string; events: Array<Record<string, unknown>> } }>
    }
    expect(feed.incidents.map((incident) => incident.id)).toEqual([triggered.incident])
    expect(feed.incidents[0]!.description).toMatchObject({ created: '1735787045', src_host: '192.0.2.44' })
    expect(feed.incidents[0]!.description.events[0]).toMatchObject({
      canarytoken: id,
      event_name: 'GetCallerIdentity',
      headers: { Host: 'sts.amazonaws.com', 'User-Agent': 'Boto3/1.34.0' },
      additional_info: { region: 'eu-west-1' }
    })
    expect((await fetch(`${urls.adminUrl}/trigger?canarytoken=${id}&time=soon`, { method: 'POST' })).status).toBe(400)
    expect((await fetch(`${urls.adminUrl}/trigger?canarytoken=${id}`, { method: 'POST', body: '{"headers":[1]}' })).status).toBe(400)
  })

  it('answers 404 for an unknown token or another request, and is not part of the Console API', async () => {
    expect((await fetch(`${urls.adminUrl}/trigger?canarytoken=nope`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${urls.adminUrl}/trigger`)).status).toBe(404)
    expect((await api('/trigger?canarytoken=x', { method: 'POST' })).status).toBe(404)
  })
})
