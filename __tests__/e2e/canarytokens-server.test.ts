// The free Canarytokens server as the action's backend, end to end: dist/index.js
// (and dist/post/index.js) against the Canarytokens server emulator, which was
// written from Thinkst's source (thinkst/canarytokens), not from this client.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API_PREFIX, CanarytokensServerEmulator, defaultWebhookCheck } from '../emulator/canarytokens-server/emulator.mjs'
import { ALERT_EMAIL, expectFailure, expectNoSecretsVisible, expectSuccess, postBundle, runAction, useCanarytokensServer, type ActionRun } from './harness.js'

const BLOCKED = 'blocked-by-policy@example.com'
const { server, action } = useCanarytokensServer({
  blockedEmails: [BLOCKED],
  // A name that resolves to a private address is refused by the server's address check (advocate) as an IP literal is.
  webhookCheck: (url: string) => (url.includes('unreachable') ? 'unreachable' : url.includes('resolves-private') ? 'refused' : defaultWebhookCheck(url))
})

const leftovers: string[] = []
afterEach(async () => {
  await Promise.all(leftovers.splice(0).map((path) => rm(path, { recursive: true, force: true })))
})

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777
const api = (route: string) => `${API_PREFIX}/${route}`

/** The stored token a run's outputs name. */
function dropOf(run: ActionRun) {
  const drop = server.getDrop(run.outputs.canarytoken as string)
  expect(drop).toBeDefined()
  return drop
}

