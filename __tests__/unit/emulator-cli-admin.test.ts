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

  it('answers 404 for an unknown token or another request, and is not part of the Console API', async () => {
    expect((await fetch(`${urls.adminUrl}/trigger?canarytoken=nope`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${urls.adminUrl}/trigger`)).status).toBe(404)
    expect((await api('/trigger?canarytoken=x', { method: 'POST' })).status).toBe(404)
  })
})
