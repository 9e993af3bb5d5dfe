import { describe, expect, it } from '@jest/globals'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, useEmulator, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-auth-token-5f1c2d9a8b7e6f5d4c3b'

const { emulator, action } = useEmulator(AUTH_TOKEN)

describe('create-canarytoken', () => {
  it('mints a DNS token and publishes it as outputs and a summary', async () => {
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'octo-repo@0123abc deploy' })
    expectSuccess(run)
    const id = run.outputs.canarytoken as string
    const stored = emulator.getToken(id)
    expect(stored).toMatchObject({ kind: 'dns', memo: 'octo-repo@0123abc deploy', enabled: true })
    expect(run.outputs).toMatchObject({ kind: 'dns', memo: 'octo-repo@0123abc deploy', hostname: stored.hostname, enabled: 'true', 'flock-id': 'flock:default' })
    expect(JSON.parse(run.outputs.token as string).canarytoken).toBe(id)
    expect(JSON.parse(run.outputs.response as string)).toMatchObject({ result: 'success', canarytoken: { canarytoken: id } })
    expect(run.summary).toContain(id)
    expect(run.summary).toContain('<table>')
    const [request] = emulator.requests
    expect(request).toMatchObject({ method: 'POST', path: '/api/v1/canarytoken/create', authVia: 'header' })
    expect(request.params).toMatchObject({ kind: 'dns', memo: 'octo-repo@0123abc deploy' })
    expect(request.rawUrl).not.toContain(AUTH_TOKEN)
    expect(request.params.auth_token).toBeUndefined()
  })

  it('passes kind inputs and extra-params to the Console', async () => {
    const run = await action('create-canarytoken', {
      kind: 'http',
      memo: 'web bug',
      'browser-scanner-enabled': 'false',
      'extra-params': 'custom_domain: lures.example.com\nexpiry: 6mo'
    })
    expectSuccess(run)
    expect(emulator.requests[0]?.params).toMatchObject({ kind: 'http', browser_scanner_enabled: 'False', custom_domain: 'lures.example.com', expiry: '6mo' })
  })

  it('gives aws-id keys as masked outputs, never visible in the log', async () => {
    const run = await action('create-canarytoken', { kind: 'aws-id', memo: 'fake keys' }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    const token = emulator.getToken(run.outputs.canarytoken as string)
    expect(run.outputs['access-key-id']).toBe(token.access_key_id)
    expect(run.outputs['secret-access-key']).toBe(token.secret_access_key)
    expect(run.masks).toContain(token.secret_access_key)
    expect(JSON.parse(run.outputs.token as string).secret_access_key).toBe('***')
    expect(run.outputs.response).not.toContain(token.secret_access_key)
    // factory_auth (a credential the reference shows on aws-id tokens) is masked and kept out of the outputs too.
    expect(run.masks).toContain(token.factory_auth)
    expect(JSON.parse(run.outputs.token as string).factory_auth).toBe('***')
    expect(run.outputs.response).not.toContain(token.factory_auth)
    expectNoSecretsVisible(run, [AUTH_TOKEN, token.secret_access_key, token.factory_auth, token.renders['aws-id']])
  })

  it('downloads the token file into path, atomically, with a safe name', async () => {
    const run = await action('create-canarytoken', { kind: 'doc-msword', memo: 'release docs', download: 'true', path: 'lures' })
    expectSuccess(run)
    const filePath = run.outputs['file-path'] as string
    expect(filePath.startsWith(join(run.workspace, 'lures'))).toBe(true)
    const content = await readFile(filePath)
    expect(content.subarray(0, 2).toString()).toBe('PK')
    expect(await readdir(join(run.workspace, 'lures'))).toEqual([filePath.split('/').pop()])
    expect(run.summary).toContain(filePath)
  })

  it('downloads into RUNNER_TEMP by default, under the name the user gives', async () => {
    const run = await action('create-canarytoken', { kind: 'pdf-acrobat-reader', memo: 'pdf', download: 'true', filename: 'Quarterly Report.pdf' })
    expectSuccess(run)
    expect(run.outputs['file-path']).toBe(join(run.runnerTemp, 'canary-console-action', 'Quarterly Report.pdf'))
    expect((await readFile(run.outputs['file-path'] as string)).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('warns when the name given is for another type than the file the Console sent, and writes it as told', async () => {
    const run = await action('create-canarytoken', { kind: 'doc-msexcel', memo: 'sheet', download: 'true', filename: 'report.docx' })
    expectSuccess(run)
    expect(run.outputs['file-path']).toBe(join(run.runnerTemp, 'canary-console-action', 'report.docx'))
    expect(run.warnings).toEqual([expect.stringMatching(/^Input 'filename' ends in \.docx, but the Console sent a \.xlsx file \('[^']+\.xlsx'\): a lure named for another type may not open as one\. Name it with \.xlsx\.$/)])
    const same = await action('create-canarytoken', { kind: 'doc-msexcel', memo: 'sheet', download: 'true', filename: 'Budget.XLSX' })
    expectSuccess(same)
    expect(same.warnings).toEqual([])
  })

  it('masks an aws-id credentials file and writes it owner-only', async () => {
    const run = await action('create-canarytoken', { kind: 'aws-id', memo: 'creds', download: 'true', path: 'config/.aws', filename: 'credentials' })
    expectSuccess(run)
    const file = run.outputs['file-path'] as string
    expect(file).toBe(join(run.workspace, 'config/.aws/credentials'))
    const token = emulator.getToken(run.outputs.canarytoken as string)
    expect(await readFile(file, 'utf8')).toContain(token.secret_access_key)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expectNoSecretsVisible(run, [token.secret_access_key])
  })

  it('sends web-image files as multipart', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const run = await action('create-canarytoken', { kind: 'web-image', memo: 'img', 'web-image': 'assets/logo.png' }, { files: { 'assets/logo.png': png } })
    expectSuccess(run)
    expect(emulator.requests[0]?.files.web_image).toMatchObject({ filename: 'logo.png', size: png.length, contentType: 'image/png' })
  })

  it('sends every upload with the MIME type of its extension, and refuses an extension the kind does not take', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex')
    expectSuccess(await action('create-canarytoken', { kind: 'web-image', memo: 'jpeg', 'web-image': 'a/photo.JPG' }, { files: { 'a/photo.JPG': jpeg } }))
    expect(emulator.requests[0]?.files.web_image?.contentType).toBe('image/jpeg')
    emulator.clearRequests()
    expectSuccess(await action('create-canarytoken', { kind: 'pdf-acrobat-reader', memo: 'pdf', 'upload-file': 'report.pdf' }, { files: { 'report.pdf': '%PDF-1.4\n' } }))
    expect(emulator.requests[0]?.files.pdf?.contentType).toBe('application/pdf')
    emulator.clearRequests()
    expectSuccess(await action('create-canarytoken', { kind: 'signed-exe', memo: 'exe', 'upload-file': 'tool.exe' }, { files: { 'tool.exe': Buffer.from('MZ\x90\x00', 'latin1') } }))
    expect(emulator.requests[0]?.files.exe?.contentType).toBe('application/octet-stream')
    emulator.clearRequests()
    const wrong = await action('create-canarytoken', { kind: 'web-image', memo: 'm', 'web-image': 'notes.txt' }, { files: { 'notes.txt': 'hello' } })
    expectFailure(wrong, /^Input 'web-image' for kind 'web-image' must name a \.png, \.jpg, \.jpeg, \.gif file, not 'notes\.txt'\.$/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('covers every kind the Console lists without a per-kind rule', async () => {
    for (const kind of ['dns', 'http', 'qr-code', 'credit-card', 'mysql-dump', 'wireguard', 'slack-api', 'pwa']) {
      const run = await action('create-canarytoken', { kind, memo: `kind ${kind}` })
      expectSuccess(run)
      expect(run.outputs.kind).toBe(kind)
    }
  })
})

describe('operations on an existing token', () => {
  it('fetches, updates, disables, enables and deletes, with state kept', async () => {
    const token = emulator.addToken({ kind: 'dns', memo: 'before' })
    const id = token.canarytoken

    const fetched = await action('fetch-canarytoken', { canarytoken: id })
    expectSuccess(fetched)
    expect(fetched.outputs).toMatchObject({ canarytoken: id, memo: 'before', hostname: token.hostname, enabled: 'true' })
    // One line saying what it found.
    expect(fetched.stdout).toContain(`Found the dns Canarytoken ${id}: memo 'before', enabled: true.`)

    const updated = await action('update-canarytoken', { canarytoken: id, memo: 'after' })
    expectSuccess(updated)
    expect(updated.outputs.memo).toBe('after')
    expect(emulator.getToken(id).memo).toBe('after')

    const disabled = await action('disable-canarytoken', { canarytoken: id })
    expectSuccess(disabled)
    expect(disabled.outputs.enabled).toBe('false')
    expect(emulator.getToken(id).enabled).toBe(false)

    const enabled = await action('enable-canarytoken', { canarytoken: id })
    expectSuccess(enabled)
    expect(enabled.outputs.enabled).toBe('true')

    const deleted = await action('delete-canarytoken', { canarytoken: id })
    expectSuccess(deleted)
    expect(emulator.getToken(id)).toBeUndefined()

    const gone = await action('fetch-canarytoken', { canarytoken: id })
    expectFailure(gone, /^fetch-canarytoken failed: HTTP 400: Could not find the Canarytoken/)
  })

  it('deletes a token with incidents only with clear-incidents', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'alerted' })
    emulator.addIncident(canarytoken)
    const refused = await action('delete-canarytoken', { canarytoken })
    // The Console's words, then the fix: they do not say why.
    expectFailure(refused, /^delete-canarytoken failed: HTTP 400: Could not delete Canarydrop\. If the token has incidents, the Console deletes it only with 'clear-incidents: true' \(which deletes them with it\)\. \(POST \/api\/v1\/canarytoken\/delete at /)
    expect(emulator.getToken(canarytoken)).toBeDefined()
    const done = await action('delete-canarytoken', { canarytoken, 'clear-incidents': 'true' })
    expectSuccess(done)
    expect(emulator.requests.at(-1)?.params.clear_incidents).toBe('True')
    expect(emulator.getToken(canarytoken)).toBeUndefined()
  })

  it('downloads an existing token file and never lets the server name escape path', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msexcel', memo: 'sheet' })
    emulator.downloadFilenameOverride = '../../../evil.xlsx'
    try {
      const run = await action('download-canarytoken', { canarytoken, path: 'out' })
      expectSuccess(run)
      expect(run.outputs['file-path']).toBe(join(run.workspace, 'out', 'evil.xlsx'))
      expect(run.outputs.kind).toBe('doc-msexcel')
    } finally {
      emulator.downloadFilenameOverride = undefined
    }
  })

  it('refuses a kind without a file after the fetch, as create does, and sends no download', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'no file' })
    const run = await action('download-canarytoken', { canarytoken })
    expectFailure(run, /^Kind 'dns' has no file to download; download-canarytoken works with aws-id, .*doc-msword/)
    expect(emulator.requests.map((request) => request.path)).toEqual(['/api/v1/canarytoken/fetch'])
  })

  it('removes an aws-s3 token with the AWS inputs, keeping the secret key out of sight', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'aws-s3', memo: 's3' })
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    const run = await action('remove-s3-canarytoken', {
      canarytoken,
      'aws-access-key': 'AKIAIOSFODNN7EXAMPLE',
      'aws-secret-key': secret,
      'aws-region': 'eu-west-1',
      'delete-buckets': 'true',
      's3-source-bucket': 'my-bucket'
    })
    expectSuccess(run)
    expect(emulator.requests[0]?.params).toMatchObject({ aws_access_key: 'AKIAIOSFODNN7EXAMPLE', aws_secret_key: secret, aws_region: 'eu-west-1', delete_buckets: 'True', s3_source_bucket: 'my-bucket' })
    expect(run.masks).toContain(secret)
    expectNoSecretsVisible(run, [secret, AUTH_TOKEN])
  })

  it('deletes an Apeeper factory', async () => {
    const hash = emulator.addApeeperFactory()
    const run = await action('delete-apeeper-factory', { hash })
    expectSuccess(run)
    expect(emulator.requests[0]).toMatchObject({ path: '/api/v1/apeeperfactory/delete', params: { hash } })
  })
})

