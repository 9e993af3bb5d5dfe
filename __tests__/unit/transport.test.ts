import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MockAgent } from 'undici'
import { mockWire } from './mock-wire.js'
import { ApiError, isNotFound } from '../../src/http/errors.js'
import { HttpTransport, filenameFromContentDisposition, type TransportOptions } from '../../src/http/transport.js'
import { findSecretValues } from '../../src/secrets.js'
import { consoleDialect, errorForAnswer } from '../../src/backends/console/dialect.js'
import { serverErrorForAnswer } from '../../src/backends/canarytokens-server/dialect.js'
import { MAX_SERVER_MESSAGE } from '../../src/http/errors.js'

describe('errorForAnswer', () => {
  it('accepts a 200 with result success', () => {
    expect(errorForAnswer(200, 'application/json', '{"result":"success"}')).toBeUndefined()
  })
  it('names the status and the Console message for an error body', () => {
    const error = errorForAnswer(400, 'application/json', '{"result":"error","message":"Could not find the Canarytoken"}')
    expect(error?.message).toBe('HTTP 400: Could not find the Canarytoken')
    expect(isNotFound(error)).toBe(true)
  })
  it('treats result error with 200 as a failure', () => {
    const error = errorForAnswer(200, 'application/json', '{"result":"error","message":"Empty memo"}')
    expect(error?.failure).toBe('result')
    expect(error?.message).toBe('HTTP 200: Empty memo')
  })
  it("bounds the server's own message: a hostile answer's 20 MB message is not 20 MB in every log line, output and summary row", () => {
    const huge = `Could not find it ${'x'.repeat(20_000_000)}`
    const consoleError = errorForAnswer(400, 'application/json', JSON.stringify({ result: 'error', message: huge }))!
    const serverError = serverErrorForAnswer('the server')(400, 'application/json', JSON.stringify({ error_message: huge }))!
    const validation = serverErrorForAnswer('the server')(422, 'application/json', JSON.stringify({ detail: Array.from({ length: 100_000 }, () => ({ loc: ['body', 'memo'], msg: 'field required' })) }))!
    for (const error of [consoleError, serverError, validation]) {
      expect(error.message.length).toBeLessThan(MAX_SERVER_MESSAGE + 200)
      expect(error.serverMessage!.length).toBeLessThanOrEqual(MAX_SERVER_MESSAGE + 40)
    }
    expect(consoleError.serverMessage).toMatch(/^Could not find it x+… \(20000018 characters in all\)$/)
    // Still read for what it says.
    expect(isNotFound(consoleError)).toBe(true)
  })
  it('treats a missing result field as a failure', () => {
    expect(errorForAnswer(200, 'application/json', '{"tokens":[]}')?.message).toBe('HTTP 200: the answer had no "result" field')
  })
  it('says the auth token was rejected on 401 and 403', () => {
    const error = errorForAnswer(401, 'application/json', '{"result":"error","message":"Unauthorized"}')
    expect(error?.failure).toBe('unauthorized')
    expect(error?.message).toMatch(/HTTP 401: the Console rejected the auth token \(Unauthorized\)/)
    expect(errorForAnswer(403, 'application/json', '{"result":"error","message":"API is disabled"}')?.message).toMatch(/HTTP 403/)
  })
  it('describes a non-JSON body without dumping it', () => {
    const page = '<html><body>Bad gateway secret-looking-stuff</body></html>'
    const error = errorForAnswer(502, 'text/html; charset=utf-8', page)
    expect(error?.message).toBe(`HTTP 502: the answer was not JSON (text/html, ${page.length} bytes)`)
    expect(error?.message).not.toContain('secret-looking-stuff')
  })
  it('refuses redirects, naming the target without its query', () => {
    const error = errorForAnswer(302, 'text/html', '', 'https://elsewhere.example/login?auth_token=abc')
    expect(error?.failure).toBe('redirect')
    expect(error?.message).toContain('https://elsewhere.example/login')
    expect(error?.message).not.toContain('abc')
  })
})

describe('filenameFromContentDisposition', () => {
  it.each([
    ['attachment; filename=token.docx', 'token.docx'],
    ['attachment; filename="my token.pdf"', 'my token.pdf'],
    ["attachment; filename*=UTF-8''caf%C3%A9.txt; filename=cafe.txt", 'café.txt'],
    ['attachment; filename=../../evil.sh', '../../evil.sh'],
    ['inline', undefined],
    [undefined, undefined]
  ])('%p -> %p', (header, name) => {
    expect(filenameFromContentDisposition(header)).toBe(name)
  })
})

