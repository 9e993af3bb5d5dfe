// The security audit, each claim of SECURITY.md a test: dist/index.js run as
// the runner runs it, against the emulator. Complements canarytokens.test.ts
// (which covers the happy paths' masking and the first refusals) without
// repeating it.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PAGE_SIZE } from '../../src/backends/console/canarytokens.js'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, tempFolder, useEmulator } from './harness.js'

const AUTH_TOKEN = 'e2e-security-auth-token-3c4d5e6f7a8b9c0d1e'
const AWS_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY1'
const ECHOED_SECRET = 'secret-the-console-echoes-4f3e2d1c'

// Every run in debug mode: debug lines are where secrets would leak first.
const { emulator, action } = useEmulator(AUTH_TOKEN, {
  env: { RUNNER_DEBUG: '1' },
  reset: (emulator) => {
    emulator.downloadFilenameOverride = undefined
  }
})

/** The remove-s3 inputs: the AWS secret key travels in the request body, so it is in play on every failure. */
function removeS3Inputs(canarytoken: string): Record<string, string> {
  return { canarytoken, 'aws-access-key': 'AKIAIOSFODNN7EXAMPLE', 'aws-secret-key': AWS_SECRET_KEY, 'aws-region': 'eu-west-1' }
}

describe('no secret is visible on any failure path, with RUNNER_DEBUG=1', () => {
  const REMOVE_S3 = '/api/v1/canarytoken/remove/s3'

  it.each<[string, () => void, string, Record<string, string>, RegExp]>([
    ['retries exhausted', () => emulator.injectFault({ path: REMOVE_S3, status: 503, times: 5 }), 'remove-s3-canarytoken', { retries: '1' }, /failed after 2 attempts: HTTP 503/],
    ['a reset before the headers', () => emulator.injectFault({ path: REMOVE_S3, reset: 'before-headers', times: 5 }), 'remove-s3-canarytoken', { retries: '1' }, /failed after 2 attempts: the connection to http:\/\/127\.0\.0\.1:\d+ broke/],
    ['a reset after the headers', () => emulator.injectFault({ path: REMOVE_S3, reset: 'after-headers', times: 5 }), 'remove-s3-canarytoken', { retries: '0' }, /failed: the connection to http:\/\/127\.0\.0\.1:\d+ broke/],
    ['a truncated answer', () => emulator.injectFault({ path: REMOVE_S3, truncateBody: true, times: 5 }), 'remove-s3-canarytoken', { retries: '0' }, /failed: the connection to http:\/\/127\.0\.0\.1:\d+ broke/],
    ['a timeout', () => emulator.injectFault({ path: REMOVE_S3, delayMs: 5000, times: 5 }), 'remove-s3-canarytoken', { retries: '0', 'timeout-seconds': '1' }, /did not answer within 1 s/],
    ['an HTML error page', () => emulator.injectFault({ path: REMOVE_S3, html: true, status: 500 }), 'remove-s3-canarytoken', {}, /failed: HTTP 500: the answer was not JSON/],
    ['"result": "error" with 200', () => emulator.injectFault({ path: REMOVE_S3, resultError: 'Could not remove' }), 'remove-s3-canarytoken', {}, /failed: HTTP 200: Could not remove \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/],
    ['a redirect', () => emulator.injectFault({ path: REMOVE_S3, status: 307, headers: { location: `https://elsewhere.example/x?auth_token=${AUTH_TOKEN}` } }), 'remove-s3-canarytoken', {}, /HTTP 307: the Console redirected to https:\/\/elsewhere\.example\/x; redirects are not followed/],
    [
      'an error answer that echoes the credentials it was sent',
      () =>
        emulator.injectFault({
          path: REMOVE_S3,
          status: 400,
          body: { result: 'error', message: `AWS refused key ${AWS_SECRET_KEY} (token ${AUTH_TOKEN}, ${ECHOED_SECRET})`, aws_secret_key: ECHOED_SECRET }
        }),
      'remove-s3-canarytoken',
      {},
      /^remove-s3-canarytoken failed: HTTP 400: AWS refused key \*\*\* \(token \*\*\*, \*\*\*\) \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/
    ]
  ])('%s', async (_name, plan, operation, inputs, message) => {
    const { canarytoken } = emulator.addToken({ kind: 'aws-s3', memo: 'bucket watch' })
    plan()
    const run = await action(operation, { ...removeS3Inputs(canarytoken), ...inputs })
    expectFailure(run, message)
    expect(run.masks).toEqual(expect.arrayContaining([AUTH_TOKEN]))
    expectNoSecretsVisible(run, [AUTH_TOKEN, AWS_SECRET_KEY, ECHOED_SECRET])
    // The debug log is on: the stack of the error is printed, still without secrets.
    expect(run.stdout).toContain('::debug::')
  })

  it('an aws-id token made, then its download broken', async () => {
    const memo = 'keys whose file never arrives'
    emulator.injectFault({ method: 'GET', path: '/api/v1/canarytoken/download', reset: 'mid-body', times: 5 })
    const run = await action('create-canarytoken', { kind: 'aws-id', memo, download: 'true', path: 'config', retries: '1' })
    expectFailure(run, /^create-canarytoken failed after 2 attempts: the connection to http:\/\/127\.0\.0\.1:\d+ broke/)
    const token = emulator.listTokens().find((candidate) => candidate.memo === memo)!
    expect(run.masks).toContain(token.secret_access_key)
    expectNoSecretsVisible(run, [AUTH_TOKEN, token.secret_access_key, token.renders['aws-id']])
  })

  it('an aws-id create whose answer is lost, found again', async () => {
    const memo = 'keys whose answer is lost'
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', reset: 'after-headers', afterAction: true })
    const run = await action('create-canarytoken', { kind: 'aws-id', memo, download: 'true', path: 'config', filename: 'credentials' })
    expectSuccess(run)
    const token = emulator.listTokens().find((candidate) => candidate.memo === memo)!
    expect(await readFile(run.outputs['file-path'] as string, 'utf8')).toContain(token.secret_access_key)
    expectNoSecretsVisible(run, [AUTH_TOKEN, token.secret_access_key, token.renders['aws-id']])
  })
})

