// The Canarytokens server emulator (a witness for the free-server backend): every route and every error
// shape, checked with plain undici against what thinkst/canarytokens' source does (see the emulator's README).
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { request } from 'undici'
import { API_PREFIX, CanarytokensServerEmulator, MAX_HISTORY } from '../emulator/canarytokens-server/emulator.mjs'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's JSON answers are read field by field
type Json = Record<string, any>
interface Emulator {
  start(port?: number): Promise<string>
  stop(): Promise<void>
  url: string
  apiUrl: string
  requests: Json[]
  webhookPosts: Json[]
  failAwsMint: boolean
  addHit(token: string, hit?: Json): Json
  setIgnoredIps(token: string, ips: string[]): void
  getDrop(token: string): Json | undefined
  injectFault(spec: Json): Json
  size: number
}

const started: Emulator[] = []
async function startEmulator(options: Json = {}): Promise<Emulator> {
  const emulator = new CanarytokensServerEmulator(options) as Emulator
  started.push(emulator)
  await emulator.start()
  return emulator
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.stop()))
})

let shared: Emulator
beforeAll(async () => {
  shared = new CanarytokensServerEmulator() as Emulator
  await shared.start()
})
afterAll(async () => {
  await shared.stop()
})

interface Reply {
  status: number
  headers: Record<string, string>
  text: string
  bytes: Buffer
  json: () => Json
}
async function call(emulator: Emulator, method: string, path: string, options: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  const response = await request(`${emulator.url}${path}`, { method: method as 'GET', ...(options.body !== undefined ? { body: options.body } : {}), headers: options.headers ?? {} })
  const bytes = Buffer.from(await response.body.arrayBuffer())
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers[name] = value
  return { status: response.statusCode, headers, bytes, text: bytes.toString('utf8'), json: () => JSON.parse(bytes.toString('utf8')) as Json }
}
const postJson = (emulator: Emulator, path: string, body: unknown, contentType: string | null = 'application/json') =>
  call(emulator, 'POST', `${API_PREFIX}${path}`, { body: JSON.stringify(body), headers: contentType === null ? {} : { 'content-type': contentType } })
const generate = (emulator: Emulator, body: Json) => postJson(emulator, '/generate', body)
async function create(emulator: Emulator, body: Json): Promise<Json> {
  const reply = await generate(emulator, { memo: 'deploy of acme/api at 1a2b3c', email: 'sec@example.com', ...body })
  expect(reply.status).toBe(200)
  return reply.json()
}
const pair = (token: Json) => `token=${token.token as string}&auth=${token.auth_token as string}`
function multipart(fields: Record<string, string>, file: { name: string; filename: string; type: string; data: Buffer }) {
  const boundary = '----emulator-test-boundary'
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}
const ERROR_1 = { error: '1', error_message: 'Malformed request, invalid data supplied.', url: '', url_components: null, token: '', email: '', hostname: '', auth: '' }
const FORBIDDEN = { detail: 'Token not found. Invalid `auth` and `token` pair.' }

