import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MockAgent } from 'undici'
import { mockWire } from './mock-wire.js'
import * as core from '../../__fixtures__/core.js'
import { consoleDialect } from '../../src/backends/console/dialect.js'
import { ConsoleBackend } from '../../src/backends/console/index.js'

// @actions/core is ESM-only: mock it before importing the code under test.
jest.unstable_mockModule('@actions/core', () => core)
const { HttpTransport } = await import('../../src/http/transport.js')
const { InputError } = await import('../../src/errors.js')
const { inputsFrom, SECRET_INPUTS } = await import('../../src/inputs.js')
const { checkRequiredInputs, findOperation } = await import('../../src/operations/index.js')
const { findSecretValues, registerSecret } = await import('../../src/secrets.js')
const { run: runAction } = await import('../../src/main.js')

type Inputs = Parameters<typeof inputsFrom>[0]

const ORIGIN = 'https://abc.canary.tools'
// secrets.ts remembers what it masked for the whole process (a second
// registration is a no-op), so every test gets keys of its own.
let NEW_TOKEN = ''
let OLD_TOKEN = ''
let keyCounter = 0
let KEY = {
  auth_token: '',
  auth_token_type: 'Admin',
  created: '2023-04-13 19:12:15 UTC+0000',
  created_by: 'Global-API-Token[key_id:ffffffff]',
  key_id: 'a1b2c3d4',
  note: 'Infrastructure Team'
}

let agent: MockAgent
let workspace: string
// Recorded as the handlers wrote them, before main's redaction: a handler must not put a key in a message at all.
const logged: string[] = []
const log = {
  info: (message: string) => logged.push(message),
  warning: (message: string) => logged.push(`warning: ${message}`),
  debug: (message: string) => logged.push(`debug: ${message}`)
}

beforeEach(async () => {
  jest.clearAllMocks()
  agent = new MockAgent()
  agent.disableNetConnect()
  logged.length = 0
  keyCounter += 1
  NEW_TOKEN = `new-key-${keyCounter}-0a1b2c3d4e5f60718293`
  OLD_TOKEN = `old-key-${keyCounter}-f0e1d2c3b4a5968778695`
  KEY = { ...KEY, auth_token: NEW_TOKEN }
  workspace = await mkdtemp(join(tmpdir(), 'api-keys-unit-'))
})
afterEach(async () => {
  await agent.close()
  await rm(workspace, { recursive: true, force: true })
})

function env() {
  return { workspace, runnerTemp: workspace, artifactRuntime: false }
}

function transport(findSecrets: (body: unknown) => string[] = findSecretValues) {
  return new HttpTransport({
    baseUrl: new URL(ORIGIN),
    dialect: consoleDialect('the-auth-token-value'),
    timeoutMs: 1000,
    userAgent: 'test',
    onSecret: registerSecret,
    findSecrets,
    client: mockWire(agent)
  })
}

/** Parses the inputs as main does (required inputs first), then runs the operation against the mock Console. */
async function perform(operation: string, values: Inputs, { findSecrets }: { findSecrets?: (body: unknown) => string[] } = {}) {
  const inputs = inputsFrom({ console: ORIGIN, 'auth-token': 'the-auth-token-value', ...values })
  const found = await findOperation(operation)
  checkRequiredInputs(found, inputs)
  const params = await found.parse(inputs, env())
  return found.run(params, { backend: new ConsoleBackend(transport(findSecrets), new URL(ORIGIN)), env: env(), log })
}