describe("a server's echo of a secret stays out of what the runner does not mask", () => {
  it('per-item messages: the tokens output and the tokens-file (an artifact, when asked) hold it redacted', async () => {
    const memo = 'echoed on delete'
    emulator.addToken({ kind: 'dns', memo })
    emulator.injectFault({ path: '/api/v1/canarytoken/delete', status: 400, resultError: `refused, you sent auth_token=${AUTH_TOKEN}`, times: 5 })
    const run = await action('cleanup-canarytokens', { action: 'delete', 'memo-pattern': memo })
    expectFailure(run, /1 of 1 Canarytoken could not be deleted/)
    expectNoSecretsVisible(run, [AUTH_TOKEN])
    const item = JSON.parse(run.outputs.tokens as string)[0]
    expect(item.message).toBe('HTTP 400: refused, you sent auth_token=***')
    const file = await readFile(run.outputs['tokens-file'] as string, 'utf8')
    expect(file).toContain('you sent auth_token=***')
    expect(file).not.toContain(AUTH_TOKEN)
  })
})

describe('the auth token travels only in the header', () => {
  it('on every request of create (multipart), fetch, download, delete and a search that pages', async () => {
    const memo = 'paging lure'
    // More namesakes than one search page holds, so the recovery search follows a cursor.
    for (let index = 0; index < PAGE_SIZE + 20; index++) emulator.addToken({ kind: 'doc-msword', memo: `${memo} ${index}` })
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', status: 504, afterAction: true })
    const created = await action('create-canarytoken', { kind: 'doc-msword', memo, download: 'true', path: 'out' })
    expectSuccess(created)
    const id = created.outputs.canarytoken as string
    expectSuccess(await action('fetch-canarytoken', { canarytoken: id }))
    expectSuccess(await action('delete-canarytoken', { canarytoken: id }))
    const png = Buffer.from('89504e470d0a1a0a', 'hex')
    expectSuccess(await action('create-canarytoken', { kind: 'web-image', memo: 'img', 'web-image': 'logo.png' }, { files: { 'logo.png': png } }))

    const searches = emulator.requests.filter((request) => request.path === '/api/v1/canarytokens/search')
    expect(searches.length).toBeGreaterThan(1)
    expect(searches[1]?.params.cursor).toBeTruthy()
    expect(emulator.requests.length).toBeGreaterThan(6)
    for (const request of emulator.requests) {
      expect(request.authVia).toBe('header')
      expect(request.authHeader).toBe(AUTH_TOKEN)
      expect(request.rawUrl).not.toContain(AUTH_TOKEN)
      expect(request.params.auth_token).toBeUndefined()
    }
  })

  it('is never taken along a redirect, not even on a create, which is not sent again either', async () => {
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', status: 307, headers: { location: `${emulator.url}/api/v1/canarytoken/create?next=1` } })
    const run = await action('create-canarytoken', { kind: 'dns', memo: 'redirected create' })
    expectFailure(run, new RegExp(`^create-canarytoken failed: HTTP 307: the Console redirected to ${emulator.url}/api/v1/canarytoken/create; redirects are not followed`))
    expect(emulator.requests).toHaveLength(1)
    expect(emulator.listTokens().some((token) => token.memo === 'redirected create')).toBe(false)
  })
})

