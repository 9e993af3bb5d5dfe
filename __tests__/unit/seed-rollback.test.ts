import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import type { Canarytoken } from '../../src/backends/console/canarytokens.js'
import type { HttpTransport, Endpoint, Params } from '../../src/http/transport.js'
import type { SeedEntry } from '../../src/operations/seed-manifest.js'
import type { Log, RunEnvironment } from '../../src/operations/types.js'

jest.unstable_mockModule('@actions/core', () => core)
const { ApiError } = await import('../../src/http/errors.js')
const { seedOperation } = await import('../../src/operations/seed.js')
const { ConsoleBackend } = await import('../../src/backends/console/index.js')

const env: RunEnvironment = { workspace: '/tmp', runnerTemp: '', artifactRuntime: false }
beforeAll(async () => {
  env.runnerTemp = await mkdtemp(join(tmpdir(), 'canary-unit-seed-'))
})
afterAll(async () => {
  await rm(env.runnerTemp, { recursive: true, force: true })
})

const entry = (name: string, memo: string): SeedEntry => ({ name, kind: 'dns', memo, request: { kind: 'dns', memo, params: {}, files: {} }, templates: [] })

/** A Console holding `existing`; creates succeed except for memos in `refused`; every delete is recorded. */
function fakeConsole(existing: Canarytoken[], refused: Set<string>) {
  const deleted: string[] = []
  const created: string[] = []
  let next = 0
  const call = async (endpoint: Endpoint, params: Params = {}) => {
    const path = endpoint.path
    if (path.endsWith('/search') || path.endsWith('/paginate')) {
      return { result: 'success', canarytokens: existing.filter((token) => params.kind === undefined || token.kind === params.kind), cursor: { next: null } }
    }
    if (path.endsWith('/fetch')) return { result: 'success', token: existing.find((token) => token.canarytoken === params.canarytoken) }
    if (path.endsWith('/create')) {
      const memo = String(params.memo)
      if (refused.has(memo)) throw new ApiError('HTTP 400: Could not process the parameters', 'http-status', 400, 'Could not process the parameters')
      const token = { canarytoken: `new${++next}`, kind: 'dns', memo, enabled: true, created: String(Date.now() / 1000), hostname: `new${next}.example` }
      created.push(token.canarytoken)
      existing.push(token)
      return { result: 'success', canarytoken: token }
    }
    if (path.endsWith('/delete')) {
      deleted.push(String(params.canarytoken))
      return { result: 'success' }
    }
    throw new Error(`unexpected ${path}`)
  }
  return { transport: { call } as unknown as HttpTransport, deleted, created }
}

const log: Log = { info: () => undefined, warning: () => undefined, debug: () => undefined }

describe('seed rollback', () => {
  it('deletes only the tokens this run minted, never a reused one', async () => {
    const reused: Canarytoken = { canarytoken: 'old1', kind: 'dns', memo: 'already there', enabled: true, created: '1700000000', hostname: 'old1.example' }
    const console_ = fakeConsole([reused], new Set(['refused']))
    const manifest = { entries: [entry('kept', 'already there'), entry('fresh', 'made now'), entry('broken', 'refused')], templates: [] }
    const result = await seedOperation.run({ manifest, reuse: true, keepOnFailure: false, concurrency: 3, artifact: undefined }, { backend: new ConsoleBackend(console_.transport, new URL('https://example.canary.tools')), env, log })
    expect(result.failure).toMatch(/entry 'broken'/)
    expect(console_.created).toEqual(['new1'])
    expect(console_.deleted).toEqual(['new1'])
    expect(console_.deleted).not.toContain('old1')
  })

  it('with keep-on-failure: true deletes nothing', async () => {
    const console_ = fakeConsole([], new Set(['refused']))
    const manifest = { entries: [entry('fresh', 'made now'), entry('broken', 'refused')], templates: [] }
    const result = await seedOperation.run({ manifest, reuse: false, keepOnFailure: true, concurrency: 2, artifact: undefined }, { backend: new ConsoleBackend(console_.transport, new URL('https://example.canary.tools')), env, log })
    expect(result.failure).toMatch(/entry 'broken'/)
    expect(console_.deleted).toEqual([])
  })
})
