import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MockAgent } from 'undici'
import { mockWire } from './mock-wire.js'
import { createCanarytoken, deleteCanarytoken, findCanarytokens } from '../../src/backends/console/canarytokens.js'
import { ApiError, wasDoneByEarlierAttempt } from '../../src/http/errors.js'
import { HttpTransport, DEFAULT_RETRY_POLICY, retryAfterMs, retryDelayMs, type Endpoint, type TransportOptions } from '../../src/http/transport.js'
import { findSecretValues } from '../../src/secrets.js'
import { consoleDialect } from '../../src/backends/console/dialect.js'

const ORIGIN = 'https://abc.canary.tools'
const AUTH_TOKEN = 'the-auth-token-value-1234'
const FETCH: Endpoint = { method: 'GET', path: '/api/v1/canarytoken/fetch' }
const CREATE: Endpoint = { method: 'POST', path: '/api/v1/canarytoken/create', repeatable: false }
const DELETE: Endpoint = { method: 'POST', path: '/api/v1/canarytoken/delete', repeatable: true }
const isSearch = (path: string): boolean => path.startsWith('/api/v1/canarytokens/search?')
const isFetchOf = (id: string) => (path: string) => path === `/api/v1/canarytoken/fetch?canarytoken=${id}`

function connectionError(code: string): Error {
  return Object.assign(new Error(`socket trouble ${code}`), { code })
}

describe('retryAfterMs', () => {
  it('reads delta seconds', () => {
    expect(retryAfterMs('7')).toBe(7000)
    expect(retryAfterMs(' 0 ')).toBe(0)
  })
  it('reads an HTTP date, relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0)
  })
  it('ignores what it cannot read', () => {
    expect(retryAfterMs(undefined)).toBeUndefined()
    expect(retryAfterMs('')).toBeUndefined()
    expect(retryAfterMs('soon')).toBeUndefined()
    expect(retryAfterMs('-5')).toBeUndefined()
  })
})

describe('retryDelayMs', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 5000, maxRetryAfterMs: 20_000 }
  it('doubles the wait with each attempt, jittered within its upper half, up to the cap', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy, attempt, undefined, () => 0))).toEqual([500, 1000, 2000, 2500])
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(policy, attempt, undefined, () => 1))).toEqual([1000, 2000, 4000, 5000])
    const jittered = retryDelayMs(policy, 2, undefined, () => 0.5)
    expect(jittered).toBe(1500)
  })
  it("honours the Console's Retry-After, capped", () => {
    expect(retryDelayMs(policy, 1, '3', () => 1)).toBe(3000)
    expect(retryDelayMs(policy, 3, '3', () => 1)).toBe(3000)
    expect(retryDelayMs(policy, 1, '3600', () => 1)).toBe(20_000)
  })
})