describe('a hostile Console answer', () => {
  it('cannot issue workflow commands through text the action logs', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'lure' })
    emulator.injectFault({ method: 'GET', path: '/api/v1/canarytoken/fetch', status: 503, resultError: 'busy ##[set-output name=x;]y\n::stop-commands::pwned\r::error::fake alarm ##[stop-commands]pwned2' })
    const run = await action('download-canarytoken', { canarytoken, path: 'out' })
    expectSuccess(run)
    // The Console's message is in the retry line, defused; every command line is one of ours.
    expect(run.stdout).toContain('(HTTP 503: busy')
    const commands = run.stdout.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::'))
    for (const line of commands) expect(line).toMatch(/^::(debug|add-mask)::/)
    expect(run.stdout).not.toMatch(/::stop-commands::pwned|::error::fake alarm/)
    // The runner's older form is a command anywhere in a line.
    expect(run.stdout).not.toContain('##[')
    expect(run.outputs.x).toBeUndefined()
  })
})

describe("'console' values that must be refused", () => {
  it.each([
    ['another scheme', 'ftp://1234abcd.canary.tools', /must use https, not ftp/],
    ['a file URL', 'file:///etc/passwd', /must use https, not file/],
    ['a query string', 'https://1234abcd.canary.tools/?auth_token=x', /without a path, query or fragment/],
    ['a fragment', 'https://1234abcd.canary.tools/#x', /without a path, query or fragment/],
    ['http to a private address', 'http://10.0.0.5', /must use https/],
    ['http to the cloud metadata address', 'http://169.254.169.254', /must use https/],
    ['http to a name that only starts like loopback', 'http://localhost.evil.example', /must use https/],
    ['a user name without a password', 'https://admin@1234abcd.canary.tools', /must not carry credentials/],
    ['a hash with an underscore', '1234_abcd', /not a Console hash/],
    ['a hash with a slash', '1234abcd/x', /not a Console hash/],
    ['a hash with a space', '1234 abcd', /not a Console hash/],
    ['a hash with a look-alike letter', '1234аbcd', /not a Console hash/]
  ])('%s', async (_name, consoleInput, message) => {
    const run = await runAction({ operation: 'fetch-canarytoken', console: consoleInput, 'auth-token': AUTH_TOKEN, canarytoken: 'x' }, { env: { RUNNER_DEBUG: '1' } })
    expectFailure(run, message)
    expectNoSecretsVisible(run, [AUTH_TOKEN])
  })
})

