import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MockAgent } from 'undici'
import { mockWire } from './mock-wire.js'
import { HttpTransport, downloadFailure, parameterText } from '../../src/http/transport.js'
import { findSecretValues } from '../../src/secrets.js'
import { consoleDialect, errorForAnswer } from '../../src/backends/console/dialect.js'

const CONSOLE = 'https://abc.canary.tools'
const STORAGE = 'https://storage.example.net'
const DOWNLOAD = { method: 'GET', path: '/api/v1/canarytoken/download' } as const
const AUTH = 'the-auth-token-value'

describe('downloads (Thinkst downloads with curl -L and allow_redirects=True)', () => {
  let agent: MockAgent
  const transport = (baseUrl = CONSOLE) =>
    new HttpTransport({
      baseUrl: new URL(baseUrl),
      dialect: consoleDialect(AUTH),
      timeoutMs: 1000,
      userAgent: 'test',
      retry: { retries: 0 },
      onSecret: () => undefined,
      findSecrets: findSecretValues,
      client: mockWire(agent)
    })
  const file = { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename=t.docx' }

  beforeEach(() => {
    agent = new MockAgent()
    agent.disableNetConnect()
  })
  afterEach(async () => {
    await agent.close()
  })

  it('follows a same-origin redirect with the auth header, and a storage redirect without it', async () => {
    const seen: Array<{ origin: string; auth: unknown }> = []
    const record = (origin: string) => (options: { headers?: unknown }) => {
      seen.push({ origin, auth: (options.headers as Record<string, string>)['x-canary-auth-token'] })
    }
    agent
      .get(CONSOLE)
      .intercept({ path: '/api/v1/canarytoken/download?canarytoken=t', method: 'GET' })
      .reply((options) => {
        record(CONSOLE)(options)
        return { statusCode: 302, data: '', responseOptions: { headers: { location: '/files/t' } } }
      })
    agent
      .get(CONSOLE)
      .intercept({ path: '/files/t', method: 'GET' })
      .reply((options) => {
        record(CONSOLE)(options)
        return { statusCode: 307, data: '', responseOptions: { headers: { location: `${STORAGE}/bucket/t.docx?sig=abc` } } }
      })
    agent
      .get(STORAGE)
      .intercept({ path: '/bucket/t.docx?sig=abc', method: 'GET' })
      .reply((options) => {
        record(STORAGE)(options)
        return { statusCode: 200, data: 'PK-file', responseOptions: { headers: file } }
      })
    const answer = await transport().download(DOWNLOAD, { canarytoken: 't' })
    let content = ''
    for await (const chunk of answer.body) content += String(chunk)
    expect(content).toBe('PK-file')
    expect(answer.filename).toBe('t.docx')
    expect(seen).toEqual([
      { origin: CONSOLE, auth: AUTH },
      { origin: CONSOLE, auth: AUTH },
      { origin: STORAGE, auth: undefined }
    ])
  })

  it('drops the auth header on a redirect to the same host on another port: another origin', async () => {
    const otherPort = 'https://abc.canary.tools:8443'
    const seen: Array<{ origin: string; auth: unknown }> = []
    agent
      .get(CONSOLE)
      .intercept({ path: '/api/v1/canarytoken/download?canarytoken=t', method: 'GET' })
      .reply((options) => {
        seen.push({ origin: CONSOLE, auth: (options.headers as Record<string, string>)['x-canary-auth-token'] })
        return { statusCode: 302, data: '', responseOptions: { headers: { location: `${otherPort}/files/t` } } }
      })
    agent
      .get(otherPort)
      .intercept({ path: '/files/t', method: 'GET' })
      .reply((options) => {
        seen.push({ origin: otherPort, auth: (options.headers as Record<string, string>)['x-canary-auth-token'] })
        return { statusCode: 200, data: 'PK-file', responseOptions: { headers: file } }
      })
    const answer = await transport().download(DOWNLOAD, { canarytoken: 't' })
    for await (const chunk of answer.body) expect(String(chunk)).toBe('PK-file')
    expect(seen).toEqual([
      { origin: CONSOLE, auth: AUTH },
      { origin: otherPort, auth: undefined }
    ])
  })

  it('stops after 5 redirects', async () => {
    const pool = agent.get(CONSOLE)
    pool.intercept({ path: '/api/v1/canarytoken/download?canarytoken=t', method: 'GET' }).reply(302, '', { headers: { location: '/hop/1' } })
    for (let hop = 1; hop <= 5; hop++) pool.intercept({ path: `/hop/${hop}`, method: 'GET' }).reply(302, '', { headers: { location: `/hop/${hop + 1}` } })
    await expect(transport().download(DOWNLOAD, { canarytoken: 't' })).rejects.toMatchObject({
      failure: 'redirect',
      message: 'HTTP 302: the download was redirected more than 5 times; stopped following'
    })
  })

  it('refuses a redirect to plain http, naming the target without its query', async () => {
    agent
      .get(CONSOLE)
      .intercept({ path: '/api/v1/canarytoken/download?canarytoken=t', method: 'GET' })
      .reply(302, '', { headers: { location: 'http://storage.example.net/t.docx?sig=secret-signature' } })
    const error = await transport().download(DOWNLOAD, { canarytoken: 't' }).catch((thrown: Error) => thrown)
    expect(error).toMatchObject({ failure: 'redirect' })
    expect((error as Error).message).toContain('to plain http (http://storage.example.net/t.docx)')
    expect((error as Error).message).not.toContain('secret-signature')
  })

  it('keeps refusing redirects on JSON calls', async () => {
    agent.get(CONSOLE).intercept({ path: '/api/v1/canarytoken/fetch?canarytoken=t', method: 'GET' }).reply(302, '', { headers: { location: '/elsewhere' } })
    await expect(transport().call({ method: 'GET', path: '/api/v1/canarytoken/fetch' }, { canarytoken: 't' })).rejects.toMatchObject({ failure: 'redirect' })
  })

  it.each([
    ['text/html', '{"result": "error", "message": "File generation not supported."}', 'HTTP 200: File generation not supported.'],
    [undefined, '{"message":"Could not find the Canarytoken","result":"error"}', 'HTTP 200: Could not find the Canarytoken'],
    ['text/html', '\n<!DOCTYPE html><html><head><title>Server Error (500)</title></head><body>x</body></html>', 'HTTP 200: the Console answered with an HTML page instead of the file ("Server Error (500)")'],
    ['application/octet-stream', '{"result":"success"}', 'HTTP 200: the Console answered with JSON instead of a file']
  ])('fails a 200 download whose body is an answer, not a file (%s)', async (type, body, message) => {
    agent
      .get(CONSOLE)
      .intercept({ path: '/api/v1/canarytoken/download?canarytoken=t', method: 'GET' })
      .reply(200, body, { headers: type ? { 'content-type': type } : {} })
    await expect(transport().download(DOWNLOAD, { canarytoken: 't' })).rejects.toThrow(message)
  })

  it('takes a file whose bytes merely contain braces or tags for the file', () => {
    expect(downloadFailure(consoleDialect('x'), 200, 'text/plain', undefined, Buffer.from('[default]\naws_access_key_id = AKIA\n'))).toBeUndefined()
    expect(downloadFailure(consoleDialect('x'), 200, undefined, undefined, Buffer.from('{ not json at all'))).toBeUndefined()
    expect(downloadFailure(consoleDialect('x'), 200, 'application/json', 'attachment; filename=x.json', Buffer.from('{"tokens":[]}'))).toBeUndefined()
  })

  it('sends uploads with the MIME type of their extension', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'upload-'))
    let body = ''
    const server = createServer((req, res) => {
      req.setEncoding('latin1')
      req.on('data', (chunk: string) => (body += chunk))
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"success","canarytoken":{"canarytoken":"x"}}'))
    })
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    const real = new HttpTransport({
      baseUrl: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      dialect: consoleDialect(AUTH),
      timeoutMs: 1000,
      userAgent: 'test',
      onSecret: () => undefined,
      findSecrets: findSecretValues
    })
    try {
      const image = join(folder, 'logo.PNG')
      writeFileSync(image, 'png-bytes')
      await real.call({ method: 'POST', path: '/api/v1/canarytoken/create' }, { kind: 'web-image', memo: 'm' }, { web_image: image })
      expect(body).toMatch(/name="web_image"; filename="logo.PNG"\r\nContent-Type: image\/png/)
    } finally {
      await real.close()
      server.closeAllConnections()
      await new Promise((closed) => server.close(closed))
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('answers and parameters as the reference writes them', () => {
  it('recognises an authentication failure by its body, whatever the status', () => {
    for (const message of ['Invalid auth_token', 'Unauthorized']) {
      expect(errorForAnswer(200, 'application/json', JSON.stringify({ message, result: 'error' }))?.failure).toBe('unauthorized')
      expect(errorForAnswer(400, 'application/json', JSON.stringify({ message, result: 'error' }))?.failure).toBe('unauthorized')
    }
    expect(errorForAnswer(200, 'application/json', '{"message":"Empty memo","result":"error"}')?.failure).toBe('result')
  })

  it('writes booleans True and False', () => {
    expect([parameterText(true), parameterText(false), parameterText(3), parameterText('true')]).toEqual(['True', 'False', '3', 'true'])
  })
})
