import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MockAgent } from 'undici'
import { mockWire } from './mock-wire.js'
import * as core from '../../__fixtures__/core.js'
import { consoleDialect, errorForAnswer } from '../../src/backends/console/dialect.js'
const { ConsoleBackend } = await import('../../src/backends/console/index.js')

jest.unstable_mockModule('@actions/core', () => core)
const { HttpTransport } = await import('../../src/http/transport.js')
const { findSecretValues, redact, registerSecret } = await import('../../src/secrets.js')
const { findOperation } = await import('../../src/operations/index.js')
const { inputsFrom } = await import('../../src/inputs.js')

/**
 * The JSON example answers of Thinkst's reference (__tests__/fixtures/reference,
 * one file per endpoint, each naming its page): every operation that reads
 * them accepts them, and no secret in them reaches an output or the log.
 */
interface Fixture {
  endpoint: string
  source: string
  response: Record<string, unknown>
}
const folder = new URL('../fixtures/reference/', import.meta.url)
const fixtures = Object.fromEntries(
  readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Fixture])
)
const fixture = (name: string): Fixture => {
  const found = fixtures[name]
  if (!found) throw new Error(`no fixture ${name}`)
  return found
}

const CONSOLE = 'https://example.canary.tools'
let agent: MockAgent
let workspace: string

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'reference-fixtures-'))
})
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
})
beforeEach(() => {
  agent = new MockAgent()
  agent.disableNetConnect()
})

/** Answers `method path` (any query) with a fixture's response. */
function serve(name: string, times = 1): void {
  const [method, path] = fixture(name).endpoint.split(' ') as [string, string]
  agent
    .get(CONSOLE)
    .intercept({ method, path: (requested: string) => requested.split('?')[0] === path })
    .reply(200, fixture(name).response, { headers: { 'content-type': 'application/json' } })
    .times(times)
}

async function runOperation(name: string, inputs: Record<string, string>) {
  const operation = await findOperation(name)
  const env = { workspace, runnerTemp: workspace, artifactRuntime: false }
  const params = await operation.parse(inputsFrom(inputs), env)
  const transport = new HttpTransport({
    baseUrl: new URL(CONSOLE),
    dialect: consoleDialect('the-auth-token-value'),
    timeoutMs: 1000,
    userAgent: 'test',
    retry: { retries: 0 },
    onSecret: registerSecret,
    findSecrets: findSecretValues,
    client: mockWire(agent)
  })
  const lines: string[] = []
  const log = { info: (line: string) => lines.push(line), warning: (line: string) => lines.push(line), debug: (line: string) => lines.push(line) }
  const result = await operation.run(params, { backend: new ConsoleBackend(transport, new URL('https://example.canary.tools')), env, log })
  await agent.close()
  return { result, lines }
}

/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings)
  return []
}

/**
 * Every secret of the answers: the reference's own placeholders for
 * credentials (`<factory_auth_token>`, `<aws_secret_access_key>`,
 * `<auth_token>`, ...: found by their names, not by the code under test),
 * what the code finds, and each credential line's value.
 */
function secretsOf(...names: string[]): string[] {
  const placeholders = names.flatMap((name) => strings(fixture(name).response)).filter((value) => /^<[^<>]*(auth|secret)[^<>]*>$/i.test(value))
  const values = [...new Set([...placeholders, ...names.flatMap((name) => findSecretValues(fixture(name).response))])]
  const lines = values.flatMap((value) => value.split('\n').map((line) => /=\s*(\S+)\s*$/.exec(line)?.[1]).filter((line): line is string => line !== undefined))
  return [...values, ...lines]
}

/** Outputs that deliver a new key on purpose (masked by the runner, for the next step to use). */
const KEY_OUTPUTS = new Set(['api-key'])

function expectMasked(result: { outputs: Record<string, unknown>; summary: unknown }, lines: string[], secrets: string[]): void {
  // Every secret registered so far in this file (a secret is registered once per process).
  const masked = core.setSecret.mock.calls.map((call) => call[0])
  const outputs = Object.fromEntries(Object.entries(result.outputs).filter(([name]) => !KEY_OUTPUTS.has(name)))
  const shown = JSON.stringify([outputs, result.summary, lines])
  for (const secret of secrets) {
    expect([secret, shown.includes(secret)]).toEqual([secret, false])
    if (!secret.includes('\n')) expect([secret, masked.includes(secret)]).toEqual([secret, true])
    expect(redact(`x ${secret} y`).replace(/\s+/g, ' ')).toBe('x *** y')
  }
}