describe('POST {prefix}/generate', () => {
  it('answers the source response model: 25-char token, 32-hex auth, Url null, webhook_url empty', async () => {
    const token = await create(shared, { token_type: 'dns' })
    expect(token.token).toMatch(/^[0-9a-z]{25}$/)
    expect(token.auth_token).toMatch(/^[0-9a-f]{32}$/)
    expect(token).toMatchObject({ hostname: `${token.token as string}.canarytokens.com`, email: 'sec@example.com', webhook_url: '', error: null, error_message: null, Url: null, token_type: 'dns' })
    expect(token.token_url).toBe(`http://canarytokens.com/stuff/${token.token as string}/payments.js`)
    expect(token.url_components).toEqual([['stuff'], ['payments.js']])
  })

  it('reads JSON only when Content-Type is absent or exactly application/json', async () => {
    const body = { token_type: 'dns', memo: 'm', email: 'sec@example.com' }
    expect((await postJson(shared, '/generate', body, null)).status).toBe(200)
    const charset = await postJson(shared, '/generate', body, 'application/json; charset=utf-8')
    expect([charset.status, charset.json()]).toEqual([400, ERROR_1])
    expect((await postJson(shared, '/generate', body, 'text/plain')).json()).toEqual(ERROR_1)
  })

  it('takes form posts, renaming type to token_type, and multipart uploads', async () => {
    const form = await call(shared, 'POST', `${API_PREFIX}/generate`, { body: new URLSearchParams({ type: 'web', memo: 'form', email: 'sec@example.com' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect([form.status, form.json().token_type]).toEqual([200, 'web'])
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    const image = multipart({ token_type: 'web_image', memo: 'img', email: 'sec@example.com' }, { name: 'web_image', filename: 'logo.png', type: 'image/png', data: png })
    const uploaded = await call(shared, 'POST', `${API_PREFIX}/generate`, { body: image.body, headers: { 'content-type': image.contentType } })
    expect([uploaded.status, uploaded.json().url_components]).toEqual([200, [['stuff'], ['photo1.jpg']]])
    expect(shared.requests.at(-1)?.files).toEqual({ web_image: { filename: 'logo.png', contentType: 'image/png', size: png.length } })
    const exe = multipart({ token_type: 'signed_exe', memo: 'exe', email: 'sec@example.com' }, { name: 'signed_exe', filename: 'tool.exe', type: 'application/x-msdownload', data: Buffer.from('MZ\x90\x00') })
    const signed = (await call(shared, 'POST', `${API_PREFIX}/generate`, { body: exe.body, headers: { 'content-type': exe.contentType } })).json()
    expect(signed.file_name).toBe('tool.exe')
    expect(signed.file_contents).toMatch(/^data:octet\/stream;base64,/)
    expect(signed.hostname).toBe(`${signed.token as string}.nxdomain.canarytokens.com`)
    const wrongType = multipart({ token_type: 'web_image', memo: 'img', email: 'sec@example.com' }, { name: 'web_image', filename: 'logo.png', type: 'text/plain', data: png })
    expect((await call(shared, 'POST', `${API_PREFIX}/generate`, { body: wrongType.body, headers: { 'content-type': wrongType.contentType } })).json()).toEqual(ERROR_1)
    const wrongName = multipart({ token_type: 'web_image', memo: 'img', email: 'sec@example.com' }, { name: 'web_image', filename: 'logo.bmp', type: 'image/png', data: png })
    const refused = await call(shared, 'POST', `${API_PREFIX}/generate`, { body: wrongName.body, headers: { 'content-type': wrongName.contentType } })
    expect([refused.status, refused.json()]).toEqual([400, { detail: 'Uploaded image must be a PNG, GIF, JPG or JPEG' }])
  })

  it('shapes errors 1, 2, 3 and 5 as response_error does, and 6 for a blocked address', async () => {
    const blocking = await startEmulator({ blockedEmails: ['blocked@example.com'] })
    const cases: Array<[Json, string, string]> = [
      [{ token_type: 'nope', memo: 'm', email: 'a@example.com' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', email: 'a@example.com' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm', email: '', webhook_url: '' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm', email: 'not-an-address' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm', email: 'sec@corp.local' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm', email: 'sec@ci.sub.test' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm', email: 'sec@example.c1' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: 'm', webhook_url: 'http://localhost/hook' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'cmd', memo: 'm', email: 'a@example.com', cmd_process: 'klist' }, '1', 'Malformed request, invalid data supplied.'],
      [{ token_type: 'dns', memo: '', email: 'a@example.com' }, '2', 'No memo supplied'],
      [{ token_type: 'dns', memo: 'm', webhook_url: `https://hooks.example.com/${'x'.repeat(1024)}` }, '3', 'Webhook URL too long. Use a shorter webhook URL.'],
      [{ token_type: 'dns', memo: 'm', email: 'müller@example.com' }, '5', 'Invalid email supplied'],
      [{ token_type: 'dns', memo: 'm', email: 'blocked@example.com' }, '6', 'Blocked email supplied. Please see our Acceptable Use Policy at https://canarytokens.org/nest/legal']
    ]
    for (const [body, code, message] of cases) {
      const reply = await generate(blocking, body)
      expect([reply.status, reply.json()]).toEqual([400, { ...ERROR_1, error: code, error_message: message }])
    }
    expect(blocking.size).toBe(0)
  })

  it("reads webhook_url as pydantic v1's HttpUrl does: a top-level domain of 2 to 63 letters (a trailing dot allowed), or an IP", async () => {
    for (const webhook of ['https://hooks/x', 'https://example.c/x', 'https://example.co1/x', 'https://example.123/x']) {
      expect([webhook, (await generate(shared, { token_type: 'dns', memo: 'm', webhook_url: webhook })).json()]).toEqual([webhook, ERROR_1])
    }
    for (const webhook of ['https://example.com./x', 'https://xn--bcher-kva.de/x', 'https://203.0.113.9/x']) {
      expect([webhook, (await generate(shared, { token_type: 'dns', memo: 'm', webhook_url: webhook })).status]).toEqual([webhook, 200])
    }
  })

  it('keeps the address as EmailStr gives it back: stripped, out of a "Name <address>" form, its domain lower-cased', async () => {
    for (const [given, kept] of [[' Sec.Team@Example.COM ', 'Sec.Team@example.com'], ['Security Team <sec@Example.com>', 'sec@example.com']]) {
      const token = await create(shared, { token_type: 'dns', email: given })
      const drop = (await call(shared, 'GET', `${API_PREFIX}/manage?${pair(token)}`)).json().canarydrop
      expect([given, token.email, drop.alert_email_recipient]).toEqual([given, kept, kept])
    }
  })

  it('counts the memo in code points (Python len), at most 1,000', async () => {
    expect((await generate(shared, { token_type: 'dns', memo: '🐦'.repeat(1000), email: 'a@example.com' })).status).toBe(200)
    expect((await generate(shared, { token_type: 'dns', memo: 'x'.repeat(1001), email: 'a@example.com' })).json()).toEqual(ERROR_1)
  })

  it('tests a webhook through the hook: loopback gives the HTML 500 page with status 200; failures give error 3', async () => {
    const verdicts: Record<string, string> = { 'https://down.example.com/h': 'unreachable', 'https://slow.example.com/h': 'timeout', 'https://404.example.com/h': 'http-error' }
    const emulator = await startEmulator({ webhookCheck: (url: string) => verdicts[url] ?? 'ok' })
    const loopback = await generate(shared, { token_type: 'dns', memo: 'm', webhook_url: 'http://127.0.0.1:9/hook' })
    expect([loopback.status, loopback.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8'])
    expect(loopback.text).toContain('<title>500 - Internal Server Error</title>')
    expect((await generate(emulator, { token_type: 'dns', memo: 'm', webhook_url: 'https://down.example.com/h' })).json().error_message).toBe('Failed to connect to webhook. Confirm you can POST to this URL.')
    expect((await generate(emulator, { token_type: 'dns', memo: 'm', webhook_url: 'https://slow.example.com/h' })).json().error_message).toBe('Webhook timed out. Confirm you can POST to this URL.')
    expect((await generate(emulator, { token_type: 'dns', memo: 'm', webhook_url: 'https://404.example.com/h' })).json().error_message).toBe('Invalid webhook supplied. Confirm you can POST to this URL.')
    const ok = await generate(emulator, { token_type: 'dns', memo: 'm', webhook_url: 'https://hooks.example.com/h' })
    expect([ok.status, ok.json().webhook_url]).toEqual([200, ''])
    expect(emulator.webhookPosts.map((post) => [post.url, post.verdict])).toEqual([
      ['https://down.example.com/h', 'unreachable'],
      ['https://slow.example.com/h', 'timeout'],
      ['https://404.example.com/h', 'http-error'],
      ['https://hooks.example.com/h', 'ok']
    ])
    expect(emulator.webhookPosts[3]?.body).toMatchObject({ memo: 'Congrats! The newly saved webhook works', token_type: 'dns' })
  })

  it('answers aws_keys with keys, and 500 on an instance without AWS', async () => {
    const keys = await create(shared, { token_type: 'aws_keys' })
    expect(keys.aws_access_key_id).toMatch(/^AKIA[A-Z2-7]{16}$/)
    expect(keys.aws_secret_access_key).toHaveLength(40)
    expect(keys).toMatchObject({ region: 'us-east-2', output: 'json', token_url: `http://canarytokens.com/${keys.token as string}` })
    const noAws = await startEmulator({ aws: false })
    const refused = await generate(noAws, { token_type: 'aws_keys', memo: 'm', email: 'a@example.com' })
    expect([refused.status, refused.json()]).toEqual([500, { message: 'This Canarytokens instance does not have AWS ID tokens enabled.' }])
    noAws.failAwsMint = true
    expect((await generate(noAws, { token_type: 'aws_keys', memo: 'm', email: 'a@example.com' })).status).toBe(500)
    const failing = await startEmulator()
    failing.failAwsMint = true
    const failed = await generate(failing, { token_type: 'aws_keys', memo: 'm', email: 'a@example.com' })
    expect([failed.status, failed.json(), failing.size]).toEqual([400, { message: 'Failed to generate AWS Keys. We looking into it.' }, 0])
  })

  it('adds each kind its own fields', async () => {
    const wg = await create(shared, { token_type: 'wireguard' })
    expect(wg.wg_conf).toContain('[Interface]')
    expect(wg.qr_code).toMatch(/^data:image\/png;base64,/)
    const kube = await create(shared, { token_type: 'kubeconfig' })
    expect(Buffer.from(kube.kubeconfig as string, 'base64').toString('utf8')).toContain('kind: Config')
    // The kubeconfig and MySQL answers are made without url_components (app.py create_response), so it is null there.
    expect([kube.url_components, (await create(shared, { token_type: 'my_sql' })).url_components, (await create(shared, { token_type: 'dns' })).url_components]).toEqual([null, null, [['stuff'], ['payments.js']]])
    expect((await create(shared, { token_type: 'qr_code' })).qrcode_png).toMatch(/^data:image\/png;base64,iVBOR/)
    const smtp = await create(shared, { token_type: 'smtp' })
    expect(smtp.unique_email).toBe(`${smtp.token as string}@canarytokens.com`)
    expect(await create(shared, { token_type: 'azure_id', azure_id_cert_file_name: 'prod.pem' })).toMatchObject({ cert_file_name: 'prod.pem', cert_name: expect.any(String), app_id: expect.any(String), tenant_id: expect.any(String), cert: expect.stringContaining('BEGIN CERTIFICATE') })
    expect((await create(shared, { token_type: 'cmd', cmd_process: 'klist.exe' })).reg_file).toContain('klist.exe')
    expect((await create(shared, { token_type: 'log4shell' })).token_usage).toMatch(/^\$\{jndi:ldap:\/\/x\$\{hostName\}\.L4J\./)
    expect((await create(shared, { token_type: 'sql_server', sql_server_sql_action: 'SELECT' })).sql_server_table_name).toBe('TABLE1')
    expect((await create(shared, { token_type: 'pwa', icon: 'chase' })).pwa_app_name).toBe('Chase')
    expect((await create(shared, { token_type: 'svg' })).token_url).toMatch(/^http:\/\/canarytokens\.com\/static\/images\/[0-9a-z]{25}\.gif$/)
    expect((await create(shared, { token_type: 'adobe_pdf' })).hostname).toMatch(/\.nxdomain\.canarytokens\.com$/)
    const crowdstrike = await generate(shared, { token_type: 'crowdstrike_cc', memo: 'm', email: 'a@example.com' })
    expect(crowdstrike.status).toBe(503)
  })
})

describe('manage, history and hits', () => {
  it('manage and history need the pair: 422 without it, 403 for a wrong one', async () => {
    const token = await create(shared, { token_type: 'dns' })
    const missing = await call(shared, 'GET', `${API_PREFIX}/manage?token=${token.token as string}`)
    expect([missing.status, missing.json()]).toEqual([422, { detail: [{ loc: ['query', 'auth'], msg: 'field required', type: 'value_error.missing' }] }])
    for (const route of ['manage', 'history']) {
      const wrong = await call(shared, 'GET', `${API_PREFIX}/${route}?token=${token.token as string}&auth=${'0'.repeat(32)}`)
      expect([wrong.status, wrong.json()]).toEqual([403, FORBIDDEN])
    }
    const manage = (await call(shared, 'GET', `${API_PREFIX}/manage?${pair(token)}`)).json()
    expect(manage.canarydrop).toMatchObject({ memo: 'deploy of acme/api at 1a2b3c', type: 'dns', auth: token.auth_token, alert_email_enabled: true, alert_email_recipient: 'sec@example.com', generated_url: token.token_url, triggered_details: { hits: [], token_type: 'dns' } })
    // The drop is read back from redis: its `timestamp` (strftime("%s.%f")) is parsed by pydantic v1's
    // from_unix_seconds, which makes it UTC-aware, so FastAPI's isoformat() writes the zone.
    expect(manage.canarydrop.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/)
  })

  it("created_at as Python's isoformat() of an aware UTC datetime: microseconds, none when zero", async () => {
    const clock = new CanarytokensServerEmulator({ now: () => Date.UTC(2026, 7, 1, 10, 20, 30, 123) })
    await clock.start()
    try {
      const token = await create(clock, { token_type: 'dns' })
      expect((await call(clock, 'GET', `${API_PREFIX}/manage?${pair(token)}`)).json().canarydrop.created_at).toBe('2026-08-01T10:20:30.123000+00:00')
      const whole = new CanarytokensServerEmulator({ now: () => Date.UTC(2026, 7, 1, 10, 20, 30, 0) })
      await whole.start()
      try {
        const second = await create(whole, { token_type: 'dns' })
        expect((await call(whole, 'GET', `${API_PREFIX}/history?${pair(second)}`)).json().canarydrop.created_at).toBe('2026-08-01T10:20:30+00:00')
      } finally {
        await whole.stop()
      }
    } finally {
      await clock.stop()
    }
  })

  it('finds the token as Canarytoken() does before comparing (queries.py get_canarydrop_and_authenticate): 403, or the 500 page when compare_digest meets non-ASCII text', async () => {
    const token = await create(shared, { token_type: 'dns' })
    const id = token.token as string
    const manage = (tokenText: string, auth: string) => call(shared, 'GET', `${API_PREFIX}/manage?token=${encodeURIComponent(tokenText)}&auth=${encodeURIComponent(auth)}`)
    const page = (reply: Reply) => [reply.status, reply.text.includes('<title>500 - Internal Server Error</title>')]
    // No token in it, or another: NoCanarytokenFound / NoCanarydropFound, before any comparison.
    expect([(await manage('jeton-é', token.auth_token as string)).status, (await manage('', token.auth_token as string)).status]).toEqual([403, 403])
    // The token found inside longer text, or upper-cased (Canarytoken lower-cases it): compare_digest tells them apart.
    expect([(await manage(`x/${id}`, token.auth_token as string)).status, (await manage(id.toUpperCase(), token.auth_token as string)).status]).toEqual([403, 403])
    // compare_digest raises TypeError on non-ASCII str: the token text once it holds a real token, the auth once the token matches.
    expect(page(await manage(`é/${id}`, token.auth_token as string))).toEqual([200, true])
    expect(page(await manage(id, 'é'.repeat(32)))).toEqual([200, true])
    expect((await manage(id, 'a'.repeat(32))).json()).toEqual(FORBIDDEN)
  })

  it('history names the user agent user_agent on aws_keys hits and useragent on others, with eventName lists', async () => {
    const aws = await create(shared, { token_type: 'aws_keys' })
    const dns = await create(shared, { token_type: 'dns' })
    shared.addHit(aws.token as string, { userAgent: 'aws-cli/2.15', eventName: 'ListBuckets', src_ip: '203.0.113.5' })
    shared.addHit(dns.token as string, { userAgent: 'resolver' })
    const awsHistory = (await call(shared, 'GET', `${API_PREFIX}/history?${pair(aws)}`)).json()
    const [awsHit] = awsHistory.history.hits as Json[]
    expect(awsHit).toMatchObject({ src_ip: '203.0.113.5', user_agent: 'aws-cli/2.15', input_channel: 'HTTP', alert_status: 'alertable', token_type: 'aws_keys', additional_info: { aws_key_log_data: { eventName: ['ListBuckets'] } } })
    expect(typeof awsHit?.time_of_hit).toBe('number')
    expect(awsHit).not.toHaveProperty('useragent')
    expect(awsHistory.google_api_key).toBeNull()
    const [dnsHit] = (await call(shared, 'GET', `${API_PREFIX}/history?${pair(dns)}`)).json().history.hits as Json[]
    expect(dnsHit).toMatchObject({ useragent: 'resolver', input_channel: 'DNS', is_tor_relay: false, geo_info: null, src_data: null })
    expect(dnsHit).not.toHaveProperty('user_agent')
  })

  it('keeps the last 50 hits', async () => {
    const token = await create(shared, { token_type: 'dns' })
    for (let i = 0; i < MAX_HISTORY + 5; i++) shared.addHit(token.token as string, { time_of_hit: 1_700_000_000 + i })
    const hits = (await call(shared, 'GET', `${API_PREFIX}/history?${pair(token)}`)).json().history.hits as Json[]
    expect(hits).toHaveLength(50)
    expect([hits[0]?.time_of_hit, hits[49]?.time_of_hit]).toEqual([1_700_000_005, 1_700_000_054])
  })

  it('marks hits from ignored IPs once ip_ignore_enable is on', async () => {
    const token = await create(shared, { token_type: 'web' })
    shared.setIgnoredIps(token.token as string, ['192.0.2.1'])
    expect((await postJson(shared, '/settings', { setting: 'ip_ignore_enable', value: 'on', token: token.token, auth: token.auth_token })).json()).toEqual({ message: 'success' })
    expect(shared.addHit(token.token as string, { src_ip: '192.0.2.1' }).alert_status).toBe('ignored_ip')
  })
})

describe('POST {prefix}/settings', () => {
  it('turns each setting on and off', async () => {
    const token = await create(shared, { token_type: 'web' })
    const fields: Record<string, string> = { email_enable: 'alert_email_enabled', webhook_enable: 'alert_webhook_enabled', browser_scanner_enable: 'browser_scanner_enabled', web_image_enable: 'web_image_enabled', ip_ignore_enable: 'alert_ip_ignore_enabled' }
    for (const [setting, field] of Object.entries(fields)) {
      for (const value of ['on', 'off']) {
        const reply = await postJson(shared, '/settings', { setting, value, token: token.token, auth: token.auth_token })
        expect([reply.status, reply.json()]).toEqual([200, { message: 'success' }])
        expect((await call(shared, 'GET', `${API_PREFIX}/manage?${pair(token)}`)).json().canarydrop[field]).toBe(value === 'on')
      }
    }
  })

  it('answers 422 for an unknown setting or value, or a body that is not JSON; 403 for a wrong pair; 400 for ip_ignore on smtp', async () => {
    const token = await create(shared, { token_type: 'smtp' })
    const unknown = await postJson(shared, '/settings', { setting: 'sms_enable', value: 'on', token: token.token, auth: token.auth_token })
    expect([unknown.status, unknown.json().detail[0].type]).toEqual([422, 'value_error.discriminated_union.invalid_discriminator'])
    const badValue = await postJson(shared, '/settings', { setting: 'email_enable', value: 'yes', token: token.token, auth: token.auth_token })
    expect([badValue.status, badValue.json().detail[0].type]).toEqual([422, 'value_error.const'])
    const form = await call(shared, 'POST', `${API_PREFIX}/settings`, { body: new URLSearchParams({ setting: 'email_enable', value: 'on', token: token.token as string, auth: token.auth_token as string }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect([form.status, form.json().detail[0].type]).toEqual([422, 'value_error.discriminated_union.missing_discriminator'])
    // application/json with a charset is still JSON to FastAPI's body reader (unlike /generate's string compare).
    expect((await postJson(shared, '/settings', { setting: 'email_enable', value: 'off', token: token.token, auth: token.auth_token }, 'application/json; charset=utf-8')).status).toBe(200)
    expect((await postJson(shared, '/settings', { setting: 'email_enable', value: 'on', token: token.token, auth: 'x' })).json()).toEqual(FORBIDDEN)
    const ipIgnore = await postJson(shared, '/settings', { setting: 'ip_ignore_enable', value: 'on', token: token.token, auth: token.auth_token })
    expect([ipIgnore.status, ipIgnore.json()]).toEqual([400, { message: 'failure' }])
  })
})

describe('POST {prefix}/delete', () => {
  it('deletes, after which every call for the token is 403; reads the body as JSON whatever its content type', async () => {
    const token = await create(shared, { token_type: 'dns' })
    const deleted = await postJson(shared, '/delete', { token: token.token, auth: token.auth_token }, 'text/plain')
    expect([deleted.status, deleted.json()]).toEqual([200, { message: 'success' }])
    for (const path of [`/manage?${pair(token)}`, `/history?${pair(token)}`, `/download?fmt=incidentlist_json&${pair(token)}`]) expect((await call(shared, 'GET', `${API_PREFIX}${path}`)).json()).toEqual(FORBIDDEN)
    expect((await postJson(shared, '/delete', { token: token.token, auth: token.auth_token })).status).toBe(403)
    expect((await postJson(shared, '/delete', {})).json()).toEqual(FORBIDDEN)
    const form = await call(shared, 'POST', `${API_PREFIX}/delete`, { body: `token=${token.token as string}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect([form.status, form.text.includes('500 - Internal Server Error')]).toEqual([200, true])
  })
})

describe('GET {prefix}/download', () => {
  it('serves each fmt as an attachment with the source file name and content type', async () => {
    const word = await create(shared, { token_type: 'ms_word' })
    const t = word.token as string
    const expectations: Array<[string, string, string]> = [
      ['msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${t}.docx`],
      ['msexcel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${t}.xlsx`],
      ['pdf', 'application/pdf', `${t}.pdf`],
      ['zip', 'application/zip', `${t}.zip`],
      ['my_sql', 'application/zip', `${t}_mysql_dump.sql.gz`],
      ['qr_code', 'image/png', `${t}.png`],
      ['incidentlist_json', 'text/plain', `${t}.json`],
      ['incidentlist_csv', 'text/plain', `${t}.csv`],
      ['awskeys', 'text/plain', 'credentials']
    ]
    for (const [fmt, type, filename] of expectations) {
      const reply = await call(shared, 'GET', `${API_PREFIX}/download?fmt=${fmt}&${pair(word)}`)
      expect([fmt, reply.status, reply.headers['content-type'], reply.headers['content-disposition'], reply.headers['x-robots-tag']]).toEqual([fmt, 200, type, `attachment; filename=${filename}`, 'noindex'])
    }
    const docx = (await call(shared, 'GET', `${API_PREFIX}/download?fmt=msword&${pair(word)}`)).bytes
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04')
    expect(docx.toString('utf8')).toContain(word.token_url)
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=msword&${pair(word)}`)).bytes.equals(docx)).toBe(true)
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=pdf&${pair(word)}`)).text).toMatch(/^%PDF-1\.4/)
    expect(gunzipSync((await call(shared, 'GET', `${API_PREFIX}/download?fmt=my_sql&encoded=false&${pair(word)}`)).bytes).toString('utf8')).toContain(`SOURCE_USER='${t}`)
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=qr_code&${pair(word)}`)).text).toMatch(/^data:image\/png;base64,/)
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=incidentlist_json&${pair(word)}`)).text).toBe('{"hits": [], "token_type": "ms_word"}')
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=incidentlist_csv&${pair(word)}`)).text).toBe('"t","h","e"," ","t","o","k","e","n"," ","h","a","s"," ","n","o","t"," ","b","e","e","n"," ","t","r","i","g","g","e","r","e","d"\r\n')
  })

  it('writes the awskeys file as the source does (aws_access_key=, not aws_access_key_id=)', async () => {
    const keys = await create(shared, { token_type: 'aws_keys' })
    const file = (await call(shared, 'GET', `${API_PREFIX}/download?fmt=awskeys&${pair(keys)}`)).text
    expect(file).toBe(`[default]\naws_access_key=${keys.aws_access_key_id as string}\naws_secret_access_key=${keys.aws_secret_access_key as string}\nregion=us-east-2\noutput=json`)
  })

  it('serves the kind-specific files: kubeconfig, cmd, windows_fake_fs, cssclonedsite, svg, mcp, azure_id, azure_id_config', async () => {
    const kube = await create(shared, { token_type: 'kubeconfig' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=kubeconfig&${pair(kube)}`)).text).toBe(Buffer.from(kube.kubeconfig as string, 'base64').toString('utf8'))
    const cmd = await create(shared, { token_type: 'cmd', cmd_process: 'whoami.exe' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=cmd&${pair(cmd)}`)).headers['content-disposition']).toBe(`attachment; filename=${cmd.token as string}.reg`)
    const fs = await create(shared, { token_type: 'windows_fake_fs', windows_fake_fs_root: 'C:\\Secrets', windows_fake_fs_file_structure: 'payroll' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=windows_fake_fs&${pair(fs)}`)).text).toContain('C:\\Secrets')
    const css = await create(shared, { token_type: 'cssclonedsite', expected_referrer: 'login.example.com' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=cssclonedsite&${pair(css)}`)).headers['content-disposition']).toBe(`attachment; filename=${css.token as string}.css`)
    const svg = await create(shared, { token_type: 'svg' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=svg&${pair(svg)}`)).headers['content-type']).toBe('image/svg+xml')
    const mcp = await create(shared, { token_type: 'mcp', mcp_alert_on: 'tool_call' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=mcp&${pair(mcp)}`)).text).toBe(mcp.mcpjson)
    // mcp.py make_canary_mcp_json: the token travels as a bearer token in the server entry's Authorization header.
    expect(Object.values(JSON.parse(mcp.mcpjson as string).mcpServers as Record<string, { headers: Record<string, string> }>)[0]?.headers.Authorization).toMatch(/^Bearer \S+$/)
    const azure = await create(shared, { token_type: 'azure_id', azure_id_cert_file_name: 'sp.pem' })
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=azure_id&${pair(azure)}`)).headers['content-disposition']).toBe('attachment; filename=sp.pem')
    const config = await call(shared, 'GET', `${API_PREFIX}/download?fmt=azure_id_config&${pair(azure)}`)
    expect([config.headers['content-disposition'], JSON.parse(config.text).appId]).toEqual(['attachment; filename=sp.json', azure.app_id])
  })

  it('is as strict as parse_for_download: a Content-Type other than JSON/form is 422; bad fmt or missing pair is the 500 page', async () => {
    const token = await create(shared, { token_type: 'dns' })
    const typed = await call(shared, 'GET', `${API_PREFIX}/download?fmt=pdf&${pair(token)}`, { headers: { 'content-type': 'text/plain' } })
    expect([typed.status, typed.json()]).toEqual([422, { detail: 'Invalid data' }])
    for (const query of [`fmt=docx&${pair(token)}`, `fmt=pdf&token=${token.token as string}`]) {
      const reply = await call(shared, 'GET', `${API_PREFIX}/download?${query}`)
      expect([reply.status, reply.text.includes('<title>500 - Internal Server Error</title>')]).toEqual([200, true])
    }
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=kubeconfig&${pair(token)}`)).text).toContain('500 - Internal Server Error')
    expect((await call(shared, 'GET', `${API_PREFIX}/download?fmt=pdf&token=${token.token as string}&auth=nope`)).json()).toEqual(FORBIDDEN)
  })
})

describe('other routes, pages and test hooks', () => {
  it('answers commitsha; has no token listing; serves the web app pages on unprefixed GETs', async () => {
    expect((await call(shared, 'GET', `${API_PREFIX}/commitsha`)).json()).toEqual({ commit_sha: 'e13e2d4' })
    for (const path of ['/tokens', '/list', '/fetchtokens']) expect((await call(shared, 'GET', `${API_PREFIX}${path}`)).json()).toEqual({ detail: 'Not Found' })
    for (const path of ['/generate', '/manage', '/history']) {
      const page = await call(shared, 'GET', path)
      expect([page.status, page.headers['content-type'], page.text.includes('<div id="app">')]).toEqual([200, 'text/html; charset=utf-8', true])
      expect((await call(shared, 'POST', path, { body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(405)
    }
    const unknown = await call(shared, 'GET', '/download?fmt=pdf')
    expect([unknown.status, unknown.text.includes('404 - Page not found')]).toEqual([200, true])
    expect((await call(shared, 'GET', `${API_PREFIX}/generate`)).status).toBe(405)
  })

  it('records each request: method, path, query, headers and the parsed body', async () => {
    const emulator = await startEmulator()
    await generate(emulator, { token_type: 'dns', memo: 'logged', email: 'a@example.com' })
    await call(emulator, 'GET', `${API_PREFIX}/manage?token=t&auth=a`)
    expect(emulator.requests.map((r) => [r.method, r.path, r.bodyKind, r.status])).toEqual([
      ['POST', `${API_PREFIX}/generate`, 'json', 200],
      ['GET', `${API_PREFIX}/manage`, 'none', 403]
    ])
    expect(emulator.requests[0]?.body).toEqual({ token_type: 'dns', memo: 'logged', email: 'a@example.com' })
    expect(emulator.requests[0]?.headers['content-type']).toBe('application/json')
    expect(emulator.requests[1]?.query).toEqual({ token: 't', auth: 'a' })
  })

  it('injects faults: status with Retry-After, the HTML page, a delay, a reset, afterAction', async () => {
    const emulator = await startEmulator()
    emulator.injectFault({ path: `${API_PREFIX}/generate`, retryAfter: 7, times: 2 })
    for (let i = 0; i < 2; i++) {
      const limited = await generate(emulator, { token_type: 'dns', memo: 'm', email: 'a@example.com' })
      expect([limited.status, limited.headers['retry-after']]).toEqual([429, '7'])
    }
    expect((await generate(emulator, { token_type: 'dns', memo: 'm', email: 'a@example.com' })).status).toBe(200)
    emulator.injectFault({ path: `${API_PREFIX}/generate`, html: true, afterAction: true })
    const page = await generate(emulator, { token_type: 'dns', memo: 'm', email: 'a@example.com' })
    expect([page.status, page.text.includes('500 - Internal Server Error'), emulator.size]).toEqual([200, true, 2])
    emulator.injectFault({ path: /\/commitsha$/, reset: 'before-headers' })
    await expect(call(emulator, 'GET', `${API_PREFIX}/commitsha`)).rejects.toThrow()
    const fault = emulator.injectFault({ method: 'GET', path: `${API_PREFIX}/commitsha`, delayMs: 30 })
    expect((await call(emulator, 'GET', `${API_PREFIX}/commitsha`)).status).toBe(200)
    expect(fault.hits).toBe(1)
  })
})

describe('the fixtures from the source', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/canarytokens-server/${name}`, import.meta.url), 'utf8')
  const fixtureJson = (name: string) => JSON.parse(fixture(name)) as Json

  it('answers the documented example request, and the error bodies, exactly as the fixtures', async () => {
    const example = fixtureJson('generate-dns-request.json')
    const emulator = await startEmulator({ webhookCheck: () => 'ok' })
    const created = await generate(emulator, example)
    expect([created.status, created.json().token_type, emulator.webhookPosts[0]?.url]).toEqual([200, 'dns', example.webhook_url])
    expect((await generate(emulator, { ...example, token_type: 'nope' })).json()).toEqual(fixtureJson('error-1-malformed.json'))
    expect((await call(emulator, 'GET', `${API_PREFIX}/manage?token=${created.json().token as string}&auth=wrong`)).json()).toEqual(fixtureJson('error-403-pair.json'))
    const noAws = await startEmulator({ aws: false })
    expect((await generate(noAws, { ...example, token_type: 'aws_keys' })).json()).toEqual(fixtureJson('error-500-no-aws.json'))
  })

  it('turns the stored aws_keys hit of the source tests into the history hit of the fixture', async () => {
    const emulator = await startEmulator()
    const keys = await create(emulator, { token_type: 'aws_keys' })
    const stored = fixtureJson('aws-keys-hit-stored.json')
    expect(stored.token_type).toBe('aws_keys')
    emulator.addHit(keys.token as string, stored)
    const history = (await call(emulator, 'GET', `${API_PREFIX}/history?${pair(keys)}`)).json()
    expect(history.history.hits).toEqual([fixtureJson('aws-keys-hit-history.json')])
  })

  it('writes the awskeys file in the fixture format', async () => {
    const emulator = await startEmulator()
    const keys = await create(emulator, { token_type: 'aws_keys' })
    const file = (await call(emulator, 'GET', `${API_PREFIX}/download?fmt=awskeys&${pair(keys)}`)).text
    const shape = (text: string) => text.replace(/=.*$/gm, '=')
    expect(shape(file)).toBe(shape(fixture('awskeys-credentials.txt')))
  })
})

