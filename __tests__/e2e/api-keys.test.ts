import { describe, expect, it } from '@jest/globals'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, useEmulator, type ActionRun } from './harness.js'

const AUTH_TOKEN = 'e2e-admin-key-3a9c1e7b5d2f4a6c8e0b'
const DEBUG = { env: { RUNNER_DEBUG: '1' } }

const { emulator, action } = useEmulator(AUTH_TOKEN, { reset: (emulator) => emulator.setApiEnabled(true) })

function listedKeys(run: ActionRun): Record<string, unknown>[] {
  return JSON.parse(run.outputs['api-keys'] as string) as Record<string, unknown>[]
}

describe('Global API keys', () => {
  it('adds a key: masked output, the key works, no key anywhere in sight', async () => {
    const run = await action('add-api-key', { 'auth-token-type': 'analyst', note: 'e2e analyst' }, DEBUG)
    expectSuccess(run)
    const key = run.outputs['api-key'] as string
    const keyId = run.outputs['key-id'] as string
    expect(key.length).toBeGreaterThan(10)
    expect(run.masks).toContain(key)
    // Masked as soon as the answer arrived: before the handler's first log line about the key.
    const maskedAt = run.stdout.indexOf(`::add-mask::${key}`)
    expect(maskedAt).toBeGreaterThanOrEqual(0)
    expect(maskedAt).toBeLessThan(run.stdout.indexOf(`Added Global API key ${keyId}`))
    expect(run.outputs).toMatchObject({ note: 'e2e analyst' })
    expect(String(run.outputs['auth-token-type']).toLowerCase()).toBe('analyst')
    expect(emulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth_token/add', authVia: 'header' })
    expect(emulator.requests[0]?.params).toMatchObject({ auth_token_type: 'analyst', note: 'e2e analyst' })
    expect(run.summary).toContain(keyId)
    expect(run.summary).toContain('e2e analyst')
    expect(emulator.listApiKeys().find((stored) => stored.key_id === keyId)?.auth_token).toBe(key)
    expectNoSecretsVisible(run, [AUTH_TOKEN, key])

    const withNewKey = await runAction({ operation: 'list-api-keys', console: emulator.url, 'auth-token': key })
    expectSuccess(withNewKey)
    expect(listedKeys(withNewKey).map((listed) => listed.key_id)).toContain(keyId)
  })

  it('lists the keys without their tokens, every token masked, and with them only when asked', async () => {
    const extra = emulator.addApiKey({ type: 'read-only', note: 'listed key' })
    const run = await action('list-api-keys', {}, DEBUG)
    expectSuccess(run)
    const listed = listedKeys(run)
    expect(Number(run.outputs.count)).toBe(listed.length)
    expect(listed.length).toBeGreaterThanOrEqual(2)
    expect(listed.find((key) => key.key_id === extra.key_id)).toMatchObject({ note: 'listed key' })
    for (const key of listed) expect(key).not.toHaveProperty('auth_token')
    expect(run.outputs['api-keys']).not.toContain(extra.auth_token)
    expect(run.masks).toContain(extra.auth_token)
    expect(run.summary).toContain(extra.key_id)
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/auth_token/list' })
    expectNoSecretsVisible(run, [AUTH_TOKEN, extra.auth_token])

    const withSecrets = await action('list-api-keys', { 'include-secrets': 'true' }, DEBUG)
    expectSuccess(withSecrets)
    expect(listedKeys(withSecrets).find((key) => key.key_id === extra.key_id)?.auth_token).toBe(extra.auth_token)
    expect(withSecrets.masks).toContain(extra.auth_token)
    expectNoSecretsVisible(withSecrets, [AUTH_TOKEN, extra.auth_token])
  })

  it('removes a key with DELETE: it gets 401 from then on', async () => {
    const doomed = emulator.addApiKey({ type: 'admin', note: 'to remove' })
    const before = await runAction({ operation: 'list-api-keys', console: emulator.url, 'auth-token': doomed.auth_token })
    expectSuccess(before)

    emulator.clearRequests()
    const run = await action('remove-api-key', { 'key-id': doomed.key_id }, DEBUG)
    expectSuccess(run)
    expect(run.outputs['key-id']).toBe(doomed.key_id)
    expect(emulator.requests[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/auth_token/remove', params: { key_id: doomed.key_id } })
    expect(run.summary).toContain(doomed.key_id)
    expect(emulator.listApiKeys().map((stored) => stored.key_id)).not.toContain(doomed.key_id)
    expectNoSecretsVisible(run, [AUTH_TOKEN, doomed.auth_token])

    const after = await runAction({ operation: 'list-api-keys', console: emulator.url, 'auth-token': doomed.auth_token }, DEBUG)
    expectFailure(after, /^list-api-keys failed: HTTP 401: the Console rejected the auth token/)
    expectNoSecretsVisible(after, [doomed.auth_token])
  })

  it("passes on the Console's message for a key that does not exist, leaving no file", async () => {
    const removal = await action('remove-api-key', { 'key-id': 'no-such-key' })
    expectFailure(removal, /^remove-api-key failed: HTTP 400: Could not find a Global API key with that key_id \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    const download = await action('download-api-key', { 'key-id': 'no-such-key', path: 'config' })
    expectFailure(download, /^download-api-key failed: HTTP 200: Could not find a Global API key with that key_id \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expect(await readdir(join(download.workspace, 'config')).catch(() => [])).toEqual([])
  })

  it('downloads the configuration file: owner-only, every value masked, never printed', async () => {
    const key = emulator.addApiKey({ type: 'read-only', note: 'python client' })
    const run = await action('download-api-key', { 'key-id': key.key_id, path: 'config' }, DEBUG)
    expectSuccess(run)
    const file = run.outputs['file-path'] as string
    expect(file.startsWith(join(run.workspace, 'config') + '/')).toBe(true)
    const content = await readFile(file, 'utf8')
    expect(content).toContain(key.auth_token)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(run.masks).toContain(key.auth_token)
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/auth_token/download', params: { key_id: key.key_id } })
    expect(run.summary).toContain(file)
    const contentLines = content.split('\n').map((line) => line.trim()).filter((line) => line.length >= 6 && !/^\[.*\]$/.test(line))
    expectNoSecretsVisible(run, [AUTH_TOKEN, key.auth_token, ...contentLines])
  })

  it('writes the file under the name the user gives', async () => {
    const key = emulator.addApiKey({ type: 'read-only', note: 'named file' })
    const run = await action('download-api-key', { 'key-id': key.key_id, filename: 'canary.conf' })
    expectSuccess(run)
    expect(run.outputs['file-path']).toBe(join(run.runnerTemp, 'canary-console-action', 'canary.conf'))
  })
})

describe('the API switch', () => {
  it('disable-api (confirmed) makes every call fail, enable-api included, until the Console\'s settings page turns it back on', async () => {
    const disabled = await action('disable-api', { confirm: 'disable-api' }, DEBUG)
    expectSuccess(disabled)
    expect(emulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/settings/api/disable' })
    expect(disabled.warnings).toEqual(["Turned off the Console's API: every API key now gets refused until it is turned on again."])
    expect(disabled.summary).toContain('disabled')
    expectNoSecretsVisible(disabled, [AUTH_TOKEN])

    // A disabled API refuses keys as the documented auth failure.
    const refused = await action('list-api-keys', {}, DEBUG)
    expectFailure(refused, /^list-api-keys failed: HTTP 401: the Console rejected the auth token \(Unauthorized\)\. .*a disabled API refuses every key until it is enabled again in the Console's Global Settings/)
    expectNoSecretsVisible(refused, [AUTH_TOKEN])

    // "If the API is not already enabled this can only be achieved by logging into the Console and enabling the setting from your Global Settings page."
    const enable = await action('enable-api', {}, DEBUG)
    expectFailure(enable, /^enable-api failed: HTTP 401: the Console rejected the auth token \(Unauthorized\)\..* If the Console's API is turned off, only its Global Settings page can turn it back on\.$/)
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/settings/api/enable' })
    expectNoSecretsVisible(enable, [AUTH_TOKEN])

    emulator.setApiEnabled(true)
    expectSuccess(await action('list-api-keys'))
    expectSuccess(await action('enable-api'))
  })

  it('says where to turn the API back on when a Console refuses enable-api', async () => {
    // A real Console whose API is off takes enable only from its Global Settings page.
    emulator.injectFault({ path: '/api/v1/settings/api/enable', status: 403, body: { result: 'error', message: 'API is disabled' } })
    const run = await action('enable-api', {}, DEBUG)
    expectFailure(run, /^enable-api failed: HTTP 403: the Console rejected the auth token \(API is disabled\)\..* If the Console's API is turned off, only its Global Settings page can turn it back on\.$/)
    expectNoSecretsVisible(run, [AUTH_TOKEN])
  })
})

describe('Flock API keys', () => {
  it('adds a key to its flock only, lists it there, removes it by the key itself', async () => {
    const flockA = emulator.addFlock('Deploys')
    const flockB = emulator.addFlock('Elsewhere')

    const added = await action('add-flock-api-key', { 'flock-id': flockA, note: 'deploy bot', 'auth-token-type': 'canarytoken-deploy' }, DEBUG)
    expectSuccess(added)
    const key = added.outputs['api-key'] as string
    const keyId = added.outputs['key-id'] as string
    expect(added.masks).toContain(key)
    expect(added.outputs).toMatchObject({ note: 'deploy bot', 'auth-token-type': 'canarytoken-deploy' })
    expect(emulator.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/flock/auth_token/add' })
    expect(emulator.requests[0]?.params).toMatchObject({ flock_id: flockA, note: 'deploy bot', auth_token_type: 'canarytoken-deploy' })
    expect(added.summary).toContain(keyId)
    expectNoSecretsVisible(added, [AUTH_TOKEN, key])

    const inA = await action('list-flock-api-keys', { 'flock-id': flockA }, DEBUG)
    expectSuccess(inA)
    expect(listedKeys(inA).map((listed) => listed.key_id)).toEqual([keyId])
    expect(inA.outputs.count).toBe('1')
    expect(inA.outputs['api-keys']).not.toContain(key)
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/flock/auth_token/list', params: { flock_id: flockA } })
    expectNoSecretsVisible(inA, [AUTH_TOKEN, key])

    const inB = await action('list-flock-api-keys', { 'flock-id': flockB })
    expectSuccess(inB)
    expect(inB.outputs).toMatchObject({ 'api-keys': '[]', count: '0' })

    emulator.clearRequests()
    const removed = await action('remove-flock-api-key', { 'remove-auth-token': key }, DEBUG)
    expectSuccess(removed)
    const [request] = emulator.requests
    expect(request).toMatchObject({ method: 'POST', path: '/api/v1/flock/auth_token/remove', params: { remove_auth_token: key } })
    // The key being removed travels in the body, never in the URL.
    expect(request?.rawUrl).not.toContain(key)
    expect(removed.masks).toContain(key)
    expectNoSecretsVisible(removed, [AUTH_TOKEN, key])
    expect(emulator.listApiKeys().map((stored) => stored.auth_token)).not.toContain(key)

    const afterRemoval = await action('list-flock-api-keys', { 'flock-id': flockA })
    expectSuccess(afterRemoval)
    expect(afterRemoval.outputs.count).toBe('0')
  })

  it("passes on the Console's message for a Flock key it does not know, without printing the key", async () => {
    const unknown = 'flock-key-unknown-1f2e3d4c5b6a7988'
    const run = await action('remove-flock-api-key', { 'remove-auth-token': unknown }, DEBUG)
    expectFailure(run, /^remove-flock-api-key failed: HTTP 400: Could not find the Flock API key \((GET|POST|DELETE) \/[^ ]+ at http:\/\/127\.0\.0\.1:\d+\)$/)
    expectNoSecretsVisible(run, [AUTH_TOKEN, unknown])
  })

  it('adds a Flock key with the Console default type when none is given', async () => {
    const flock = emulator.addFlock('Default type')
    const run = await action('add-flock-api-key', { 'flock-id': flock, note: 'no type' })
    expectSuccess(run)
    expect(emulator.requests[0]?.params.auth_token_type).toBeUndefined()
    expect(run.outputs['key-id']).toBeTruthy()
  })
})

describe('key rotation', () => {
  it('adds a key, uses it, removes the old one: the old key is refused, and no key is ever visible', async () => {
    const old = emulator.addApiKey({ type: 'admin', note: 'key of last month' })
    const runs: { run: ActionRun; token: string }[] = []
    const step = async (inputs: Record<string, string>, token: string) => {
      const run = await runAction({ console: emulator.url, 'auth-token': token, ...inputs }, DEBUG)
      runs.push({ run, token })
      return run
    }

    const added = await step({ operation: 'add-api-key', 'auth-token-type': 'admin', note: 'key of this month' }, old.auth_token)
    expectSuccess(added)
    const fresh = added.outputs['api-key'] as string
    expect(fresh).not.toBe(old.auth_token)

    const used = await step({ operation: 'list-api-keys' }, fresh)
    expectSuccess(used)
    expect(listedKeys(used).map((key) => key.key_id)).toEqual(expect.arrayContaining([old.key_id, added.outputs['key-id']]))

    const removed = await step({ operation: 'remove-api-key', 'key-id': old.key_id }, fresh)
    expectSuccess(removed)

    const oldRefused = await step({ operation: 'list-api-keys' }, old.auth_token)
    expectFailure(oldRefused, /HTTP 401: the Console rejected the auth token/)
    const freshWorks = await step({ operation: 'list-api-keys', 'include-secrets': 'true' }, fresh)
    expectSuccess(freshWorks)
    expect(listedKeys(freshWorks).map((key) => key.key_id)).not.toContain(old.key_id)

    // The all-output scan: stdout, stderr and the summary of every step, debug on.
    expect(added.masks).toContain(fresh)
    for (const { run, token } of runs) {
      expect(run.masks).toContain(token)
      expectNoSecretsVisible(run, [old.auth_token, fresh, AUTH_TOKEN])
    }
  })
})

describe('bad input fails before any request', () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ['an unknown auth-token-type', { operation: 'add-api-key', 'auth-token-type': 'superuser', note: 'n' }, /^Input 'auth-token-type' must be one of: read-only, analyst, admin; 'superuser' is not a Global API key type\.$/],
    ['a Flock-only type for a Global key', { operation: 'add-api-key', 'auth-token-type': 'canarytoken-deploy', note: 'n' }, /^Input 'auth-token-type': 'canarytoken-deploy' is a Flock API key type; .* use operation 'add-flock-api-key' with 'flock-id'\.$/],
    ['an unknown Flock key type', { operation: 'add-flock-api-key', 'flock-id': 'flock:x', note: 'n', 'auth-token-type': 'root' }, /^Input 'auth-token-type' must be one of: read-only, canarytoken-deploy, breadcrumb-deploy, analyst, admin; 'root' is not a Flock API key type\.$/],
    ['a missing auth-token-type', { operation: 'add-api-key', note: 'n' }, /^Operation 'add-api-key' needs input 'auth-token-type'\.$/],
    ['a missing note', { operation: 'add-api-key', 'auth-token-type': 'admin' }, /^Operation 'add-api-key' needs input 'note'\.$/],
    ['a missing Flock key note', { operation: 'add-flock-api-key', 'flock-id': 'flock:x' }, /^Operation 'add-flock-api-key' needs input 'note'\.$/],
    ['a missing key-id to remove', { operation: 'remove-api-key' }, /^Operation 'remove-api-key' needs input 'key-id'\.$/],
    ['a missing key-id to download', { operation: 'download-api-key' }, /^Operation 'download-api-key' needs input 'key-id'\.$/],
    ['a missing flock-id to add', { operation: 'add-flock-api-key', note: 'n' }, /^Operation 'add-flock-api-key' needs input 'flock-id'\.$/],
    ['a missing flock-id to list', { operation: 'list-flock-api-keys' }, /^Operation 'list-flock-api-keys' needs input 'flock-id'\.$/],
    ['a missing Flock key to remove', { operation: 'remove-flock-api-key' }, /^Operation 'remove-flock-api-key' needs input 'remove-auth-token'\.$/],
    ['disable-api without confirm', { operation: 'disable-api' }, /^Operation 'disable-api' turns off the API for the whole Console: .*Set input 'confirm: disable-api' to run it\.$/],
    ['disable-api with the wrong confirm', { operation: 'disable-api', confirm: 'true' }, /Set input 'confirm: disable-api' to run it; 'confirm' is 'true'\.$/],
    ['a bad include-secrets', { operation: 'list-api-keys', 'include-secrets': 'sure' }, /^Input 'include-secrets' must be true or false \(as GitHub reads booleans: true, True, TRUE, false, False or FALSE\), not 'sure'\.$/],
    ['a download path outside the workspace', { operation: 'download-api-key', 'key-id': 'k', path: '../outside' }, /^Input 'path' must point inside/],
    ['a download filename with folders', { operation: 'download-api-key', 'key-id': 'k', filename: '../canarytools.config' }, /^Input 'filename' must be a plain file name/],
    ['an artifact without the runner', { operation: 'download-api-key', 'key-id': 'k', 'artifact-name': 'key' }, /artifacts can only be uploaded from a workflow run/]
  ])('%s', async (_name, inputs, message) => {
    const run = await action(inputs.operation as string, inputs, DEBUG)
    expectFailure(run, message)
    expect(emulator.requests).toHaveLength(0)
    expectNoSecretsVisible(run, [AUTH_TOKEN])
  })

  it('masks a Flock key given to remove even when the run fails before any request', async () => {
    const flockKey = 'flock-key-never-sent-8d7c6b5a4f3e'
    const run = await action('remove-flock-api-key', { 'remove-auth-token': flockKey, 'timeout-seconds': '0' }, DEBUG)
    expectFailure(run, /^Input 'timeout-seconds' must be a whole number/)
    expect(run.masks).toContain(flockKey)
    expect(emulator.requests).toHaveLength(0)
    expectNoSecretsVisible(run, [AUTH_TOKEN, flockKey])
  })

  it('warns about an input the key operation does not read', async () => {
    const run = await action('list-api-keys', { note: 'not read' })
    expectSuccess(run)
    expect(run.warnings).toEqual(["Input 'note' is not used by list-api-keys; it was ignored."])
  })
})