describe('the reference example answers', () => {
  it('are one file per endpoint, each naming its page', () => {
    expect(Object.keys(fixtures).length).toBeGreaterThanOrEqual(19)
    for (const [name, { endpoint, source }] of Object.entries(fixtures)) {
      expect([name, endpoint]).toEqual([name, expect.stringMatching(/^(GET|POST|DELETE|any) /)])
      expect([name, source]).toEqual([name, expect.stringMatching(/^thinkst\/canarytools-docs docs\/[\w/-]+\.md, /)])
    }
  })

  it('show secrets where we look for them: factory_auth, AWS keys, API keys', () => {
    expect(secretsOf('canarytokens-search')).toEqual(expect.arrayContaining(['<factory_auth_token>', '<aws_secret_access_key>']))
    expect(secretsOf('canarytokens-paginate')).toContain('<factory_auth_token>')
    expect(secretsOf('auth_token-add', 'auth_token-list')).toContain('<auth_token>')
    expect(secretsOf('flock-auth_token-add')).toContain('<flock_auth_token>')
  })

  it.each([
    ['create-canarytoken', { kind: 'http', memo: 'Example Memo' }, ['canarytoken-create']],
    ['fetch-canarytoken', { canarytoken: 'tok' }, ['canarytoken-fetch']],
    ['update-canarytoken', { canarytoken: 'tok', memo: 'Updated Example Memo' }, ['canarytoken-update']],
    ['enable-canarytoken', { canarytoken: 'tok' }, ['canarytoken-enable', 'canarytoken-fetch']],
    ['disable-canarytoken', { canarytoken: 'tok' }, ['canarytoken-disable', 'canarytoken-fetch']],
    ['delete-canarytoken', { canarytoken: 'tok' }, ['canarytoken-delete']],
    ['remove-s3-canarytoken', { canarytoken: 'tok', 'aws-access-key': 'AKIAEXAMPLE', 'aws-secret-key': 'secret/EXAMPLE/key', 'aws-region': 'us-east-2' }, ['canarytoken-remove-s3']],
    ['list-canarytokens', { kind: 'aws-id' }, ['canarytokens-search']],
    ['cleanup-canarytokens', { action: 'disable', kind: 'aws-id', 'dry-run': 'true' }, ['canarytokens-search']],
    ['add-api-key', { 'auth-token-type': 'admin', note: 'Infrastructure Team' }, ['auth_token-add']],
    ['list-api-keys', {}, ['auth_token-list']],
    ['remove-api-key', { 'key-id': 'abc' }, ['auth_token-remove']],
    ['enable-api', {}, ['settings-api-enable']],
    ['disable-api', { confirm: 'disable-api' }, ['settings-api-disable']],
    ['add-flock-api-key', { 'flock-id': 'flock:x', note: 'n' }, ['flock-auth_token-add']],
    ['list-flock-api-keys', { 'flock-id': 'flock:x' }, ['flock-auth_token-list']],
    ['remove-flock-api-key', { 'remove-auth-token': 'the-flock-key-being-removed' }, ['flock-auth_token-remove']]
  ])('%s accepts them and lets no secret out', async (operation, inputs, answers) => {
    for (const name of answers) serve(name)
    const { result, lines } = await runOperation(operation, inputs)
    expect(result.failure).toBeUndefined()
    expectMasked(result, lines, secretsOf(...answers))
  })

  it('list-canarytokens walks paginate by its cursor and masks every token it read', async () => {
    const first = fixture('canarytokens-paginate').response
    agent
      .get(CONSOLE)
      .intercept({ method: 'GET', path: (path: string) => path.startsWith('/api/v1/canarytokens/paginate') && !path.includes('cursor=') })
      .reply(200, first)
    agent
      .get(CONSOLE)
      .intercept({ method: 'GET', path: (path: string) => path.includes(`cursor=${(first.cursor as { next: string }).next}`) })
      .reply(200, { ...first, canarytokens: [], cursor: { next: null, next_link: null, prev: null, prev_link: null }, page_num: 2 })
    const { result, lines } = await runOperation('list-canarytokens', {})
    // The reference's three tokens share one placeholder id, '<token_code>', and a listing holds each token once.
    expect(result.outputs.count).toBe(1)
    expectMasked(result, lines, secretsOf('canarytokens-paginate'))
    // next_link carries the auth token: never followed, never shown.
    expect(JSON.stringify(result.outputs)).not.toContain('EXAMPLE_AUTH_TOKEN')
  })

  it('takes both documented authentication failures for what they are', () => {
    for (const name of ['error-invalid-auth-token', 'error-unauthorized']) {
      expect(errorForAnswer(200, 'application/json', JSON.stringify(fixture(name).response))?.failure).toBe('unauthorized')
    }
  })
})