describe('bad input fails before any request', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ['an unknown operation', { operation: 'mint' }, /^Input 'operation' must be one of: create-canarytoken, .*delete-apeeper-factory\b.*; 'mint' is not one of them\.$/],
    ['a missing kind', { operation: 'create-canarytoken', memo: 'm' }, /^Operation 'create-canarytoken' needs input 'kind'\.$/],
    ['an unknown kind', { operation: 'create-canarytoken', kind: 'dnss', memo: 'm' }, /^Input 'kind': 'dnss' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: active-directory-login, .*\.$/],
    ['a kind in capitals', { operation: 'create-canarytoken', kind: 'DNS', memo: 'm' }, /^Input 'kind': 'DNS' is not a Canarytoken kind; did you mean 'dns'\? It must be one of: /],
    ['an operation spelt apart', { operation: 'create-canary-token', kind: 'dns', memo: 'm' }, /^Input 'operation': 'create-canary-token' is not an operation of this action; did you mean 'create-canarytoken'\? It must be one of: create-canarytoken, /],
    ['a flock id without its prefix', { operation: 'create-canarytoken', kind: 'dns', memo: 'm', 'flock-id': 'default' }, /^Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not 'default'; did you mean 'flock:default'\?$/],
    ['yes as a boolean', { operation: 'delete-canarytoken', canarytoken: 'x', 'clear-incidents': 'yes' }, /^Input 'clear-incidents' must be true or false \(as GitHub reads booleans: true, True, TRUE, false, False or FALSE\), not 'yes'\.$/],
    ['a missing memo', { operation: 'create-canarytoken', kind: 'dns' }, /needs input 'memo'/],
    ['cloned-web without its domain', { operation: 'create-canarytoken', kind: 'cloned-web', memo: 'm' }, /^Kind 'cloned-web' needs input 'cloned-web'\.$/],
    ['web-image without a file', { operation: 'create-canarytoken', kind: 'web-image', memo: 'm' }, /^Kind 'web-image' needs input 'web-image'/],
    ['web-image with a missing file', { operation: 'create-canarytoken', kind: 'web-image', memo: 'm', 'web-image': 'nope.png' }, /cannot read 'nope.png'/],
    ['web-image outside the workspace', { operation: 'create-canarytoken', kind: 'web-image', memo: 'm', 'web-image': '../../etc/passwd' }, /must point inside/],
    ['aws-s3 automation half given', { operation: 'create-canarytoken', kind: 'aws-s3', memo: 'm', 's3-source-bucket': 's', 's3-log-bucket': 'l', 'aws-access-key': 'AKIA' }, /missing: aws-secret-key, aws-region/],
    ['aws-s3 without its buckets', { operation: 'create-canarytoken', kind: 'aws-s3', memo: 'm' }, /^Kind 'aws-s3' needs input 's3-source-bucket'\.$/],
    ['aws-id-username, removed from the reference', { operation: 'create-canarytoken', kind: 'aws-id', memo: 'm', 'aws-id-username': 'bot' }, /^Input 'aws-id-username' is not supported: Thinkst removed aws_id_username from the API reference as unsupported/],
    ['active-directory-login without tokened_usernames', { operation: 'create-canarytoken', kind: 'active-directory-login', memo: 'm' }, /needs the Console parameter 'tokened_usernames'/],
    ['azure-id without azure_id_cert_file_name', { operation: 'create-canarytoken', kind: 'azure-id', memo: 'm' }, /needs the Console parameter 'azure_id_cert_file_name'/],
    ['azure-entra-login without expected_referrer', { operation: 'create-canarytoken', kind: 'azure-entra-login', memo: 'm' }, /needs the Console parameter 'expected_referrer'/],
    ['sensitive-cmd without process_name', { operation: 'create-canarytoken', kind: 'sensitive-cmd', memo: 'm' }, /needs the Console parameter 'process_name'/],
    ['a kind input on another kind', { operation: 'create-canarytoken', kind: 'dns', memo: 'm', 'browser-scanner-enabled': 'true' }, /applies to kind 'http' only, not 'dns'/],
    ['download of a kind without a file', { operation: 'create-canarytoken', kind: 'dns', memo: 'm', download: 'true' }, /^Kind 'dns' has no file to download/],
    ['a file input without download', { operation: 'create-canarytoken', kind: 'doc-msword', memo: 'm', path: 'x' }, /'path' applies to downloads only/],
    ['path outside the workspace', { operation: 'download-canarytoken', canarytoken: 'x', path: '../outside' }, /Input 'path' must point inside/],
    ['a filename with folders', { operation: 'download-canarytoken', canarytoken: 'x', filename: '../x.docx' }, /Input 'filename' must be a plain file name/],
    ['an artifact without the runner', { operation: 'download-canarytoken', canarytoken: 'x', 'artifact-name': 'lure' }, /artifacts can only be uploaded from a workflow run/],
    ['a bad boolean', { operation: 'delete-canarytoken', canarytoken: 'x', 'clear-incidents': 'yep' }, /Input 'clear-incidents' must be true or false/],
    ['delete-buckets without the bucket', { operation: 'remove-s3-canarytoken', canarytoken: 'x', 'aws-access-key': 'a', 'aws-secret-key': 'secretsecret', 'aws-region': 'r', 'delete-buckets': 'true' }, /needs 's3-source-bucket'/],
    ['a missing hash', { operation: 'delete-apeeper-factory' }, /needs input 'hash'/],
    ['a broken extra-params', { operation: 'create-canarytoken', kind: 'dns', memo: 'm', 'extra-params': 'a: [' }, /Input 'extra-params' must be a YAML mapping/],
    ['a too long memo', { operation: 'create-canarytoken', kind: 'dns', memo: 'x'.repeat(10_001) }, /the Console accepts at most 10000/],
    ['a bad timeout', { operation: 'fetch-canarytoken', canarytoken: 'x', 'timeout-seconds': '0' }, /Input 'timeout-seconds' must be a whole number from 1 to 3600/]
  ])('%s', async (_name, inputs, message) => {
    const run = await action(inputs.operation as string, inputs)
    expectFailure(run, message)
    expect(emulator.requests).toHaveLength(0)
    expectNoSecretsVisible(run, [AUTH_TOKEN])
  })

  it.each([
    ['plain http to a remote host', 'http://console.example.com', /must use https/],
    ['a URL with a path', `${'https://1234abcd.canary.tools'}/api`, /without a path/],
    ['credentials in the URL', 'https://admin:hunter2hunter2@1234abcd.canary.tools', /must not carry credentials/],
    ['a hash a hostname cannot hold', 'abc$def', /not a Console hash/]
  ])('a console that is %s', async (_name, consoleInput, message) => {
    const run = await runAction({ operation: 'fetch-canarytoken', console: consoleInput, 'auth-token': AUTH_TOKEN, canarytoken: 'x' })
    expectFailure(run, message)
    expectNoSecretsVisible(run, [AUTH_TOKEN, 'hunter2hunter2'])
  })

  it('a missing auth token', async () => {
    const run = await runAction({ operation: 'fetch-canarytoken', console: emulator.url, canarytoken: 'x' })
    expectFailure(run, /^Operation 'fetch-canarytoken' needs input 'auth-token'\.$/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('warns about inputs the operation does not read', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'm' })
    const run = await action('fetch-canarytoken', { canarytoken, kind: 'dns' })
    expectSuccess(run)
    expect(run.warnings).toEqual(["Input 'kind' is not used by fetch-canarytoken; it was ignored."])
  })
})