describe('paths cannot leave the workspace (or RUNNER_TEMP), symlinks included', () => {
  let outside: string
  let outsideFile: string

  beforeAll(async () => {
    outside = await tempFolder('canary-outside-')
    outsideFile = join(outside, 'id_rsa')
    await writeFile(outsideFile, 'PRIVATE KEY')
  })

  async function workspaceWith(links: Record<string, string>): Promise<string> {
    const workspace = await tempFolder('canary-ws-')
    for (const [path, target] of Object.entries(links)) {
      await mkdir(join(workspace, path, '..'), { recursive: true })
      await symlink(target, join(workspace, path))
    }
    return workspace
  }

  it.each<[string, Record<string, string>, (outside: string) => Record<string, string>, RegExp]>([
    ['path: an absolute folder elsewhere', {}, (dir) => ({ operation: 'download-canarytoken', canarytoken: 'x', path: dir }), /Input 'path' must point inside/],
    ['path: a symlink out', { out: 'OUTSIDE' }, () => ({ operation: 'download-canarytoken', canarytoken: 'x', path: 'out' }), /Input 'path' must point inside/],
    ['path: below a symlinked folder', { 'build/docs': 'OUTSIDE' }, () => ({ operation: 'download-canarytoken', canarytoken: 'x', path: 'build/docs/new/deeper' }), /Input 'path' must point inside/],
    ['filename: a folder', {}, () => ({ operation: 'download-canarytoken', canarytoken: 'x', filename: 'sub/x.docx' }), /Input 'filename' must be a plain file name/],
    ['web-image: a symlink to a file elsewhere', { 'logo.png': 'OUTSIDE/id_rsa' }, () => ({ operation: 'create-canarytoken', kind: 'web-image', memo: 'm', 'web-image': 'logo.png' }), /Input 'web-image' must point inside/],
    ['web-image: an absolute path elsewhere', {}, (dir) => ({ operation: 'create-canarytoken', kind: 'web-image', memo: 'm', 'web-image': join(dir, 'id_rsa') }), /Input 'web-image' must point inside/],
    ['upload-file: a symlinked folder', { assets: 'OUTSIDE' }, () => ({ operation: 'create-canarytoken', kind: 'signed-exe', memo: 'm', 'upload-file': 'assets/id_rsa' }), /Input 'upload-file' must point inside/]
  ])('%s', async (_name, links, inputsFor, message) => {
    const workspace = await workspaceWith(Object.fromEntries(Object.entries(links).map(([path, target]) => [path, target.replace('OUTSIDE', outside)])))
    const inputs = inputsFor(outside)
    const run = await runAction({ console: emulator.url, 'auth-token': AUTH_TOKEN, ...inputs } as Record<string, string>, { workspace })
    expectFailure(run, message)
    expect(emulator.requests).toHaveLength(0)
  })

  it('the default folder under RUNNER_TEMP, when a symlink leads it elsewhere', async () => {
    const runnerTemp = await tempFolder('canary-runner-temp-')
    await symlink(outside, join(runnerTemp, 'canary-console-action'))
    const run = await action('download-canarytoken', { canarytoken: 'x' }, { env: { RUNNER_TEMP: runnerTemp } })
    expectFailure(run, /^The default download folder .*canary-console-action leads outside RUNNER_TEMP \(a symlink\?\); set 'path' to a folder in the workspace\.$/)
    expect(emulator.requests).toHaveLength(0)
  })

  it('a file name that is a symlink in the folder is not written through', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'doc' })
    const workspace = await workspaceWith({ 'out/report.docx': outsideFile })
    const run = await action('download-canarytoken', { canarytoken, path: 'out', filename: 'report.docx' }, { workspace })
    // Refused before any request (the download is not even asked for).
    expectFailure(run, /^Input 'filename': 'out\/report\.docx' is a symbolic link; name the file itself/)
    expect(emulator.requests.filter((request) => request.path.endsWith('/download'))).toEqual([])
    expect(await readFile(outsideFile, 'utf8')).toBe('PRIVATE KEY')
  })
})

describe('oversized inputs fail clearly, before any request', () => {
  // The runner passes inputs as environment variables, and Linux caps one at
  // 128 KiB (MAX_ARG_STRLEN), so a 1 MB memo cannot reach any action there;
  // this is the largest that can, twelve times the Console's limit.
  const HUGE_MEMO = 'm'.repeat(120_000)

  it.each(['create-canarytoken', 'update-canarytoken'])('a 120,000-character memo for %s', async (operation) => {
    const run = await action(operation, { kind: 'dns', canarytoken: 'x', memo: HUGE_MEMO })
    expectFailure(run, /^Input 'memo' is 120000 characters long; the Console accepts at most 10000\.$/)
    expect(emulator.requests).toHaveLength(0)
  })

  it.each([
    ['web-image', 'web-image'],
    ['upload-file', 'signed-exe']
  ])('a 100 MB %s', async (input, kind) => {
    const workspace = await tempFolder('canary-ws-')
    // Sparse: the size is real, no 100 MB is written.
    await writeFile(join(workspace, 'big.bin'), '')
    await truncate(join(workspace, 'big.bin'), 100 * 1024 * 1024)
    const run = await action('create-canarytoken', { kind, memo: 'm', [input]: 'big.bin' }, { workspace })
    expectFailure(run, new RegExp(`^Input '${input}': 'big\\.bin' is 104857600 bytes; at most 10485760 are sent\\.$`))
    expect(emulator.requests).toHaveLength(0)
  })
})