async function parseError(operation: string, values: Inputs): Promise<string> {
  try {
    const inputs = inputsFrom({ console: ORIGIN, 'auth-token': 'the-auth-token-value', ...values })
    const found = await findOperation(operation)
    checkRequiredInputs(found, inputs)
    await found.parse(inputs, env())
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error(`${operation} accepted ${JSON.stringify(values)}`)
}

interface Seen {
  path: string
  method: string
  body: string
}

/** Answers one request and records what was sent. */
function answer(method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}): Seen {
  const seen: Seen = { path: '', method: '', body: '' }
  agent
    .get(ORIGIN)
    .intercept({ path, method })
    .reply((options) => {
      seen.path = options.path
      seen.method = options.method
      seen.body = options.body === undefined || options.body === null ? '' : String(options.body)
      return { statusCode: status, data: typeof body === 'string' ? body : JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json', ...headers } } }
    })
  return seen
}

describe('bad input fails in parse, naming what to change', () => {
  it.each<[string, string, Inputs, string | RegExp]>([
    ['an unknown Global key type', 'add-api-key', { 'auth-token-type': 'superuser', note: 'n' }, "Input 'auth-token-type' must be one of: read-only, analyst, admin; 'superuser' is not a Global API key type."],
    [
      'a Flock-only type on a Global key',
      'add-api-key',
      { 'auth-token-type': 'canarytoken-deploy', note: 'n' },
      "Input 'auth-token-type': 'canarytoken-deploy' is a Flock API key type; a Global API key is read-only, analyst or admin. For a key limited to one flock, use operation 'add-flock-api-key' with 'flock-id'."
    ],
    ['a type one typo away', 'add-api-key', { 'auth-token-type': 'analist', note: 'n' }, "Input 'auth-token-type': 'analist' is not a Global API key type; did you mean 'analyst'? It must be one of: read-only, analyst, admin."],
    ['a flock id without its prefix', 'add-flock-api-key', { 'flock-id': 'default', note: 'n' }, /^Input 'flock-id' must be a flock id, which looks like 'flock:default' or 'flock:<id>', not 'default'; did you mean 'flock:default'\?$/],
    ['an unknown Flock key type', 'add-flock-api-key', { 'flock-id': 'flock:1', note: 'n', 'auth-token-type': 'owner' }, "Input 'auth-token-type' must be one of: read-only, canarytoken-deploy, breadcrumb-deploy, analyst, admin; 'owner' is not a Flock API key type."],
    ['a missing type', 'add-api-key', { note: 'n' }, "Operation 'add-api-key' needs input 'auth-token-type'."],
    ['a missing note', 'add-api-key', { 'auth-token-type': 'admin' }, "Operation 'add-api-key' needs input 'note'."],
    ['a missing key id (remove)', 'remove-api-key', {}, "Operation 'remove-api-key' needs input 'key-id'."],
    ['a missing key id (download)', 'download-api-key', {}, "Operation 'download-api-key' needs input 'key-id'."],
    ['a missing flock id (add)', 'add-flock-api-key', { note: 'n' }, "Operation 'add-flock-api-key' needs input 'flock-id'."],
    ['a missing Flock note', 'add-flock-api-key', { 'flock-id': 'flock:1' }, "Operation 'add-flock-api-key' needs input 'note'."],
    ['a missing flock id (list)', 'list-flock-api-keys', {}, "Operation 'list-flock-api-keys' needs input 'flock-id'."],
    ['a missing Flock key to remove', 'remove-flock-api-key', {}, "Operation 'remove-flock-api-key' needs input 'remove-auth-token'."],
    ['a bad include-secrets', 'list-api-keys', { 'include-secrets': 'please' }, "Input 'include-secrets' must be true or false (as GitHub reads booleans: true, True, TRUE, false, False or FALSE), not 'please'."],
    ['disable-api without confirm', 'disable-api', {}, /^Operation 'disable-api' turns off the API for the whole Console: .* Set input 'confirm: disable-api' to run it\.$/],
    ['disable-api with a wrong confirm', 'disable-api', { confirm: 'yes' }, /Set input 'confirm: disable-api' to run it; 'confirm' is 'yes'\.$/],
    ['download-api-key with a path outside the workspace', 'download-api-key', { 'key-id': 'k', path: '../elsewhere' }, /Input 'path' must point inside/]
  ])('%s', async (_name, operation, values, message) => {
    const error = await parseError(operation, values)
    if (typeof message === 'string') expect(error).toBe(message)
    else expect(error).toMatch(message)
  })

  it('accepts every documented type, and a Flock key without one', async () => {
    for (const type of ['read-only', 'analyst', 'admin']) {
      expect(await (await findOperation('add-api-key')).parse(inputsFrom({ 'auth-token-type': type, note: 'n' }), env())).toEqual({ authTokenType: type, note: 'n' })
    }
    for (const type of ['read-only', 'canarytoken-deploy', 'breadcrumb-deploy', 'analyst', 'admin']) {
      expect(await (await findOperation('add-flock-api-key')).parse(inputsFrom({ 'flock-id': 'flock:f', 'auth-token-type': type, note: 'n' }), env())).toMatchObject({ authTokenType: type })
    }
    expect(await (await findOperation('add-flock-api-key')).parse(inputsFrom({ 'flock-id': 'flock:f', note: 'n' }), env())).toEqual({ flockId: 'flock:f', note: 'n', authTokenType: undefined })
    // Case does not matter (the Console itself answers 'Admin'); the Console's own spelling is sent.
    expect(await (await findOperation('add-api-key')).parse(inputsFrom({ 'auth-token-type': 'Admin', note: 'n' }), env())).toEqual({ authTokenType: 'admin', note: 'n' })
    expect(await (await findOperation('disable-api')).parse(inputsFrom({ confirm: 'disable-api' }), env())).toEqual({})
  })

  it('treats the Flock key to remove as a credential: masked before anything runs', async () => {
    expect(SECRET_INPUTS).toContain('remove-auth-token')
    for (const key of Object.keys(core.inputs)) delete core.inputs[key]
    Object.assign(core.inputs, { operation: 'remove-flock-api-key', console: 'http://example.com', 'auth-token': 'token-value-123456', 'remove-auth-token': 'flock-key-to-remove-98765' })
    await runAction()
    expect(core.setSecret).toHaveBeenCalledWith('flock-key-to-remove-98765')
    expect(core.setFailed).toHaveBeenCalledTimes(1)
  })
})

describe('Global API keys', () => {
  it('adds a key: form body, masked key as output, no key in the summary or the log', async () => {
    const seen = answer('POST', '/api/v1/auth_token/add', 200, { global_api_key: KEY, result: 'success' })
    const result = await perform('add-api-key', { 'auth-token-type': 'admin', note: 'Infrastructure Team' })
    expect(seen.body).toBe('auth_token_type=admin&note=Infrastructure+Team')
    expect(core.setSecret).toHaveBeenCalledWith(NEW_TOKEN)
    expect(result.outputs).toEqual({ 'key-id': 'a1b2c3d4', 'api-key': NEW_TOKEN, 'auth-token-type': 'Admin', note: 'Infrastructure Team' })
    expect(result.summary.columns).toEqual(['Key id', 'Type', 'Note', 'Created', 'Created by'])
    expect(result.summary.rows).toEqual([['a1b2c3d4', 'Admin', 'Infrastructure Team', KEY.created, KEY.created_by]])
    expect(JSON.stringify(result.summary)).not.toContain(NEW_TOKEN)
    expect(logged.join('\n')).not.toContain(NEW_TOKEN)
    expect(logged).toContain('Added Global API key a1b2c3d4 (Admin).')
  })

  it.each([
    ['add-api-key', '/api/v1/auth_token/add', 'global_api_key', { 'auth-token-type': 'admin', note: 'n' }],
    ['add-flock-api-key', '/api/v1/flock/auth_token/add', 'flock_api_key', { 'flock-id': 'flock:1', note: 'n' }]
  ])('%s masks the new key itself, not only through the transport scanning answers for secret fields', async (operation, path, field, values) => {
    answer('POST', path, 200, { [field]: KEY, result: 'success' })
    const result = await perform(operation, values, { findSecrets: () => [] })
    expect(result.outputs['api-key']).toBe(NEW_TOKEN)
    expect(core.setSecret).toHaveBeenCalledWith(NEW_TOKEN)
  })

  it('fails naming the call when a success answer has no global_api_key at all (the key may have been made: not sent again)', async () => {
    answer('POST', '/api/v1/auth_token/add', 200, { result: 'success' })
    await expect(perform('add-api-key', { 'auth-token-type': 'admin', note: 'n' })).rejects.toMatchObject({
      message: 'HTTP 200: the Console answered "success" without the "global_api_key" object; it may have been carried out all the same: check the Console before trying again',
      tried: `POST /api/v1/auth_token/add at ${new URL(ORIGIN).origin}`
    })
  })

  it('fails when a success answer carries no key, rather than giving an empty output', async () => {
    answer('POST', '/api/v1/auth_token/add', 200, { result: 'success', global_api_key: { key_id: 'k1' } })
    await expect(perform('add-api-key', { 'auth-token-type': 'admin', note: 'n' })).rejects.toThrow(
      'the Console answered "success" without a global_api_key holding a key_id and an auth_token; list the keys to see whether one was added'
    )
  })

  it('lists keys without their tokens, masking every token anyway', async () => {
    const other = { ...KEY, key_id: 'ffffffff', auth_token: OLD_TOKEN, auth_token_type: 'Read-Only', note: 'CI' }
    answer('GET', '/api/v1/auth_token/list', 200, { global_api_keys: [KEY, other], result: 'success' })
    const result = await perform('list-api-keys', {})
    expect(core.setSecret).toHaveBeenCalledWith(NEW_TOKEN)
    expect(core.setSecret).toHaveBeenCalledWith(OLD_TOKEN)
    const listed = JSON.parse(String(result.outputs['api-keys'])) as Record<string, unknown>[]
    expect(listed).toEqual([
      { auth_token_type: 'Admin', created: KEY.created, created_by: KEY.created_by, key_id: 'a1b2c3d4', note: 'Infrastructure Team' },
      { auth_token_type: 'Read-Only', created: KEY.created, created_by: KEY.created_by, key_id: 'ffffffff', note: 'CI' }
    ])
    expect(result.outputs.count).toBe(2)
    expect(result.summary.rows.map((row) => row[0])).toEqual(['a1b2c3d4', 'ffffffff'])
    expect(JSON.stringify(result)).not.toContain(OLD_TOKEN)
    expect(JSON.stringify(result)).not.toContain(NEW_TOKEN)
  })

  it('keeps the tokens in api-keys only with include-secrets: true', async () => {
    answer('GET', '/api/v1/auth_token/list', 200, { global_api_keys: [KEY], result: 'success' })
    const result = await perform('list-api-keys', { 'include-secrets': 'true' })
    expect(JSON.parse(String(result.outputs['api-keys']))).toEqual([KEY])
    expect(JSON.stringify(result.summary)).not.toContain(NEW_TOKEN)
  })

  it('reports an empty list as zero keys', async () => {
    answer('GET', '/api/v1/auth_token/list', 200, { global_api_keys: [], result: 'success' })
    const result = await perform('list-api-keys', {})
    expect(result.outputs).toEqual({ 'api-keys': '[]', count: 0 })
    expect(result.summary.rows).toEqual([])
    expect(result.summary.empty).toBe('No API keys.')
  })

  it('removes a key with DELETE and a form body', async () => {
    const seen = answer('DELETE', '/api/v1/auth_token/remove', 200, { result: 'success' })
    const result = await perform('remove-api-key', { 'key-id': 'a1b2c3d4' })
    expect(seen).toEqual({ method: 'DELETE', path: '/api/v1/auth_token/remove', body: 'key_id=a1b2c3d4' })
    expect(result.outputs).toEqual({ 'key-id': 'a1b2c3d4', response: '{"result":"success"}' })
  })

  it('passes on the Console message when the key does not exist', async () => {
    answer('DELETE', '/api/v1/auth_token/remove', 400, { result: 'error', message: 'Key not found' })
    await expect(perform('remove-api-key', { 'key-id': 'nope' })).rejects.toThrow('HTTP 400: Key not found')
  })

  it('downloads the configuration file owner-only, every value in it masked', async () => {
    const config = `[CanaryTools]\napi_key = ${NEW_TOKEN}\ndomain = abc\n`
    const seen = answer('GET', '/api/v1/auth_token/download?key_id=a1b2c3d4', 200, config, {
      'content-type': 'text/plain',
      'content-disposition': 'attachment; filename=canarytools.config'
    })
    const result = await perform('download-api-key', { 'key-id': 'a1b2c3d4', path: 'keys' })
    expect(seen.method).toBe('GET')
    const file = join(workspace, 'keys', 'canarytools.config')
    expect(result.outputs).toEqual({ 'key-id': 'a1b2c3d4', 'file-path': file })
    expect(await readFile(file, 'utf8')).toBe(config)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(core.setSecret).toHaveBeenCalledWith(NEW_TOKEN)
    expect(result.artifact).toBeUndefined()
    expect(logged.join('\n')).not.toContain(NEW_TOKEN)
  })

  it('names the file canarytools.config when the Console gives no usable name', async () => {
    answer('GET', '/api/v1/auth_token/download?key_id=k', 200, `api_key = ${NEW_TOKEN}\n`, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename=..' })
    const result = await perform('download-api-key', { 'key-id': 'k' })
    expect(result.outputs['file-path']).toBe(join(workspace, 'canary-console-action', 'canarytools.config'))
  })
})

describe('the API switch', () => {
  it('enables the API', async () => {
    const seen = answer('POST', '/api/v1/settings/api/enable', 200, { result: 'success' })
    const result = await perform('enable-api', {})
    expect(seen).toEqual({ method: 'POST', path: '/api/v1/settings/api/enable', body: '' })
    expect(result.summary.rows).toEqual([['enabled']])
  })

  it('says where the API can be turned back on when the Console refuses to enable it', async () => {
    answer('POST', '/api/v1/settings/api/enable', 403, { result: 'error', message: 'API is disabled' })
    await expect(perform('enable-api', {})).rejects.toThrow(
      /^HTTP 403: the Console rejected the auth token \(API is disabled\)\. .* If the Console's API is turned off, only its Global Settings page can turn it back on\.$/
    )
  })

  it('disables the API when confirmed, with a warning', async () => {
    const seen = answer('POST', '/api/v1/settings/api/disable', 200, { result: 'success' })
    const result = await perform('disable-api', { confirm: 'disable-api' })
    expect(seen.path).toBe('/api/v1/settings/api/disable')
    expect(result.summary.rows).toEqual([['disabled']])
    expect(logged).toContain("warning: Turned off the Console's API: every API key now gets refused until it is turned on again.")
  })
})

describe('Flock API keys', () => {
  const flockKey = () => ({ ...KEY, auth_token_type: 'canarytoken-deploy', managed_flocks: ['flock:1'], watched_flocks: [] })

  it('adds a key for a flock, sending the type only when given', async () => {
    const FLOCK_KEY = flockKey()
    const typed = answer('POST', '/api/v1/flock/auth_token/add', 200, { flock_api_key: FLOCK_KEY, result: 'success' })
    const result = await perform('add-flock-api-key', { 'flock-id': 'flock:1', note: 'deploys', 'auth-token-type': 'canarytoken-deploy' })
    expect(typed.body).toBe('flock_id=flock%3A1&note=deploys&auth_token_type=canarytoken-deploy')
    expect(result.outputs).toEqual({ 'key-id': 'a1b2c3d4', 'api-key': NEW_TOKEN, 'auth-token-type': 'canarytoken-deploy', note: 'Infrastructure Team' })
    expect(core.setSecret).toHaveBeenCalledWith(NEW_TOKEN)

    const untyped = answer('POST', '/api/v1/flock/auth_token/add', 200, { flock_api_key: FLOCK_KEY, result: 'success' })
    await perform('add-flock-api-key', { 'flock-id': 'flock:1', note: 'deploys' })
    expect(untyped.body).toBe('flock_id=flock%3A1&note=deploys')
  })

  it("lists a flock's keys without their tokens", async () => {
    const FLOCK_KEY = flockKey()
    const seen = answer('GET', '/api/v1/flock/auth_token/list?flock_id=flock%3A1', 200, { flock_api_keys: [FLOCK_KEY], result: 'success' })
    const result = await perform('list-flock-api-keys', { 'flock-id': 'flock:1' })
    expect(seen.method).toBe('GET')
    const [listed] = JSON.parse(String(result.outputs['api-keys'])) as Record<string, unknown>[]
    expect(listed).toMatchObject({ key_id: 'a1b2c3d4', managed_flocks: ['flock:1'] })
    expect(listed).not.toHaveProperty('auth_token')
    expect(result.outputs.count).toBe(1)
    expect(result.summary.heading).toBe('Flock API keys of flock:1')
  })

  it('removes a key named by itself, in a POST form body, never in the URL', async () => {
    const seen = answer('POST', '/api/v1/flock/auth_token/remove', 200, { result: 'success' })
    const result = await perform('remove-flock-api-key', { 'remove-auth-token': NEW_TOKEN })
    expect(seen).toEqual({ method: 'POST', path: '/api/v1/flock/auth_token/remove', body: `remove_auth_token=${NEW_TOKEN}` })
    expect(JSON.stringify(result)).not.toContain(NEW_TOKEN)
  })

  it('fails when a success answer has no list', async () => {
    answer('GET', '/api/v1/flock/auth_token/list?flock_id=flock%3Af', 200, { result: 'success' })
    // What was tried and where goes with it: the step's error line names the Console.
    await expect(perform('list-flock-api-keys', { 'flock-id': 'flock:f' })).rejects.toMatchObject({
      message: 'HTTP 200: the Console answered "success" without the "flock_api_keys" list',
      tried: `GET /api/v1/flock/auth_token/list at ${new URL(ORIGIN).origin}`
    })
  })
})