describe('HttpTransport retries', () => {
  let agent: MockAgent
  let waits: number[]
  let logs: string[]
  const transport = (options: Partial<TransportOptions> = {}) =>
    new HttpTransport({
      baseUrl: new URL(ORIGIN),
      dialect: consoleDialect(AUTH_TOKEN),
      timeoutMs: 1000,
      userAgent: 'test',
      onSecret: () => undefined,
      findSecrets: findSecretValues,
      client: mockWire(agent),
      logger: { debug: (message) => logs.push(`debug: ${message}`), info: (message) => logs.push(message) },
      sleep: async (ms) => {
        waits.push(ms)
      },
      ...options
    })
  const pool = () => agent.get(ORIGIN)

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    waits = []
    logs = []
  })
  afterEach(async () => {
    await agent.close()
  })

  it('retries 503 twice, then returns the success, logging each retry', async () => {
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(503, { result: 'error', message: 'Service Unavailable' }).times(2)
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(200, { result: 'success', token: { canarytoken: 't1' } })
    const answer = await transport().call(FETCH, { canarytoken: 't1' })
    expect(answer).toEqual({ result: 'success', token: { canarytoken: 't1' } })
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThanOrEqual(500)
    expect(waits[0]).toBeLessThanOrEqual(1000)
    expect(waits[1]).toBeGreaterThanOrEqual(1000)
    expect(waits[1]).toBeLessThanOrEqual(2000)
    const retries = logs.filter((line) => !line.startsWith('debug:'))
    expect(retries).toHaveLength(2)
    expect(retries[0]).toMatch(/^GET \/api\/v1\/canarytoken\/fetch: attempt 1 of 4 failed \(HTTP 503: Service Unavailable\); trying again in \d+(\.\d)? s\.$/)
    expect(retries[1]).toMatch(/^GET \/api\/v1\/canarytoken\/fetch: attempt 2 of 4 failed/)
  })

  it('waits as long as Retry-After asks on 429, and says so', async () => {
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(429, { result: 'error', message: 'Slow down' }, { headers: { 'retry-after': '7' } })
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(200, { result: 'success', token: { canarytoken: 't1' } })
    await transport().call(FETCH, { canarytoken: 't1' })
    expect(waits).toEqual([7000])
    expect(logs).toContain('GET /api/v1/canarytoken/fetch: attempt 1 of 4 failed (HTTP 429: Slow down); trying again in 7 s (the Console asked for this wait with Retry-After).')
  })

  it('stops after the retries, naming the attempts and keeping the last answer', async () => {
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(503, { result: 'error', message: 'Maintenance' }).times(3)
    const error = await transport({ retry: { retries: 2 } })
      .call(FETCH, { canarytoken: 't1' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ message: 'HTTP 503: Maintenance', status: 503, attempts: 3, serverMessage: 'Maintenance' })
    expect(waits).toHaveLength(2)
  })

  it('names the status of a final HTML error page without its content', async () => {
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(502, '<html><body>Bad Gateway</body></html>', { headers: { 'content-type': 'text/html' } }).times(2)
    const error = await transport({ retry: { retries: 1 } })
      .call(FETCH, { canarytoken: 't1' })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ message: 'HTTP 502: the answer was not JSON (text/html, 37 bytes)', attempts: 2 })
  })

  it.each([
    [400, { result: 'error', message: 'Could not find the Canarytoken' }],
    [401, { result: 'error', message: 'Unauthorized' }],
    [404, { result: 'error', message: 'Not found' }],
    [500, { result: 'error', message: 'Internal error' }],
    [200, { result: 'error', message: 'Empty memo' }]
  ])('never retries HTTP %p', async (status, body) => {
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(status, body)
    const error = await transport()
      .call(FETCH, { canarytoken: 't1' })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ attempts: 1, status })
    expect(waits).toEqual([])
  })

  it('retries a broken connection, but not a name that does not resolve or a TLS failure', async () => {
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).replyWithError(connectionError('ECONNRESET'))
    pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).reply(200, { result: 'success', token: { canarytoken: 't1' } })
    await expect(transport().call(FETCH, { canarytoken: 't1' })).resolves.toMatchObject({ result: 'success' })
    expect(waits).toHaveLength(1)
    expect(logs.find((line) => !line.startsWith('debug:'))).toMatch(/failed \(the connection to https:\/\/abc\.canary\.tools broke \(ECONNRESET: the connection was closed by the other end\)\)/)

    for (const code of ['ENOTFOUND', 'CERT_HAS_EXPIRED']) {
      pool().intercept({ path: isFetchOf('t1'), method: 'GET' }).replyWithError(connectionError(code))
      await expect(transport().call(FETCH, { canarytoken: 't1' })).rejects.toMatchObject({ failure: 'network', attempts: 1 })
    }
    expect(waits).toHaveLength(1)
  })

  it('never puts the auth token or parameters in a retry log line', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    pool().intercept({ path: '/api/v1/canarytoken/remove/s3', method: 'POST' }).reply(503, { result: 'error', message: 'busy' })
    pool().intercept({ path: '/api/v1/canarytoken/remove/s3', method: 'POST' }).reply(200, { result: 'success' })
    await transport().call({ method: 'POST', path: '/api/v1/canarytoken/remove/s3', repeatable: true }, { canarytoken: 't1', aws_secret_key: secret })
    expect(logs.length).toBeGreaterThan(1)
    for (const line of logs) {
      expect(line).not.toContain(AUTH_TOKEN)
      expect(line).not.toContain(secret)
    }
  })

  describe('calls that are not safe to repeat', () => {
    it('are not sent again after a failure the Console may have acted on, without a way to check', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(504, { result: 'error', message: 'Gateway Timeout' })
      const error = await transport()
        .call(CREATE, { kind: 'dns', memo: 'm' })
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({
        attempts: 1,
        message: 'HTTP 504: Gateway Timeout; not sent again: the Console may have acted on it, and this call is not safe to repeat'
      })
      expect(waits).toEqual([])
    })

    it('are sent again after 429 and after a refused connection, where the Console did nothing', async () => {
      let checks = 0
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(429, { result: 'error', message: 'Too many' }, { headers: { 'retry-after': '1' } })
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).replyWithError(connectionError('ECONNREFUSED'))
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(200, { result: 'success', canarytoken: { canarytoken: 'new' } })
      const answer = await transport().call(CREATE, { kind: 'dns', memo: 'm' }, {}, async () => {
        checks++
        return undefined
      })
      expect(answer).toMatchObject({ canarytoken: { canarytoken: 'new' } })
      expect(checks).toBe(0)
      expect(waits).toHaveLength(2)
      expect(waits[0]).toBe(1000)
    })

    it('ask the recovery first: its answer settles the call', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).replyWithError(connectionError('ECONNRESET'))
      const failures: string[] = []
      const answer = await transport().call(CREATE, { kind: 'dns', memo: 'm' }, {}, async (failure) => {
        failures.push(failure.message)
        return { result: 'success' as const, canarytoken: { canarytoken: 'made-anyway' } }
      })
      expect(answer).toMatchObject({ canarytoken: { canarytoken: 'made-anyway' } })
      expect(failures).toEqual(['the connection to https://abc.canary.tools broke (ECONNRESET: the connection was closed by the other end)'])
      expect(waits).toEqual([])
      expect(logs).toContain('POST /api/v1/canarytoken/create: the Console had acted on attempt 1; not sending it again.')
    })

    it('are checked even when no retry is left, and after a 500', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(500, { result: 'error', message: 'Internal error' })
      let checks = 0
      const answer = await transport({ retry: { retries: 0 } }).call(CREATE, { kind: 'dns', memo: 'm' }, {}, async () => {
        checks++
        return { result: 'success' as const, canarytoken: { canarytoken: 'made' } }
      })
      expect(answer).toMatchObject({ canarytoken: { canarytoken: 'made' } })
      expect(checks).toBe(1)
    })

    it('are not checked after a refusal (4xx) or when the request never left (DNS, TLS)', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(400, { result: 'error', message: 'Supplied kind is not valid.' })
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).replyWithError(connectionError('ENOTFOUND'))
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).replyWithError(connectionError('ERR_TLS_CERT_ALTNAME_INVALID'))
      let checks = 0
      const check = async () => {
        checks++
        return undefined
      }
      await expect(transport().call(CREATE, { kind: 'nope', memo: 'm' }, {}, check)).rejects.toThrow('HTTP 400: Supplied kind is not valid.')
      await expect(transport().call(CREATE, { kind: 'dns', memo: 'm' }, {}, check)).rejects.toThrow("could not reach https://abc.canary.tools (ENOTFOUND: the name does not resolve; check 'console')")
      await expect(transport().call(CREATE, { kind: 'dns', memo: 'm' }, {}, check)).rejects.toThrow('could not reach https://abc.canary.tools (ERR_TLS_CERT_ALTNAME_INVALID: TLS failed: the certificate does not name this host)')
      expect(checks).toBe(0)
    })

    it('say why they were not sent again when checking failed', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(502, { result: 'error', message: 'Bad Gateway' })
      const error = await transport()
        .call(CREATE, { kind: 'dns', memo: 'm' }, {}, async () => {
          throw new Error('HTTP 503: search is down')
        })
        .catch((caught: unknown) => caught)
      expect(error).toMatchObject({
        attempts: 1,
        message: 'HTTP 502: Bad Gateway; the Console may have acted on it, so it was not sent again: HTTP 503: search is down'
      })
    })
  })

  describe('createCanarytoken', () => {
    const memo = 'octo/repo@abc1234 run 42: docs'
    const now = () => String(Math.floor(Date.now() / 1000))

    it('finds the token a lost create made, telling it from older namesakes and word-prefix hits, and makes no second one', async () => {
      let creates = 0
      let searches = 0
      pool()
        .intercept({ path: '/api/v1/canarytoken/create', method: 'POST' })
        .reply(() => {
          creates++
          return { statusCode: 504, data: { result: 'error', message: 'Gateway Timeout' } }
        })
      pool()
        .intercept({ path: isSearch, method: 'GET' })
        .reply((options) => {
          searches++
          const url = new URL(String(options.path), ORIGIN)
          // The memo's first word: a prefix of it under any way the Console splits words.
          expect(url.searchParams.get('search_string')).toBe('octo')
          expect(url.searchParams.get('kind')).toBe('dns')
          expect(url.searchParams.get('flock_id')).toBe('flock:ci')
          expect(url.searchParams.get('cursor')).toBeNull()
          return {
            statusCode: 200,
            data: {
              result: 'success',
              canarytokens: [
                { canarytoken: 'older', kind: 'dns', memo, flock_id: 'flock:ci', created: '1600000000' },
                { canarytoken: 'prefix', kind: 'dns', memo: `${memo} and more`, flock_id: 'flock:ci', created: now() },
                { canarytoken: 'other-kind', kind: 'http', memo, flock_id: 'flock:ci', created: now() }
              ],
              cursor: { next: 'page2', next_link: `${ORIGIN}/api/v1/canarytokens/search?auth_token=${AUTH_TOKEN}&cursor=page2` }
            }
          }
        })
      pool()
        .intercept({ path: isSearch, method: 'GET' })
        .reply((options) => {
          searches++
          expect(new URL(String(options.path), ORIGIN).searchParams.get('cursor')).toBe('page2')
          return {
            statusCode: 200,
            data: { result: 'success', canarytokens: [{ canarytoken: 'ours', kind: 'dns', memo, flock_id: 'flock:ci', created: now() }], cursor: { next: null } }
          }
        })
      pool()
        .intercept({ path: isFetchOf('ours'), method: 'GET' })
        .reply(200, { result: 'success', token: { canarytoken: 'ours', kind: 'dns', memo, hostname: 'ours.canarytokens.example' } })

      const answer = await createCanarytoken(transport(), { kind: 'dns', memo, flock_id: 'flock:ci' })
      expect(answer).toEqual({ result: 'success', canarytoken: { canarytoken: 'ours', kind: 'dns', memo, hostname: 'ours.canarytokens.example' } })
      expect(creates).toBe(1)
      expect(searches).toBe(2)
    })

    it('sends the create again when the Console had not made it', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).replyWithError(connectionError('HEADERS_TIMEOUT'))
      pool().intercept({ path: isSearch, method: 'GET' }).reply(200, { result: 'success', canarytokens: [], cursor: { next: null } })
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(200, { result: 'success', canarytoken: { canarytoken: 'second-try', kind: 'dns', memo } })
      const answer = await createCanarytoken(transport(), { kind: 'dns', memo })
      expect(answer.canarytoken.canarytoken).toBe('second-try')
      expect(waits).toHaveLength(1)
      expect(logs.filter((line) => !line.startsWith('debug:'))[0]).toMatch(/attempt 1 of 4 failed \(the Console did not answer within 1 s/)
    })

    it('refuses to guess when several fresh tokens carry the memo', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/create', method: 'POST' }).reply(503, { result: 'error', message: 'Unavailable' })
      pool()
        .intercept({ path: isSearch, method: 'GET' })
        .reply(200, {
          result: 'success',
          canarytokens: [
            { canarytoken: 'a1', kind: 'dns', memo, created: now() },
            { canarytoken: 'a2', kind: 'dns', memo, created: now() }
          ],
          cursor: { next: null }
        })
      await expect(createCanarytoken(transport(), { kind: 'dns', memo })).rejects.toThrow(
        'HTTP 503: Unavailable; the Console may have acted on it, so it was not sent again: 2 Canarytokens of this kind with this memo were made just now (a1, a2); check which to keep'
      )
    })
  })

  describe('findCanarytokens by memo (the one search behind create\'s check and reuse)', () => {
    it('searches by a bounded start of a long memo and compares the whole memo', async () => {
      const memo = `${'word'.repeat(2000)} end`
      let searched = ''
      pool()
        .intercept({ path: isSearch, method: 'GET' })
        .reply((options) => {
          searched = new URL(String(options.path), ORIGIN).searchParams.get('search_string') ?? ''
          return { statusCode: 200, data: { result: 'success', canarytokens: [{ canarytoken: 'a', kind: 'dns', memo }, { canarytoken: 'b', kind: 'dns', memo: `${memo}!` }], cursor: { next: null } } }
        })
      const found = await findCanarytokens(transport(), { kind: 'dns', memoEquals: memo })
      expect(found.map((token) => token.canarytoken)).toEqual(['a'])
      expect(searched).toBe(memo.slice(0, 200))
    })

    it('fails rather than loops when the Console hands back a cursor it gave before', async () => {
      pool()
        .intercept({ path: isSearch, method: 'GET' })
        .reply(200, { result: 'success', canarytokens: [{ canarytoken: 'x', kind: 'dns', memo: 'm' }], cursor: { next: 'same' } })
        .times(2)
      await expect(findCanarytokens(transport(), { kind: 'dns', memoEquals: 'm' })).rejects.toThrow(/cursor it had already given/)
    })
  })

  describe('deleteCanarytoken', () => {
    it('treats "not found" after a lost answer as done', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' }).reply(504, { result: 'error', message: 'Gateway Timeout' })
      pool().intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' }).reply(400, { result: 'error', message: 'Could not find the Canarytoken' })
      expect(await deleteCanarytoken(transport(), 't1')).toEqual({ result: 'success', alreadyDone: true })
    })

    it('still reports "not found" when no earlier attempt can have deleted it', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' }).reply(429, { result: 'error', message: 'Too many' })
      pool().intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' }).reply(400, { result: 'error', message: 'Could not find the Canarytoken' })
      const error = await deleteCanarytoken(transport(), 't1').catch((caught: unknown) => caught)
      expect(error).toMatchObject({ message: 'HTTP 400: Could not find the Canarytoken', attempts: 2, earlierAttemptMayHaveActed: false })
      expect(wasDoneByEarlierAttempt(error)).toBe(false)
    })

    it('retries a delete as a call safe to repeat', async () => {
      pool().intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' }).replyWithError(connectionError('ECONNRESET'))
      pool().intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' }).reply(200, { result: 'success' })
      expect(await transport().call(DELETE, { canarytoken: 't1' })).toEqual({ result: 'success' })
    })
  })
})

