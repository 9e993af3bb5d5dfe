import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, useEmulator } from './harness.js'

// Where Thinkst's current reference and clients differ from what a client
// might assume, through dist/index.js against the strict emulator.
const AUTH_TOKEN = 'e2e-auth-token-reference-3e9d7c5b1a2f'
const { emulator, action } = useEmulator(AUTH_TOKEN)

const DOWNLOAD = '/api/v1/canarytoken/download'

describe('downloads follow redirects', () => {
  it('follows the same-origin redirect with the auth header', async () => {
    const token = emulator.addToken({ kind: 'doc-msexcel', memo: 'excel' })
    const run = await action('download-canarytoken', { canarytoken: token.canarytoken, path: 'out' })
    expectSuccess(run)
    expect((await readFile(run.outputs['file-path'] as string)).subarray(0, 2).toString()).toBe('PK')
    const hops = emulator.requests.filter((request) => request.path.startsWith(DOWNLOAD))
    expect(hops.map((request) => [request.status, request.authVia])).toEqual([
      [302, 'header'],
      [200, 'header']
    ])
    expect(emulator.storageRequests).toEqual([])
  })

  it('fetches a signed storage URL on another origin without the auth header', async () => {
    const token = emulator.addToken({ kind: 'doc-msword', memo: 'word' })
    emulator.storageRequests.length = 0
    const run = await action('download-canarytoken', { canarytoken: token.canarytoken, path: 'out' }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    expect((await readFile(run.outputs['file-path'] as string)).subarray(0, 2).toString()).toBe('PK')
    // Storage refuses any request that carries X-Canary-Auth-Token, so one 200 proves it was left out.
    expect(emulator.storageRequests).toEqual([expect.objectContaining({ authHeader: null, status: 200 })])
    expectNoSecretsVisible(run, [AUTH_TOKEN])
    // The signature in the storage URL is not logged either.
    expect(run.stdout).not.toMatch(/X-Amz-Signature=/)
  })

  it('refuses a redirect to plain http elsewhere, and more than 5 hops', async () => {
    const token = emulator.addToken({ kind: 'doc-msexcel', memo: 'excel' })
    emulator.injectFault({ path: DOWNLOAD, status: 302, headers: { location: 'http://files.example.com/t.xlsx?sig=abc' } })
    const plain = await action('download-canarytoken', { canarytoken: token.canarytoken })
    expectFailure(plain, /^download-canarytoken failed: HTTP 302: the download was redirected to plain http \(http:\/\/files\.example\.com\/t\.xlsx\); not followed/)
    emulator.injectFault({ path: DOWNLOAD, status: 302, headers: { location: DOWNLOAD }, times: 6 })
    const loop = await action('download-canarytoken', { canarytoken: token.canarytoken })
    expectFailure(loop, /^download-canarytoken failed: HTTP 302: the download was redirected more than 5 times; stopped following \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
  })

  it('fails a download answered with a JSON error as text/html and 200, writing nothing', async () => {
    const token = emulator.addToken({ kind: 'doc-msexcel', memo: 'excel' })
    emulator.injectFault({ path: DOWNLOAD, status: 200, body: '<!DOCTYPE html><html><head><title>Maintenance</title></head></html>', headers: { 'content-type': 'text/html' } })
    const html = await action('download-canarytoken', { canarytoken: token.canarytoken, path: 'out' })
    expectFailure(html, /^download-canarytoken failed: HTTP 200: the Console answered with an HTML page instead of the file \("Maintenance"\) \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    // A JSON error sent as text/html with 200 (a kind without a file is refused before any download now, so the
    // Console's answer for one is injected on a kind with a file).
    emulator.injectFault({
      path: DOWNLOAD,
      status: 200,
      body: JSON.stringify({ message: 'File generation not supported.', result: 'error' }),
      headers: { 'content-type': 'text/html' }
    })
    const none = await action('download-canarytoken', { canarytoken: token.canarytoken, path: 'out' })
    expectFailure(none, /^download-canarytoken failed: HTTP 200: File generation not supported\. \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(emulator.requests.at(-1)?.status).toBe(200)
    for (const run of [html, none]) {
      const out = join(run.workspace, 'out')
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
    }
  })
})

describe('answers and parameters as the reference writes them', () => {
  it('recognises an authentication failure by its body when the status says 200', async () => {
    emulator.injectFault({ path: '/api/v1/canarytoken/fetch', status: 200, body: { message: 'Invalid auth_token', result: 'error' } })
    const run = await action('fetch-canarytoken', { canarytoken: 'x' })
    expectFailure(run, /^fetch-canarytoken failed: HTTP 200: the Console rejected the auth token \(Invalid auth_token\)\. Check 'auth-token'/)
  })

  it('names what it tried to reach when the connection is refused', async () => {
    const run = await runAction({ operation: 'fetch-canarytoken', console: 'http://127.0.0.1:9', 'auth-token': AUTH_TOKEN, canarytoken: 'x', retries: '0' })
    expectFailure(run, /^fetch-canarytoken failed: could not reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED: the connection was refused; check 'console'/)
  })

  it('masks factory_auth in every output, from create, fetch and list alike', async () => {
    const created = await action('create-canarytoken', { kind: 'aws-id', memo: 'factory' })
    expectSuccess(created)
    const token = emulator.getToken(created.outputs.canarytoken as string)
    const fetched = await action('fetch-canarytoken', { canarytoken: token.canarytoken })
    const listed = await action('list-canarytokens', { kind: 'aws-id' })
    for (const run of [created, fetched, listed]) {
      expectSuccess(run)
      expect(run.masks).toContain(token.factory_auth)
      for (const output of Object.values(run.outputs)) expect(output).not.toContain(token.factory_auth)
      expectNoSecretsVisible(run, [AUTH_TOKEN, token.factory_auth, token.secret_access_key])
      // Ordinary lines of the credentials file are never masked: later steps would show *** for them.
      for (const ordinary of ['[default]', 'us-east-2', 'region = us-east-2', 'output = json', 'json']) expect(run.masks).not.toContain(ordinary)
    }
    expect(JSON.parse(fetched.outputs.token as string).factory_auth).toBe('***')
  })

  it("does not mask the Console's hash from download-api-key, only the key", async () => {
    const key = emulator.addApiKey({ type: 'read-only', note: 'hash' })
    const run = await action('download-api-key', { 'key-id': key.key_id })
    expectSuccess(run)
    expect(run.masks).toContain(key.auth_token)
    expect(run.masks).not.toContain(emulator.domainHash)
  })

  it('sends active as True or False, which the Console reads', async () => {
    emulator.addToken({ kind: 'dns', memo: 'activecheck on', enabled: true })
    emulator.addToken({ kind: 'dns', memo: 'activecheck off', enabled: false })
    const run = await action('list-canarytokens', { 'memo-pattern': 'activecheck *', enabled: 'false' })
    expectSuccess(run)
    expect(run.outputs.count).toBe('1')
    expect(emulator.requests[0]?.query.active).toBe('False')
  })

  it('sends aws-session-token to remove/s3, masked', async () => {
    const token = emulator.addToken({ kind: 'aws-s3', memo: 's3' })
    const session = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENvalue0123456789'
    const run = await action('remove-s3-canarytoken', {
      canarytoken: token.canarytoken,
      'aws-access-key': 'ASIAEXAMPLE0123456',
      'aws-secret-key': 'temporary/secret/EXAMPLEKEY0123',
      'aws-region': 'us-east-2',
      'aws-session-token': session
    }, { env: { RUNNER_DEBUG: '1' } })
    expectSuccess(run)
    expect(emulator.requests[0]?.params.aws_session_token).toBe(session)
    expect(run.masks).toContain(session)
    expect(run.masks).not.toContain('us-east-2')
    expectNoSecretsVisible(run, [AUTH_TOKEN, session])
  })
})