/** A transport to `server`, listening on a loopback port of its own. */
async function onLoopback(server: Server, options: Partial<TransportOptions>): Promise<HttpTransport> {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return new HttpTransport({
    baseUrl: new URL(`http://127.0.0.1:${port}`),
    dialect: consoleDialect('the-auth-token-value'),
    timeoutMs: 1000,
    userAgent: 'test',
    onSecret: () => undefined,
    findSecrets: findSecretValues,
    ...options
  })
}

/** Closes the transport and the server, its connections first. */
async function shutDown(transport: HttpTransport, server: Server): Promise<void> {
  await transport.close()
  server.closeAllConnections()
  await new Promise((closed) => server.close(closed))
}

describe('HttpTransport', () => {
  let agent: MockAgent
  const seen: string[] = []
  const transport = (options: Partial<TransportOptions> = {}) =>
    new HttpTransport({
      baseUrl: new URL('https://abc.canary.tools'),
      dialect: consoleDialect('the-auth-token-value'),
      timeoutMs: 1000,
      userAgent: 'test',
      onSecret: (secret) => seen.push(secret),
      findSecrets: findSecretValues,
      client: mockWire(agent),
      ...options
    })

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
    seen.length = 0
  })
  afterEach(async () => {
    await agent.close()
  })

  it('sends the token in the header, GET parameters in the query and never the token in the URL', async () => {
    let headers: Record<string, string> = {}
    agent
      .get('https://abc.canary.tools')
      .intercept({ path: '/api/v1/canarytoken/fetch?canarytoken=tok1', method: 'GET' })
      .reply((options) => {
        headers = options.headers as Record<string, string>
        return { statusCode: 200, data: { result: 'success', token: { canarytoken: 'tok1' } } }
      })
    const answer = await transport().call({ method: 'GET', path: '/api/v1/canarytoken/fetch' }, { canarytoken: 'tok1' })
    expect(answer).toEqual({ result: 'success', token: { canarytoken: 'tok1' } })
    expect(headers['x-canary-auth-token']).toBe('the-auth-token-value')
  })

  it('sends POST parameters as a form body, leaving out undefined ones', async () => {
    let body = ''
    agent
      .get('https://abc.canary.tools')
      .intercept({ path: '/api/v1/canarytoken/delete', method: 'POST' })
      .reply((options) => {
        body = String(options.body)
        return { statusCode: 200, data: { result: 'success' } }
      })
    await transport().call({ method: 'POST', path: '/api/v1/canarytoken/delete' }, { canarytoken: 'tok1', clear_incidents: undefined })
    expect(body).toBe('canarytoken=tok1')
  })

  it('reports every credential in a success answer before returning it', async () => {
    agent
      .get('https://abc.canary.tools')
      .intercept({ path: '/api/v1/canarytoken/create', method: 'POST' })
      .reply(200, { result: 'success', canarytoken: { canarytoken: 't', secret_access_key: 'SECRETKEY1234567890', renders: { 'aws-id': '[default]\nkey = v' } } })
    await transport().call({ method: 'POST', path: '/api/v1/canarytoken/create' }, { kind: 'aws-id', memo: 'm' })
    expect(seen).toEqual(['SECRETKEY1234567890', '[default]\nkey = v'])
  })

  describe('callList', () => {
    const PAGINATE = { method: 'GET', path: '/api/v1/canarytokens/paginate' } as const
    const reply = (status: number, body: string, times = 1) =>
      agent.get('https://abc.canary.tools').intercept({ path: '/api/v1/canarytokens/paginate?limit=2', method: 'GET' }).reply(status, body, { headers: { 'content-type': 'application/json' } }).times(times)

    it('gives the answer without its list, and the items parsed as they are read, each one\'s secrets masked first', async () => {
      const page = {
        canarytokens: [
          { canarytoken: 'a', memo: 'one' },
          { canarytoken: 'b', kind: 'aws-id', factory_auth: 'FACTORYAUTH0123456789', renders: { 'aws-id': '[default]\nkey = v', 'cloned-web': '<script>' } }
        ],
        cursor: { next: 'c2' },
        result: 'success'
      }
      reply(200, JSON.stringify(page))
      const { answer, items } = await transport().callList<Record<string, unknown>>(PAGINATE, { limit: 2 }, 'canarytokens')
      expect(answer).toEqual({ canarytokens: [], cursor: { next: 'c2' }, result: 'success' })
      expect(seen).toEqual([])
      const read: unknown[] = []
      for (const item of items!) {
        read.push(item)
        // The item's secrets were masked before it was handed out; the next item's not yet.
        expect(seen).toEqual(read.length === 1 ? [] : ['FACTORYAUTH0123456789', '[default]\nkey = v'])
      }
      expect(read).toEqual(page.canarytokens)
      // The same secrets as the whole answer's walk finds.
      expect(seen).toEqual(findSecretValues(page))
    })

    it('fails an item that does not parse exactly as call fails the whole answer', async () => {
      const broken = '{"canarytokens":[{"canarytoken":"a"},{"canarytoken":tru}],"result":"success"}'
      reply(200, broken, 2)
      const whole = (await transport().call(PAGINATE, { limit: 2 }).catch((error: unknown) => error)) as ApiError
      const { items } = await transport().callList(PAGINATE, { limit: 2 }, 'canarytokens')
      const iterator = items![Symbol.iterator]()
      expect(iterator.next().value).toEqual({ canarytoken: 'a' })
      let lazy: ApiError | undefined
      try {
        iterator.next()
      } catch (error) {
        lazy = error as ApiError
      }
      expect(lazy).toBeInstanceOf(ApiError)
      expect(lazy?.message).toBe(`HTTP 200: the answer was not JSON (application/json, ${broken.length} bytes)`)
      expect({ ...lazy, message: lazy?.message }).toEqual({ ...whole, message: whole.message })
    })

    it('counts the attempts a listing page took when one of its items fails', async () => {
      agent.get('https://abc.canary.tools').intercept({ path: '/api/v1/canarytokens/paginate?limit=2', method: 'GET' }).reply(503, '{"result":"error","message":"busy"}')
      reply(200, '{"canarytokens":[01],"result":"success"}')
      const retrying = transport({ sleep: async () => undefined })
      const { items } = await retrying.callList(PAGINATE, { limit: 2 }, 'canarytokens')
      expect(() => [...items!]).toThrow(expect.objectContaining({ attempts: 2, failure: 'not-json', tried: 'GET /api/v1/canarytokens/paginate at https://abc.canary.tools' }))
    })

    it('judges an answer it cannot cut whole, as call does', async () => {
      reply(200, '{"canarytokens":[1],"canarytokens":[2,3],"result":"success"}')
      const duplicate = await transport().callList(PAGINATE, { limit: 2 }, 'canarytokens')
      expect([...duplicate.items!]).toEqual([2, 3])
      reply(200, '{"canarytokens":"none","result":"success"}')
      expect((await transport().callList(PAGINATE, { limit: 2 }, 'canarytokens')).items).toBeUndefined()
      reply(200, '{"canarytokens":[],"result":"error","message":"Empty memo"}')
      await expect(transport().callList(PAGINATE, { limit: 2 }, 'canarytokens')).rejects.toThrow('HTTP 200: Empty memo')
      reply(200, '<html>oops</html>')
      await expect(transport().callList(PAGINATE, { limit: 2 }, 'canarytokens')).rejects.toThrow('HTTP 200: the answer was not JSON (application/json, 17 bytes)')
    })

    it('fails an answer nested too deeply to look for its secrets as an answer, naming what was tried, in call and callList alike', async () => {
      // JSON.parse reads any depth; the walk for secrets must not end in a RangeError that names no server.
      const deep = '['.repeat(100_000) + ']'.repeat(100_000)
      reply(200, `{"canarytokens":[{"canarytoken":"a"},${deep}],"result":"success"}`, 2)
      const tried = 'GET /api/v1/canarytokens/paginate at https://abc.canary.tools'
      const whole = (await transport().call(PAGINATE, { limit: 2 }).catch((error: unknown) => error)) as ApiError
      expect(whole).toBeInstanceOf(ApiError)
      expect(whole).toEqual(expect.objectContaining({ message: 'HTTP 200: the answer was nested too deeply to read', tried }))
      const { items } = await transport().callList(PAGINATE, { limit: 2 }, 'canarytokens')
      let lazy: unknown
      try {
        for (const item of items!) void item
      } catch (error) {
        lazy = error
      }
      expect(lazy).toBeInstanceOf(ApiError)
      expect({ ...(lazy as ApiError), message: (lazy as ApiError).message }).toEqual({ ...whole, message: whole.message })
    })

    it('is for calls safe to repeat only', async () => {
      await expect(transport().callList({ method: 'POST', path: '/api/v1/canarytoken/create' }, {}, 'canarytokens')).rejects.toThrow('callList is for endpoints safe to repeat')
    })
  })

  it('maps an error status to a ApiError', async () => {
    agent.get('https://abc.canary.tools').intercept({ path: '/api/v1/canarytoken/fetch?canarytoken=x', method: 'GET' }).reply(400, { result: 'error', message: 'Could not find the Canarytoken' })
    await expect(transport().call({ method: 'GET', path: '/api/v1/canarytoken/fetch' }, { canarytoken: 'x' })).rejects.toThrow(
      new ApiError('HTTP 400: Could not find the Canarytoken', 'http-status')
    )
  })

  it('sends a request right after another on the same connection', async () => {
    // A POST sent as soon as a GET's answer is read once opened a second connection (undici, the wire before Node's http, freed it a turn later).
    let connections = 0
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ result: 'success', canarytokens: [] }))
      })
    })
    server.on('connection', () => connections++)
    const local = await onLoopback(server, { timeoutMs: 5000 })
    try {
      await local.call({ method: 'GET', path: '/api/v1/canarytokens/search' }, { search_string: 'x' })
      await local.call({ method: 'POST', path: '/api/v1/canarytoken/create', repeatable: false }, { kind: 'dns', memo: 'm' })
      await local.call({ method: 'GET', path: '/api/v1/canarytokens/search' }, { search_string: 'x' })
      await local.call({ method: 'DELETE', path: '/api/v1/canarytoken/delete', repeatable: true }, { canarytoken: 'x' })
      expect(connections).toBe(1)
    } finally {
      await shutDown(local, server)
    }
  })

  it('follows a download redirect to the same origin on the same connection', async () => {
    let connections = 0
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/api/v1/canarytoken/download')) {
        res.writeHead(302, { location: '/download/file/signed-link', 'content-type': 'text/html' })
        res.end('<a href="/download/file/signed-link">moved</a>')
      } else {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename=token.docx' })
        res.end('PK-bytes')
      }
    })
    server.on('connection', () => connections++)
    const local = await onLoopback(server, {})
    try {
      for (const canarytoken of ['a', 'b']) {
        const file = await local.download({ method: 'GET', path: '/api/v1/canarytoken/download' }, { canarytoken })
        expect(file.filename).toBe('token.docx')
      }
      expect(connections).toBe(1)
    } finally {
      await shutDown(local, server)
    }
  })

  it('turns a Console that never answers into a timeout error', async () => {
    // MockAgent does not apply timeouts, so this one talks to a real socket that stays silent.
    const silent = createServer(() => undefined)
    const slow = await onLoopback(silent, { timeoutMs: 300, retry: { retries: 0 } })
    try {
      await expect(slow.call({ method: 'GET', path: '/api/v1/canarytoken/fetch' }, { canarytoken: 'x' })).rejects.toMatchObject({
        failure: 'timeout',
        message: "the Console did not answer within 0.3 s (raise 'timeout-seconds' if it is slow)"
      })
    } finally {
      await shutDown(slow, silent)
    }
  })

  it('gives a download its content, name and type, and maps a JSON error answer', async () => {
    const pool = agent.get('https://abc.canary.tools')
    pool
      .intercept({ path: '/api/v1/canarytoken/download?canarytoken=a', method: 'GET' })
      .reply(200, 'PK-bytes', { headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename=a.docx' } })
    pool.intercept({ path: '/api/v1/canarytoken/download?canarytoken=b', method: 'GET' }).reply(400, { result: 'error', message: 'File generation not supported.' })
    const endpoint = { method: 'GET', path: '/api/v1/canarytoken/download' } as const
    const file = await transport().download(endpoint, { canarytoken: 'a' })
    expect(file.filename).toBe('a.docx')
    let content = ''
    for await (const chunk of file.body) content += String(chunk)
    expect(content).toBe('PK-bytes')
    expect(file.contentLength).toBe(8)
    await expect(transport().download(endpoint, { canarytoken: 'b' })).rejects.toThrow('HTTP 400: File generation not supported.')
  })
})