/** A real server: MockAgent applies no timeouts and cannot break a body halfway. */
describe('HttpTransport over a real socket', () => {
  let server: Server
  let requests: number
  let behave: (request: number, response: import('node:http').ServerResponse) => void
  let origin: string

  beforeEach(async () => {
    requests = 0
    server = createServer((_request, response) => behave(++requests, response))
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterEach(async () => {
    server.closeAllConnections()
    await new Promise((closed) => server.close(closed))
  })

  // The timeout is what the test waits out for a silent Console, and also all
  // an answered request gets on a busy CI machine before it is retried (and
  // counted twice): long enough for the second, short enough for the first.
  const transport = (timeoutMs: number) =>
    new HttpTransport({
      baseUrl: new URL(origin),
      dialect: consoleDialect(AUTH_TOKEN),
      timeoutMs,
      userAgent: 'test',
      onSecret: () => undefined,
      findSecrets: findSecretValues,
      sleep: async () => undefined
    })

  it('retries a download whose connection breaks mid-file, and hands over only the whole file', async () => {
    const file = Buffer.alloc(64 * 1024, 'x')
    behave = (request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename=t.docx', 'content-length': file.length })
      if (request === 1) {
        response.write(file.subarray(0, 1000))
        setImmediate(() => response.socket?.destroy())
      } else {
        response.end(file)
      }
    }
    const client = transport(30_000)
    try {
      const download = await client.download({ method: 'GET', path: '/api/v1/canarytoken/download' }, { canarytoken: 't' })
      const chunks: Buffer[] = []
      for await (const chunk of download.body) chunks.push(chunk as Buffer)
      expect(Buffer.concat(chunks).equals(file)).toBe(true)
      expect(download.contentLength).toBe(file.length)
      expect(requests).toBe(2)
    } finally {
      await client.close()
    }
  })

  it('never sends a create again after a timeout: it asks the recovery, which finds the token', async () => {
    behave = () => undefined // the Console made the token, then never answered
    const client = transport(500)
    const asked: string[] = []
    try {
      const answer = await client.call(CREATE, { kind: 'dns', memo: 'm' }, {}, async (failure) => {
        asked.push(failure.failure)
        return { result: 'success' as const, canarytoken: { canarytoken: 'made-before-the-timeout' } }
      })
      expect(answer).toMatchObject({ canarytoken: { canarytoken: 'made-before-the-timeout' } })
      expect(asked).toEqual(['timeout'])
      expect(requests).toBe(1)
    } finally {
      await client.close()
    }
  })

  it('retries a request the Console did not answer in time', async () => {
    behave = (request, response) => {
      if (request === 1) return
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"result":"success","token":{"canarytoken":"t"}}')
    }
    const client = transport(2_000)
    try {
      await expect(client.call(FETCH, { canarytoken: 't' })).resolves.toMatchObject({ token: { canarytoken: 't' } })
      expect(requests).toBe(2)
    } finally {
      await client.close()
    }
  })
})