/** A token made directly on the emulator (not through the action), for the operations on one token. */
async function makeToken(kind = 'dns', extra: Record<string, unknown> = {}): Promise<{ token: string; auth: string; answer: Record<string, unknown> }> {
  const answer = (await (
    await fetch(`${server.apiUrl}/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token_type: kind, memo: `made for a test (${kind})`, email: ALERT_EMAIL, ...extra })
    })
  ).json()) as Record<string, unknown>
  server.clearRequests()
  return { token: answer.token as string, auth: answer.auth_token as string, answer }
}

describe('create-canarytoken on a Canarytokens server', () => {
  it('posts JSON with Content-Type exactly application/json under the API prefix, and gives the manage auth and URL as masked outputs', async () => {
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'octo-repo {short_sha} deploy' }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    const drop = dropOf(run)
    const [request] = server.requests
    expect(server.requests).toHaveLength(1)
    expect(request).toMatchObject({ method: 'POST', path: api('generate'), contentType: 'application/json', bodyKind: 'json' })
    expect(request?.body).toEqual({ token_type: 'dns', memo: 'octo-repo 0123456 deploy', email: ALERT_EMAIL })
    // No credential of any kind in the headers: the server has no accounts.
    expect(Object.keys(request?.headers ?? {}).filter((name) => /auth|token/i.test(name))).toEqual([])
    expect(request?.headers['user-agent']).toMatch(/^canary-console-action\//)
    expect(run.outputs).toMatchObject({
      canarytoken: drop.canarytoken._value,
      kind: 'dns',
      memo: 'octo-repo 0123456 deploy',
      hostname: drop.generated_hostname,
      enabled: 'true',
      'manage-auth': drop.auth,
      'manage-url': `${server.url}/nest/manage/${drop.auth}/${drop.canarytoken._value}`
    })
    expect(run.outputs['flock-id']).toBeUndefined()
    expect(run.masks).toEqual(expect.arrayContaining([drop.auth, run.outputs['manage-url']]))
    expect(JSON.parse(run.outputs.token as string).auth_token).toBe('***')
    expect(run.outputs.response).not.toContain(drop.auth)
    expectNoSecretsVisible(run, [drop.auth])
    expect(run.summary).toContain(drop.canarytoken._value)
  })

  it('maps the kind to the server name and sends the kind parameters by the server names', async () => {
    const run = await action('create-canarytoken', { kind: 'cloned-web', memo: 'clone', 'cloned-web': 'https://intranet.example.com' })
    expectSuccess(run)
    expect(server.requests[0]?.body).toMatchObject({ token_type: 'clonedsite', clonedsite: 'https://intranet.example.com' })
    const redirect = await action('create-canarytoken', { kind: 'fast-redirect', memo: 'redirect', 'extra-params': 'redirect_url: https://example.com/landing' })
    expectSuccess(redirect)
    expect(server.requests[1]?.body).toMatchObject({ token_type: 'fast_redirect', redirect_url: 'https://example.com/landing' })
    const kube = await action('create-canarytoken', { kind: 'kubeconfig', memo: 'kube' })
    expectSuccess(kube)
    expect(server.requests[2]?.body).toMatchObject({ token_type: 'kubeconfig' })
    expect(kube.outputs.kind).toBe('kubeconfig')
  })

  it('sends a webhook, masked, and the server tests it first', async () => {
    const webhook = 'https://hooks.example.com/services/T000/B000/e2e-secret-path-0123456789'
    const run = await action('create-canarytoken', { kind: 'http', memo: 'web bug', 'alert-webhook': webhook }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    expect(server.requests[0]?.body).toEqual({ token_type: 'web', memo: 'web bug', webhook_url: webhook })
    expect(server.webhookPosts.at(-1)?.url).toBe(webhook)
    expect(dropOf(run).alert_webhook_url).toBe(webhook)
    expect(run.masks).toContain(webhook)
    expectNoSecretsVisible(run, [webhook])
  })

  it('gives aws-id keys as masked outputs and writes the credentials file owner-only', async () => {
    const run = await action('create-canarytoken', { kind: 'aws-id', memo: 'fake keys', download: 'true', path: 'config', filename: 'credentials' }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    const drop = dropOf(run)
    expect(run.outputs['access-key-id']).toBe(drop.aws_access_key_id)
    expect(run.outputs['secret-access-key']).toBe(drop.aws_secret_access_key)
    const download = server.requests[1]
    expect(download).toMatchObject({ method: 'GET', path: api('download'), contentType: null, query: { fmt: 'awskeys', token: drop.canarytoken._value, auth: drop.auth } })
    const file = run.outputs['file-path'] as string
    expect(await readFile(file, 'utf8')).toContain(`aws_secret_access_key=${drop.aws_secret_access_key}`)
    expect(await mode(file)).toBe(0o600)
    expect(run.masks).toEqual(expect.arrayContaining([drop.aws_secret_access_key, drop.auth]))
    expect(JSON.parse(run.outputs.token as string).aws_secret_access_key).toBe('***')
    expectNoSecretsVisible(run, [drop.aws_secret_access_key, drop.auth])
  })

  it('writes the WireGuard config and the kubeconfig from the create answer, owner-only and masked, without a download request', async () => {
    const wireguard = await action('create-canarytoken', { kind: 'wireguard', memo: 'vpn', download: 'true', path: 'vpn' }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(wireguard)
    expect(server.requests.map((request) => request.path)).toEqual([api('generate')])
    const conf = await readFile(wireguard.outputs['file-path'] as string, 'utf8')
    expect(conf).toMatch(/\[Interface\][\s\S]*PrivateKey\s*=/)
    expect(await mode(wireguard.outputs['file-path'] as string)).toBe(0o600)
    const privateKey = /PrivateKey\s*=\s*(\S+)/.exec(conf)?.[1] as string
    expect(wireguard.masks).toContain(privateKey)
    expectNoSecretsVisible(wireguard, [privateKey, conf.trim()])

    server.clearRequests()
    const kube = await action('create-canarytoken', { kind: 'kubeconfig', memo: 'kube', download: 'true', path: 'k8s' })
    expectSuccess(kube)
    expect(server.requests.map((request) => request.path)).toEqual([api('generate')])
    const kubeconfig = await readFile(kube.outputs['file-path'] as string, 'utf8')
    expect(kubeconfig).toBe(Buffer.from(dropOf(kube).kubeconfig, 'base64').toString('utf8'))
    expect(await mode(kube.outputs['file-path'] as string)).toBe(0o600)
    // The runner masks line by line: the client key itself is masked, so a later `cat` of the file shows ***.
    const clientKey = /client-key-data: (\S+)/.exec(kubeconfig)?.[1]
    expect(clientKey).toBeTruthy()
    expect(kube.masks).toContain(clientKey)
  })

  it('writes the QR code as a PNG (the server carries it as a data URI)', async () => {
    const run = await action('create-canarytoken', { kind: 'qr-code', memo: 'poster', download: 'true', path: 'print' })
    expectSuccess(run)
    const png = await readFile(run.outputs['file-path'] as string)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  })

  it('downloads a Word document with /download?fmt=msword into path, under the name the user gives', async () => {
    const run = await action('create-canarytoken', { kind: 'doc-msword', memo: 'docs', download: 'true', path: 'lures', filename: 'Passwords.docx' })
    expectSuccess(run)
    expect(run.outputs['file-path']).toBe(join(run.workspace, 'lures', 'Passwords.docx'))
    expect((await readFile(run.outputs['file-path'] as string)).subarray(0, 2).toString()).toBe('PK')
    expect(server.requests[1]?.query.fmt).toBe('msword')
  })

  it('uploads a web image as multipart (the server reads it as a form), and signs an exe whose file only the create answer carries', async () => {
    const image = await action('create-canarytoken', { kind: 'web-image', memo: 'logo', 'web-image': 'logo.png' }, { files: { 'logo.png': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') } })
    expectSuccess(image)
    expect(server.requests[0]).toMatchObject({ bodyKind: 'multipart', body: { token_type: 'web_image', memo: 'logo', email: ALERT_EMAIL } })
    expect(server.requests[0]?.files.web_image).toMatchObject({ filename: 'logo.png', contentType: 'image/png' })

    server.clearRequests()
    const exe = await action('create-canarytoken', { kind: 'signed-exe', memo: 'tool', 'upload-file': 'tool.exe', download: 'true', path: 'bin' }, { files: { 'tool.exe': Buffer.from('MZ fake binary') } })
    expectSuccess(exe)
    expect(server.requests.map((request) => request.path)).toEqual([api('generate')])
    expect((await readFile(exe.outputs['file-path'] as string)).subarray(0, 2).toString()).toBe('MZ')
  })
})

describe('the server refuses: every error shape is a failure naming the operation, the server and its reason', () => {
  it('400 error 3: an unreachable webhook', async () => {
    const before = server.size
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'x', 'alert-webhook': 'https://unreachable.example.com/hook' })
    expectFailure(run, /^create-canarytoken failed: HTTP 400: the Canarytokens server at http:\/\/127\.0\.0\.1:\d+ refused it: error 3 \(webhook\): Failed to connect to webhook/)
    expect(server.size).toBe(before)
  })

  it('a webhook whose name resolves to a private address: the HTML page with status 200, said so', async () => {
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'x', 'alert-webhook': 'https://resolves-private.example.com/hook' })
    expectFailure(run, /HTTP 200: .* HTML page \("500 - Internal Server Error"\).*\(the server answers this page, among other failures, when 'alert-webhook' resolves to a private or loopback address/)
    expect(server.requests).toHaveLength(1)
  })

  it('400 error 6: a blocked e-mail address', async () => {
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'x', 'alert-email': BLOCKED })
    expectFailure(run, /create-canarytoken failed: HTTP 400: .* error 6 \(blocked e-mail address\): Blocked email supplied/)
  })

  it('400 error 1 (malformed), as the server answers it', async () => {
    server.injectFault({ path: api('generate'), status: 400, body: JSON.parse(await readFile(new URL('../fixtures/canarytokens-server/error-1-malformed.json', import.meta.url), 'utf8')) })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'x' })
    expectFailure(run, /create-canarytoken failed: HTTP 400: the Canarytokens server at \S+ refused it: error 1 \(malformed request\): Malformed request, invalid data supplied\./)
    expect(server.requests).toHaveLength(1)
  })

  it('403: a wrong token and manage auth pair names both inputs', async () => {
    const { token } = await makeToken()
    const run = await action('fetch-canarytoken', { canarytoken: token, 'manage-auth': '0123456789abcdef0123456789abcdef' })
    expectFailure(run, /fetch-canarytoken failed: HTTP 403: the Canarytokens server at \S+ refused the token and manage auth pair \(Token not found\. Invalid `auth` and `token` pair\.\)\. Check 'canarytoken' and 'manage-auth'/)
    expect(server.requests).toHaveLength(1)
  })

  it('422: a FastAPI validation answer, with where and what', async () => {
    const { token, auth } = await makeToken()
    server.injectFault({ path: api('settings'), status: 422, body: { detail: [{ loc: ['body', 'EmailSettingsRequest', 'value'], msg: "unexpected value; permitted: 'on', 'off'", type: 'value_error.const' }] } })
    const run = await action('disable-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectFailure(run, /disable-canarytoken failed: HTTP 422: the Canarytokens server at \S+ refused it: body\.EmailSettingsRequest\.value: unexpected value; permitted: 'on', 'off'/)
  })

  it('500: a server without AWS set up, for aws-id', async () => {
    const noAws = new CanarytokensServerEmulator({ aws: false })
    await noAws.start()
    try {
      const run = await runAction({ operation: 'create-canarytoken', 'canarytokens-server': noAws.url, 'alert-email': ALERT_EMAIL, kind: 'aws-id', memo: 'keys' })
      expectFailure(run, /create-canarytoken failed: HTTP 500: the Canarytokens server at \S+ refused it: This Canarytokens instance does not have AWS ID tokens enabled\./)
      // A 500 of a create is not sent again blindly: it may have made the token.
      expect(noAws.requests).toHaveLength(1)
    } finally {
      await noAws.stop()
    }
  })

  it('an HTML error page with status 200 is never a success', async () => {
    server.injectFault({ path: api('generate'), html: true })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'x' })
    expectFailure(run, /create-canarytoken failed: HTTP 200: the Canarytokens server at \S+ answered with an HTML page \("500 - Internal Server Error"\), not the API's JSON/)
    expect(server.requests).toHaveLength(1)

    const { token, auth } = await makeToken()
    server.injectFault({ path: api('manage'), html: true })
    const fetched = await action('fetch-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectFailure(fetched, /fetch-canarytoken failed: HTTP 200: .* HTML page/)
  })

  it('honours Retry-After on 429 and then succeeds', async () => {
    const { token, auth } = await makeToken()
    server.injectFault({ path: api('manage'), retryAfter: 1 })
    const run = await action('fetch-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectSuccess(run)
    expect(server.requests.map((request) => request.status)).toEqual([429, 200])
    expect(run.stdout).toMatch(/trying again in 1 s \(the Canarytokens server at \S+ asked for this wait with Retry-After\)/)
    expect(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(900)
  })
})

describe('operations on one token: the manage auth goes where the server expects it', () => {
  it('fetch-canarytoken: GET /manage with token and auth in the query; created, enabled and the outputs from the canarydrop', async () => {
    const { token, auth } = await makeToken('aws_keys')
    const run = await action('fetch-canarytoken', { canarytoken: token, 'manage-auth': auth }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: api('manage'), query: { token, auth }, contentType: null })
    const drop = server.getDrop(token)
    expect(run.outputs).toMatchObject({ canarytoken: token, kind: 'aws-id', memo: 'made for a test (aws_keys)', enabled: 'true', 'manage-auth': auth })
    const details = JSON.parse(run.outputs.token as string)
    expect(details).toMatchObject({ canarytoken: token, auth: '***', aws_secret_access_key: '***', created_at: drop.created_at })
    expectNoSecretsVisible(run, [auth, drop.aws_secret_access_key])
  })

  it('disable-canarytoken and enable-canarytoken: e-mail and webhook alerting off, then on again where there is a recipient', async () => {
    const { token, auth } = await makeToken()
    const disabled = await action('disable-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectSuccess(disabled)
    expect(disabled.outputs.enabled).toBe('false')
    const settings = server.requests.filter((request) => request.path === api('settings'))
    expect(settings.map((request) => [request.contentType, request.body])).toEqual([
      ['application/json', { setting: 'email_enable', value: 'off', token, auth }],
      ['application/json', { setting: 'webhook_enable', value: 'off', token, auth }]
    ])
    expect(server.getDrop(token)).toMatchObject({ alert_email_enabled: false, alert_webhook_enabled: false })

    server.clearRequests()
    const enabled = await action('enable-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectSuccess(enabled)
    expect(enabled.outputs.enabled).toBe('true')
    expect(server.requests.filter((request) => request.path === api('settings')).map((request) => request.body)).toEqual([{ setting: 'email_enable', value: 'on', token, auth }])
    expect(server.getDrop(token)).toMatchObject({ alert_email_enabled: true, alert_webhook_enabled: false })
  })

  it('download-canarytoken: the file through /download?fmt=, the WireGuard config from the manage answer', async () => {
    const pdf = await makeToken('adobe_pdf')
    const run = await action('download-canarytoken', { canarytoken: pdf.token, 'manage-auth': pdf.auth, path: 'out' })
    expectSuccess(run)
    expect(server.requests.map((request) => [request.path, request.query.fmt])).toEqual([
      [api('manage'), undefined],
      [api('download'), 'pdf']
    ])
    expect((await readFile(run.outputs['file-path'] as string)).subarray(0, 5).toString()).toBe('%PDF-')

    server.clearRequests()
    const vpn = await makeToken('wireguard')
    const wg = await action('download-canarytoken', { canarytoken: vpn.token, 'manage-auth': vpn.auth, path: 'out' })
    expectSuccess(wg)
    expect(server.requests.map((request) => request.path)).toEqual([api('manage')])
    expect(await readFile(wg.outputs['file-path'] as string, 'utf8')).toBe(vpn.answer.wg_conf)
    expect(await mode(wg.outputs['file-path'] as string)).toBe(0o600)
  })

  it('download-canarytoken refuses a kind whose file only the create answer carries, and a kind without a file', async () => {
    const dns = await makeToken('dns')
    const run = await action('download-canarytoken', { canarytoken: dns.token, 'manage-auth': dns.auth })
    expectFailure(run, /Kind 'dns' has no file to download on a Canarytokens server; download-canarytoken works with /)
    expect(server.requests.map((request) => request.path)).toEqual([api('manage')])
  })

  it('delete-canarytoken: POST /delete with token and auth as JSON; afterwards the pair is refused', async () => {
    const { token, auth } = await makeToken()
    const run = await action('delete-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectSuccess(run)
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: api('delete'), contentType: 'application/json', body: { token, auth } })
    expect(server.getDrop(token)).toBeUndefined()
    expect(JSON.parse(run.outputs.response as string)).toEqual({ message: 'success' })
    const again = await action('delete-canarytoken', { canarytoken: token, 'manage-auth': auth })
    expectFailure(again, /delete-canarytoken failed: HTTP 403: .*Token not found/)
  })
})

describe('list-incidents on a Canarytokens server', () => {
  it("reads one token's history with its manage auth: time, source, user agent (user_agent on aws_keys hits, useragent on others), the AWS call", async () => {
    const keys = await makeToken('aws_keys')
    server.addHit(keys.token, { src_ip: '203.0.113.9', userAgent: 'Boto3/1.34 Python/3.12', eventName: 'GetCallerIdentity' })
    const run = await action('list-incidents', { canarytoken: keys.token, 'manage-auth': keys.auth })
    expectSuccess(run)
    expect(server.requests.map((request) => [request.path, request.query.auth])).toEqual([[api('history'), keys.auth]])
    const [incident] = JSON.parse(run.outputs.incidents as string) as Record<string, unknown>[]
    expect(incident).toMatchObject({ canarytoken: keys.token, kind: 'aws-id', src_host: '203.0.113.9', user_agent: 'Boto3/1.34 Python/3.12', event: 'GetCallerIdentity', acknowledged: false })
    expect(run.outputs.count).toBe('1')
    expectNoSecretsVisible(run, [keys.auth])

    const web = await makeToken('web')
    server.addHit(web.token, { src_ip: '198.51.100.4', userAgent: 'curl/8.5.0' })
    const webRun = await action('list-incidents', { canarytoken: web.token, 'manage-auth': web.auth })
    expectSuccess(webRun)
    expect(JSON.parse(webRun.outputs.incidents as string)).toEqual([expect.objectContaining({ kind: 'http', user_agent: 'curl/8.5.0', event: 'HTTP' })])
  })

  it.each([
    [{}, /needs 'canarytoken' and 'manage-auth'/],
    [{ canarytoken: 'abc' }, /needs input 'manage-auth'/],
    [{ canarytoken: 'abc', 'manage-auth': '0123456789abcdef', 'incident-state': 'acknowledged' }, /it has no acknowledgement/],
    [{ canarytoken: 'abc', 'manage-auth': '0123456789abcdef', 'incidents-since': '5' }, /'incidents-since' is the Console's/]
  ])('refuses %j before any request', async (inputs, message) => {
    expectFailure(await action('list-incidents', inputs), message)
    expect(server.requests).toEqual([])
  })

  it.each(['acknowledge-incidents', 'delete-incidents', 'report-incidents'])('refuses %s before any request', async (operation) => {
    expectFailure(await action(operation, { all: 'true' }), /works on the Canary Console only, not on a Canarytokens server/)
    expect(server.requests).toEqual([])
  })
})

describe('refused before any request, with the reason', () => {
  const refusals: [string, Record<string, string>, RegExp][] = [
    ['list-canarytokens', {}, /^Operation 'list-canarytokens' works on the Canary Console only, not on a Canarytokens server: the Canarytokens server cannot list tokens\.$/],
    ['cleanup-canarytokens', { action: 'delete', all: 'true' }, /works on the Canary Console only, not on a Canarytokens server: the Canarytokens server cannot list tokens/],
    ['update-canarytoken', { canarytoken: 'x', memo: 'y' }, /works on the Canary Console only.*cannot change a token's memo/],
    ['add-api-key', {}, /works on the Canary Console only.*no accounts and no API keys/],
    ['remove-s3-canarytoken', { canarytoken: 'x' }, /no AWS S3 tokens/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', reuse: 'true' }, /^Input 'reuse' cannot work on a Canarytokens server: the server cannot list tokens/],
    ['seed-canarytokens', { manifest: 'seed.yml', reuse: 'true' }, /^Input 'reuse' cannot work on a Canarytokens server/],
    ['plant-runner-canaries', { reuse: 'true' }, /^Input 'reuse' cannot work on a Canarytokens server/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', 'alert-email': '' }, /needs 'alert-email' or 'alert-webhook' \(or both\)/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', 'alert-email': 'not-an-address' }, /^Input 'alert-email' must be one e-mail address/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', 'alert-webhook': 'http://127.0.0.1:8080/hook' }, /^Input 'alert-webhook' points at 127\.0\.0\.1, a loopback or private address: the Canarytokens server refuses to POST to those/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', 'alert-webhook': 'ftp://hooks.example.com/x' }, /^Input 'alert-webhook' must be an https:\/\/ \(or http:\/\/\) URL/],
    ['create-canarytoken', { kind: 'dns', memo: 'x'.repeat(1001) }, /^Input 'memo' is 1001 characters long; a Canarytokens server accepts at most 1000\./],
    ['create-canarytoken', { kind: 'aws-s3', memo: 'x' }, /^Kind 'aws-s3' is made by the Canary Console only; a Canarytokens server makes aws-id, .*, kubeconfig, log4shell, /],
    ['create-canarytoken', { kind: 'DNS', memo: 'x' }, /not a Canarytoken kind; did you mean 'dns'\?/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', 'flock-id': 'flock:default' }, /^Input 'flock-id' is the Console's: a Canarytokens server has no flocks/],
    ['create-canarytoken', { kind: 'http', memo: 'x', 'browser-scanner-enabled': 'false' }, /^Input 'browser-scanner-enabled' is the Console's/],
    ['create-canarytoken', { kind: 'fast-redirect', memo: 'x' }, /^Kind 'fast-redirect' needs the server parameter 'redirect_url': add it to 'extra-params'/],
    ['create-canarytoken', { kind: 'dns', memo: 'x', 'extra-params': 'email: other@example.com' }, /^Input 'extra-params' has 'email'; the action sets it from the input 'alert-email'\./],
    ['fetch-canarytoken', { canarytoken: 'abc' }, /^Operation 'fetch-canarytoken' on a Canarytokens server needs input 'manage-auth'/],
    ['fetch-canarytoken', { canarytoken: 'abc', 'manage-auth': 'short' }, /^Input 'manage-auth' is 5 characters long/],
    ['fetch-canarytoken', { canarytoken: 'abc', 'manage-auth': '0123456789abcdef\n0123' }, /^Input 'manage-auth' holds a line break/],
    ['delete-canarytoken', { canarytoken: 'abc', 'manage-auth': '0123456789abcdef', 'clear-incidents': 'true' }, /^Input 'clear-incidents' is the Console's/],
    ['fetch-canarytoken', { canarytoken: 'abc', 'manage-auth': '0123456789abcdef', console: 'https://1234abcd.canary.tools' }, /^Inputs 'console' and 'canarytokens-server' are both set/],
    ['fetch-canarytoken', { canarytoken: 'abc', 'manage-auth': '0123456789abcdef', 'auth-token': 'a-console-api-key-0123' }, /^Input 'auth-token' is a Canary Console's API key; a Canarytokens server takes none/]
  ]
  it.each(refusals)('%s %j', async (operation, inputs, message) => {
    const run = await action(operation, inputs, { files: { 'seed.yml': 'tokens:\n  - name: a\n    kind: dns\n' } })
    expectFailure(run, message)
    expect(server.requests).toEqual([])
  })

  it.each([
    [{ 'canarytokens-server': 'http://canarytokens.example.org' }, /^Input 'canarytokens-server' must use https: each token's manage auth would cross the network in clear text/],
    [{ 'canarytokens-server': 'https://canarytokens.org/d3aece8093b71007b5ccfedad91ebb11' }, /without a path, query or fragment/],
    [{ 'canarytokens-server': 'https://user:pw@canarytokens.org' }, /must not carry credentials; each token's key goes in 'manage-auth'/]
  ])('refuses the server address %j', async (inputs, message) => {
    const run = await runAction({ operation: 'fetch-canarytoken', canarytoken: 'abc', 'manage-auth': '0123456789abcdef', ...inputs })
    expectFailure(run, message)
  })

  it('the Console refuses the server-only inputs and kinds', async () => {
    const both = await runAction({ operation: 'create-canarytoken', console: 'http://127.0.0.1:9', 'auth-token': 'console-auth-token-0123456789', kind: 'dns', memo: 'x', 'alert-email': ALERT_EMAIL })
    expectFailure(both, /^Input 'alert-email' is for a Canarytokens server \('canarytokens-server'\); the Canary Console does not use it/)
    const kind = await runAction({ operation: 'create-canarytoken', console: 'http://127.0.0.1:9', 'auth-token': 'console-auth-token-0123456789', kind: 'kubeconfig', memo: 'x' })
    expectFailure(kind, /^Kind 'kubeconfig' is made by Canarytokens servers only/)
  })
})

describe('seed-canarytokens on a Canarytokens server', () => {
  const MANIFEST = ['tokens:', '  - name: dns-lure', '    kind: dns', '  - name: doc', '    kind: doc-msword', '    file: dist/Passwords.docx', ''].join('\n')

  it("mints every entry, two at a time by default; each manage auth goes to the tokens-file (owner-only), never to the 'tokens' output", async () => {
    const run = await action('seed-canarytokens', { manifest: 'seed.yml' }, { files: { 'seed.yml': MANIFEST } })
    expectSuccess(run)
    expect(run.stdout).toContain('Seeding 2 Canarytokens, 2 at a time.')
    const generated = server.requests.filter((request) => request.path === api('generate'))
    expect(generated.map((request) => (request.body as Record<string, unknown>).token_type).sort()).toEqual(['dns', 'ms_word'])
    const tokens = JSON.parse(run.outputs.tokens as string) as Record<string, { canarytoken: string }>
    const file = JSON.parse(await readFile(run.outputs['tokens-file'] as string, 'utf8')) as Record<string, { canarytoken: string; manage_auth: string }>
    expect(Object.keys(tokens).sort()).toEqual(['dns-lure', 'doc'])
    for (const name of ['dns-lure', 'doc']) {
      const auth = server.getDrop(tokens[name]!.canarytoken).auth
      expect(file[name]).toMatchObject({ canarytoken: tokens[name]!.canarytoken, manage_auth: auth })
      expect(run.outputs.tokens).not.toContain(auth)
      expect(run.masks).toContain(auth)
      expectNoSecretsVisible(run, [auth])
    }
    expect(await mode(run.outputs['tokens-file'] as string)).toBe(0o600)
    expect((await readFile(join(run.workspace, 'dist', 'Passwords.docx'))).subarray(0, 2).toString()).toBe('PK')
  })

  it("fills templates from the server's own field names, its secrets masked", async () => {
    const manifest = ['tokens:', '  - name: keys', '    kind: aws-id', '    template: app.ini', ''].join('\n')
    const template = '[aws]\nkey = {{ canarytoken.keys.aws_access_key_id }}\nsecret = {{ canarytoken.keys.aws_secret_access_key }}\nurl = {{ canarytoken.keys.token_url }}\n'
    const run = await action('seed-canarytokens', { manifest: 'seed.yml' }, { files: { 'seed.yml': manifest, 'app.ini': template } })
    expectSuccess(run)
    const tokens = JSON.parse(run.outputs.tokens as string) as Record<string, { canarytoken: string }>
    const drop = server.getDrop(tokens.keys!.canarytoken)
    expect(await readFile(join(run.workspace, 'app.ini'), 'utf8')).toBe(`[aws]\nkey = ${drop.aws_access_key_id}\nsecret = ${drop.aws_secret_access_key}\nurl = ${drop.generated_url}\n`)
    expect(run.masks).toContain(drop.aws_secret_access_key)
    expectNoSecretsVisible(run, [drop.aws_secret_access_key, drop.auth])
  })

  it('rolls back with each token\'s manage auth when an entry fails', async () => {
    server.injectFault({ path: api('generate'), status: 400, body: { error: '3', error_message: 'Webhook timed out. Confirm you can POST to this URL.' }, times: 1 })
    const before = server.size
    const run = await action('seed-canarytokens', { manifest: 'seed.yml', concurrency: '1' }, { files: { 'seed.yml': MANIFEST } })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/1 of 2 entries failed: entry 'dns-lure': HTTP 400: .*error 3 \(webhook\): Webhook timed out/)
    const deletes = server.requests.filter((request) => request.path === api('delete'))
    expect(deletes).toHaveLength(1)
    const made = server.requests.find((request) => request.path === api('generate') && request.status === 200)
    expect(deletes[0]?.body).toMatchObject({ auth: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(made).toBeDefined()
    expect(server.size).toBe(before)
  })
})

describe('plant-runner-canaries on a Canarytokens server', () => {
  async function home(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'canary-free-home-'))
    leftovers.push(folder)
    return folder
  }
  const RUN_ENV = { GITHUB_WORKFLOW: 'ci', GITHUB_JOB: 'build', GITHUB_RUN_ATTEMPT: '1' }

  it('plants an aws_keys token; the post step reads its history with the manage auth from the saved state and names what it saw', async () => {
    const env = { ...RUN_ENV, HOME: await home(), RUNNER_DEBUG: '1' }
    const planted = await action('plant-runner-canaries', {}, { env })
    expectSuccess(planted)
    const drop = dropOf(planted)
    expect(drop.type).toBe('aws_keys')
    expect(await readFile(join(env.HOME, '.aws', 'credentials'), 'utf8')).toContain(drop.aws_secret_access_key)
    const state = JSON.parse(planted.state['runner-canary'] as string)
    expect(state).toMatchObject({ canarytoken: drop.canarytoken._value, manageAuth: drop.auth })
    expect(planted.state['runner-canary']).not.toContain(drop.aws_secret_access_key)
    expectNoSecretsVisible(planted, [drop.auth, drop.aws_secret_access_key])

    // Not used: the post step passes and removes the profile.
    server.clearRequests()
    const quiet = await action('plant-runner-canaries', {}, { env, state: planted.state, bundle: postBundle })
    expectSuccess(quiet)
    expect(server.requests.map((request) => [request.path, request.query.auth])).toEqual([[api('manage'), drop.auth]])
    await expect(stat(join(env.HOME, '.aws'))).rejects.toThrow(/ENOENT/)

    // Used: the history names the source, the call and the user agent.
    server.addHit(drop.canarytoken._value, { src_ip: '203.0.113.77', userAgent: 'aws-cli/2.15.0 Python/3.11', eventName: 'ListBuckets' })
    const caught = await action('plant-runner-canaries', {}, { env, state: planted.state, bundle: postBundle })
    expect(caught.exitCode).toBe(1)
    expect(caught.errors[0]).toMatch(/Runner canary \w+ was triggered 1 time during this job: .* The incidents show: \S+ from 203\.0\.113\.77: ListBuckets \(user agent aws-cli\/2\.15\.0 Python\/3\.11\)\./)
    expect(caught.summary).toContain('203.0.113.77')
    expect(caught.masks).toContain(drop.auth)
    expectNoSecretsVisible(caught, [drop.auth])
  })

  it('the post step fails the job when the token was deleted (the pair refused with 403) or its alerting turned off during the job', async () => {
    for (const change of ['delete', 'disable'] as const) {
      const env = { ...RUN_ENV, HOME: await home() }
      const planted = await action('plant-runner-canaries', {}, { env })
      expectSuccess(planted)
      const drop = dropOf(planted)
      const pair = { token: drop.canarytoken._value as string, auth: drop.auth as string }
      const post = (route: string, body: Record<string, unknown>) =>
        fetch(`${server.apiUrl}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, ...pair }) })
      expect((await post(change === 'delete' ? 'delete' : 'settings', change === 'delete' ? {} : { setting: 'email_enable', value: 'off' })).status).toBe(200)
      const checked = await action('plant-runner-canaries', {}, { env, state: planted.state, bundle: postBundle })
      expect(checked.exitCode).toBe(1)
      expect(checked.errors[0]).toMatch(
        change === 'delete'
          ? /^Runner canary \w+ was deleted from the Canarytokens server at \S+ during this job, .*Someone with the token's manage auth removed the tripwire/
          : /^Runner canary \w+ was disabled during this job; .*Someone with the token's manage auth turned the tripwire off/
      )
      expectNoSecretsVisible(checked, [pair.auth])
      await expect(stat(join(env.HOME, '.aws'))).rejects.toThrow(/ENOENT/)
    }
  })

  it('on a server without AWS, warns and plants nothing (a tripwire never breaks the build by itself)', async () => {
    const noAws = new CanarytokensServerEmulator({ aws: false })
    await noAws.start()
    try {
      const env = { ...RUN_ENV, HOME: await home() }
      const run = await runAction({ operation: 'plant-runner-canaries', 'canarytokens-server': noAws.url, 'alert-email': ALERT_EMAIL }, { env })
      expectSuccess(run)
      expect(run.warnings[0]).toMatch(/planted no runner canary: HTTP 500: the Canarytokens server at \S+ refused it: This Canarytokens instance does not have AWS ID tokens enabled/)
      expect(run.state).toEqual({})
      await expect(stat(join(env.HOME, '.aws'))).rejects.toThrow(/ENOENT/)
    } finally {
      await noAws.stop()
    }
  })
})