describe('the CLI', () => {
  let child: ChildProcess | undefined
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
    child = undefined
  })

  it('serves with --admin-port and --no-aws, prints names not values, and POST /trigger adds a hit', async () => {
    const cli = fileURLToPath(new URL('../emulator/canarytokens-server/cli.mjs', import.meta.url))
    child = spawn(process.execPath, [cli, '--port', '0', '--admin-port', '0', '--no-aws'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer]
    const urls = JSON.parse(chunk.toString('utf8').split('\n')[0] as string) as { url: string; apiUrl: string; adminUrl: string }
    expect(urls.apiUrl).toBe(`${urls.url}${API_PREFIX as string}`)
    const post = (kind: string) => request(`${urls.apiUrl}/generate`, { method: 'POST', body: JSON.stringify({ token_type: kind, memo: 'cli-secret-memo', email: 'a@example.com' }), headers: { 'content-type': 'application/json' } })
    const aws = await post('aws_keys')
    expect(aws.statusCode).toBe(500)
    await aws.body.dump()
    const dns = (await (await post('dns')).body.json()) as Json
    const triggered = await request(`${urls.adminUrl}/trigger?token=${dns.token as string}&useragent=curl`, { method: 'POST' })
    expect([triggered.statusCode, ((await triggered.body.json()) as Json).hits]).toEqual([200, 1])
    const history = (await (await request(`${urls.apiUrl}/history?${pair(dns)}`)).body.json()) as Json
    expect(history.history.hits[0].useragent).toBe('curl')
    const unknown = await request(`${urls.adminUrl}/trigger?token=nope`, { method: 'POST' })
    expect(unknown.statusCode).toBe(404)
    await unknown.body.dump()
    child.kill('SIGTERM')
    await once(child, 'exit')
    expect(stderr).toContain(`POST ${API_PREFIX as string}/generate json [email, memo, token_type]`)
    expect(stderr).toContain(`GET ${API_PREFIX as string}/history query [auth, token]`)
    expect(stderr).not.toContain('cli-secret-memo')
    expect(stderr).not.toContain(dns.auth_token)
  })

  it('has the npm script', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['emulator:canarytokens-server']).toBe('node __tests__/emulator/canarytokens-server/cli.mjs --port 4200')
  })
})