describe('Console failures', () => {
  it('says the auth token was rejected, without printing it', async () => {
    const wrong = 'wrong-token-7c1d2e3f4a5b6c7d8e9f'
    const run = await runAction({ operation: 'fetch-canarytoken', console: emulator.url, 'auth-token': wrong, canarytoken: 'x' }, { env: { RUNNER_DEBUG: '1' } })
    expectFailure(run, /^fetch-canarytoken failed: HTTP 401: the Console rejected the auth token \(Unauthorized\)/)
    expect(run.masks).toContain(wrong)
    expectNoSecretsVisible(run, [wrong])
  })

  it('names the status and says a non-JSON body was not JSON', async () => {
    emulator.injectFault({ path: '/api/v1/canarytoken/fetch', status: 502, html: true })
    // retries: 0 shows one answer's mapping; faults.test.ts covers the retries.
    const run = await action('fetch-canarytoken', { canarytoken: 'x', retries: '0' })
    expectFailure(run, /^fetch-canarytoken failed: HTTP 502: the answer was not JSON \(text\/html, \d+ bytes\) \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(visibleTextHasNoHtml(run)).toBe(true)
  })

  it('treats "result": "error" with HTTP 200 as a failure', async () => {
    emulator.injectFault({ path: '/api/v1/canarytoken/create', status: 200, resultError: 'Could not save Canarydrop' })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'm' })
    expectFailure(run, /^create-canarytoken failed: HTTP 200: Could not save Canarydrop \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
  })

  it('with a Flock canarytoken-deploy key, a create whose answer was lost says the key cannot look for it, and where to look', async () => {
    const key = emulator.addApiKey({ type: 'canarytoken-deploy', flock_id: 'flock:default', note: 'deploys' }).auth_token
    emulator.injectFault({ path: '/api/v1/canarytoken/create', status: 504, afterAction: true })
    const run = await action('create-canarytoken', { 'auth-token': key, kind: 'dns', memo: 'deploy beacon' })
    expectFailure(
      run,
      /^create-canarytoken failed: HTTP 504: Gateway Timeout; the Console may have acted on it, so it was not sent again: this key may not search for the token \(HTTP 403: This API key can only deploy Canarytokens; a Flock canarytoken-deploy key only creates and downloads\): look for a dns token with this memo in the Console before running the step again \(POST \/api\/v1\/canarytoken\/create at http:\/\/127\.0\.0\.1:\d+\)$/
    )
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/v1/canarytoken/create', 'GET /api/v1/canarytokens/search'])
    expectNoSecretsVisible(run, [key])
  })

  it('times out on a Console that does not answer', async () => {
    emulator.injectFault({ path: '/api/v1/canarytoken/fetch', delayMs: 3000 })
    const run = await action('fetch-canarytoken', { canarytoken: 'x', 'timeout-seconds': '1', retries: '0' })
    expectFailure(run, /^fetch-canarytoken failed: the Console did not answer within 1 s/)
  })

  it('does not follow redirects', async () => {
    emulator.injectFault({ path: '/api/v1/canarytoken/fetch', status: 302, headers: { location: 'https://elsewhere.example/steal' } })
    const run = await action('fetch-canarytoken', { canarytoken: 'x' })
    expectFailure(run, /HTTP 302: the Console redirected to https:\/\/elsewhere\.example\/steal; redirects are not followed/)
    expect(emulator.requests).toHaveLength(1)
  })

  it('leaves no partial file when a download breaks', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'doc' })
    emulator.injectFault({ path: '/api/v1/canarytoken/download', reset: 'mid-body' })
    const run = await action('download-canarytoken', { canarytoken, path: 'out', retries: '0' })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]).toMatch(/^download-canarytoken failed: /)
    const left = await readdir(join(run.workspace, 'out')).catch(() => [])
    expect(left).toEqual([])
  })
})

function visibleTextHasNoHtml(run: ActionRun): boolean {
  return !/<html|<body/i.test(`${run.stdout}${run.stderr}`)
}

describe('a download folder that cannot be one is refused before any request', () => {
  it("create-canarytoken with download: true mints nothing when 'path' runs through a file", async () => {
    const run = await action('create-canarytoken', { kind: 'doc-msword', memo: 'folder is a file', download: 'true', path: 'out/sub' }, { files: { out: 'a plain file' } })
    expectFailure(run, /^Input 'path': 'out' is a file, not a folder; 'out\/sub' cannot be created in it\.$/)
    expect(emulator.requests).toEqual([])
  })

  it("download-canarytoken refuses a 'path' that is a file", async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'path is a file' })
    const run = await action('download-canarytoken', { canarytoken, path: 'out' }, { files: { out: 'a plain file' } })
    expectFailure(run, /^Input 'path': 'out' is a file, not a folder\.$/)
    expect(emulator.requests).toEqual([])
  })
})
