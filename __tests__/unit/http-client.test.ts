// The production wire (src/http/client.ts) on real loopback sockets: what the
// MockAgent-driven transport tests cannot show (timeouts, broken connections,
// pooling, lengths on the wire, TLS).
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, maxHeaderSize, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Agent as HttpsAgent, createServer as createTlsServer } from 'node:https'
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NodeHttpClient, TimeoutError, type HttpClient } from '../../src/http/client.js'
import { HttpTransport } from '../../src/http/transport.js'
import { consoleDialect } from '../../src/backends/console/dialect.js'
import { findSecretValues } from '../../src/secrets.js'

let server: Server | undefined
let client: NodeHttpClient | undefined
const sockets = new Set<Socket>()

afterEach(async () => {
  await client?.close()
  client = undefined
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  if (server) await new Promise((closed) => server!.close(closed))
  server = undefined
})

/** A loopback server answering with `handle`; its URL. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void, make: () => Server = () => createServer(), protocol = 'http'): Promise<URL> {
  server = make()
  server.on('request', handle)
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('secureConnection', (socket: Socket) => sockets.add(socket))
  await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening))
  return new URL(`${protocol}://127.0.0.1:${(server.address() as AddressInfo).port}/`)
}

/** The whole transport to `url` over this wire (or `wire`), no waits between attempts. */
function transportTo(url: URL, wire?: HttpClient, retries = 1): HttpTransport {
  return new HttpTransport({
    baseUrl: url,
    dialect: consoleDialect('auth-token-0123456789'),
    timeoutMs: 5000,
    userAgent: 'test',
    onSecret: () => undefined,
    findSecrets: findSecretValues,
    retry: { retries },
    sleep: async () => undefined,
    client: wire
  })
}

/** The error message of one ping through the whole transport over this wire (no retries), which must fail. */
async function pingFails(url: URL): Promise<string> {
  const transport = transportTo(url, undefined, 0)
  try {
    await transport.call({ method: 'GET', path: '/api/v1/ping' })
  } catch (error) {
    return (error as Error).message
  } finally {
    await transport.close()
  }
  throw new Error('the ping succeeded')
}

async function text(body: AsyncIterable<unknown>): Promise<string> {
  let content = ''
  for await (const chunk of body) content += String(chunk)
  return content
}

describe('NodeHttpClient', () => {
  it('sends a body with its length (never chunked) and a GET with neither, and gives the status, headers and body back', async () => {
    const seen: Array<{ method?: string; length?: string; chunked?: string; body: string; auth?: string }> = []
    const url = await serve((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += String(chunk)))
      request.on('end', () => {
        seen.push({ method: request.method, length: request.headers['content-length'], chunked: request.headers['transfer-encoding'], body, auth: request.headers['x-canary-auth-token'] as string })
        response.setHeader('set-cookie', ['a=1', 'b=2'])
        response.writeHead(201, { 'content-type': 'application/json' })
        response.end('{"result":"success"}')
      })
    })
    client = new NodeHttpClient(5000)
    const posted = await client.request(new URL('/api/v1/canarytoken/create', url), { method: 'POST', headers: { 'x-canary-auth-token': 'k' }, body: 'memo=caf%C3%A9' })
    expect(posted.statusCode).toBe(201)
    expect(posted.headers['content-type']).toBe('application/json')
    expect(posted.headers['set-cookie']).toEqual(['a=1', 'b=2'])
    expect(await text(posted.body)).toBe('{"result":"success"}')
    const got = await client.request(new URL('/api/v1/ping', url), { method: 'GET', headers: {} })
    await text(got.body)
    expect(seen).toEqual([
      { method: 'POST', length: '14', chunked: undefined, body: 'memo=caf%C3%A9', auth: 'k' },
      { method: 'GET', length: undefined, chunked: undefined, body: '', auth: undefined }
    ])
  })

  it('keeps one connection for requests one after another, and lets it go on close', async () => {
    let connections = 0
    let closed: Promise<unknown> | undefined
    const url = await serve((_request, response) => response.end('ok'))
    server!.on('connection', (socket: Socket) => {
      connections++
      closed = new Promise((done) => socket.once('close', done))
    })
    client = new NodeHttpClient(5000)
    for (let index = 0; index < 3; index++) expect(await text((await client.request(url, { method: 'GET', headers: {} })).body)).toBe('ok')
    expect(connections).toBe(1)
    await client.close()
    // The server sees its end close (a wait for the event, not a fixed 50 ms a loaded machine may overrun).
    await closed
  })

  it('follows no redirect', async () => {
    let requests = 0
    const url = await serve((_request, response) => {
      requests++
      response.writeHead(302, { location: 'https://elsewhere.example/file' })
      response.end()
    })
    client = new NodeHttpClient(5000)
    const answer = await client.request(url, { method: 'GET', headers: {} })
    await text(answer.body)
    expect([answer.statusCode, answer.headers.location, requests]).toEqual([302, 'https://elsewhere.example/file', 1])
  })

  it('gives up on headers that do not come in time, counted from the request: a server that drips them is cut off too', async () => {
    const silent = await serve(() => undefined)
    client = new NodeHttpClient(300)
    await expect(client.request(silent, { method: 'GET', headers: {} })).rejects.toMatchObject({ name: 'TimeoutError', code: 'HEADERS_TIMEOUT' })
    await client.close()
    await new Promise((closed) => server!.close(closed))
    for (const socket of sockets) socket.destroy()
    // A byte of the status line every 100 ms: never quiet for 300 ms, still not an answer after it.
    const drip = await serve((_request, response) => {
      const bytes = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n')
      let index = 0
      const timer = setInterval(() => {
        if (response.socket?.destroyed) return clearInterval(timer)
        response.socket?.write(bytes.subarray(index, ++index))
        if (index === bytes.length) clearInterval(timer)
      }, 100)
    })
    client = new NodeHttpClient(300)
    await expect(client.request(drip, { method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'HEADERS_TIMEOUT' })
  })

  it('gives up on a body that pauses longer than the limit, not on one that is slow in all', async () => {
    const url = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream' })
      response.write('first')
      if (request.url === '/stalls') return
      let sent = 0
      const timer = setInterval(() => {
        if (++sent === 15) {
          clearInterval(timer)
          response.end('last')
        } else response.write('.')
      }, 100)
    })
    // 100 ms pauses against a 1 s limit: room for a loaded machine's late timers.
    client = new NodeHttpClient(1000)
    const stalling = await client.request(new URL('/stalls', url), { method: 'GET', headers: {} })
    await expect(text(stalling.body)).rejects.toBeInstanceOf(TimeoutError)
    await expect(text((await client.request(new URL('/stalls', url), { method: 'GET', headers: {} })).body)).rejects.toMatchObject({ code: 'BODY_TIMEOUT' })
    // 1.5 s in all, never 1 s quiet.
    expect(await text((await client.request(new URL('/slow', url), { method: 'GET', headers: {} })).body)).toBe(`first${'.'.repeat(14)}last`)
  }, 10000)

  it("passes Node's own codes on: a refused connection, one closed before the answer, one closed mid-answer, an answer that is not HTTP", async () => {
    const url = await serve((request, response) => {
      if (request.url === '/closes') return request.socket.destroy()
      if (request.url === '/garbage') return request.socket.end('SMTP ready\r\n\r\n')
      response.writeHead(200, { 'content-length': '100' })
      response.write('part')
      setTimeout(() => request.socket.destroy(), 20)
    })
    client = new NodeHttpClient(5000)
    await expect(client.request(new URL('/closes', url), { method: 'POST', headers: {}, body: 'x=1' })).rejects.toMatchObject({ code: 'ECONNRESET' })
    await expect(client.request(new URL('/garbage', url), { method: 'GET', headers: {} })).rejects.toMatchObject({ code: expect.stringMatching(/^HPE_/) })
    const broken = await client.request(new URL('/breaks', url), { method: 'GET', headers: {} })
    await expect(text(broken.body)).rejects.toMatchObject({ code: 'ECONNRESET' })
    const port = url.port
    await client.close()
    await new Promise((closed) => server!.close(closed))
    server = undefined
    client = new NodeHttpClient(5000)
    await expect(client.request(new URL(`http://127.0.0.1:${port}/`), { method: 'GET', headers: {} })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })

  it("names Node's limit when an answer's headers are too large for it", async () => {
    const url = await serve((_request, response) => {
      response.setHeader('x-padding', 'p'.repeat(maxHeaderSize + 1024))
      response.end('{}')
    })
    await expect(pingFails(url)).resolves.toContain(`(HPE_HEADER_OVERFLOW: the answer's headers were larger than ${maxHeaderSize / 1024} KiB)`)
  })

  it('speaks TLS, and a certificate nobody trusts fails the transport with words a user can act on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tls-'))
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'ignore' })
      const key = readFileSync(join(folder, 'key.pem'))
      const cert = readFileSync(join(folder, 'cert.pem'))
      const url = await serve(
        (_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' })
          response.end('{"result":"success"}')
        },
        () => createTlsServer({ key, cert }) as unknown as Server,
        'https'
      )
      expect(url.protocol).toBe('https:')
      await expect(pingFails(url)).resolves.toMatch(/TLS failed: the certificate is not signed by a trusted authority/)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('NodeHttpClient, found in review', () => {
  it('times out a TLS handshake the server never answers as CONNECT_TIMEOUT: nothing of the request left', async () => {
    // Accepts the TCP connection, reads the ClientHello, says nothing.
    const raw = createNetServer((socket) => {
      sockets.add(socket)
      socket.resume()
    })
    server = raw as unknown as Server
    await new Promise<void>((listening) => raw.listen(0, '127.0.0.1', listening))
    client = new NodeHttpClient(300)
    const url = new URL(`https://127.0.0.1:${(raw.address() as AddressInfo).port}/`)
    await expect(client.request(url, { method: 'POST', headers: {}, body: 'x=1' })).rejects.toMatchObject({ code: 'CONNECT_TIMEOUT' })
  })

  it('waits for headers from the end of the upload: a large body the server reads steadily for longer than the limit is no timeout; one it stops reading is', async () => {
    const url = await serve((request, response) => {
      if (request.url === '/stops') return request.pause()
      // 12 MiB/s: the connection takes a piece of the upload every 150 ms or so (the kernel's buffers), 24 MiB in 2 s.
      const started = Date.now()
      let received = 0
      request.on('data', (chunk: Buffer) => {
        received += chunk.length
        const ahead = received / ((12 * 1024 * 1024) / 1000) - (Date.now() - started)
        if (ahead > 0) {
          request.pause()
          setTimeout(() => request.resume(), ahead)
        }
      })
      request.once('end', () => response.end(String(received)))
    })
    client = new NodeHttpClient(800)
    const body = Buffer.alloc(24 * 1024 * 1024, 120)
    const started = Date.now()
    const answer = await client.request(new URL('/steady', url), { method: 'POST', headers: {}, body })
    expect(await text(answer.body)).toBe(String(body.length))
    expect(Date.now() - started).toBeGreaterThan(800)
    await expect(client.request(new URL('/stops', url), { method: 'POST', headers: {}, body })).rejects.toMatchObject({ code: 'HEADERS_TIMEOUT' })
  }, 15000)

  it('gives a header the server sent twice as both values, not joined (the transport reads the first)', async () => {
    const url = await serve((request) => {
      request.socket.end('HTTP/1.1 200 OK\r\ncontent-disposition: attachment; filename="a.txt"\r\ncontent-disposition: attachment; filename="b.txt"\r\ncontent-length: 0\r\n\r\n')
    })
    client = new NodeHttpClient(5000)
    const answer = await client.request(url, { method: 'GET', headers: {} })
    await text(answer.body)
    expect(answer.headers['content-disposition']).toEqual(['attachment; filename="a.txt"', 'attachment; filename="b.txt"'])
    expect(answer.headers['content-length']).toBe('0')
  })

  it('leaves no pause limit behind on a connection it reuses', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.write('a')
      setTimeout(() => response.end('b'), 5)
    })
    client = new NodeHttpClient(5000)
    const counts: number[] = []
    for (let index = 0; index < 12; index++) {
      const answer = await client.request(url, { method: 'GET', headers: {} })
      const socket = (answer.body as IncomingMessage).socket as Socket
      counts.push(socket.listenerCount('timeout'))
      expect(await text(answer.body)).toBe('ab')
    }
    expect(new Set(counts).size).toBe(1)
  })
})

describe('the transport over the wire, found in review', () => {

  it('sends a create again when the connection broke in the TLS handshake (nothing of it left), without asking whether the Console acted', async () => {
    let connections = 0
    // A middlebox that resets the connection on the ClientHello.
    const raw = createNetServer((socket) => {
      connections++
      sockets.add(socket)
      socket.once('data', () => socket.resetAndDestroy())
    })
    server = raw as unknown as Server
    await new Promise<void>((listening) => raw.listen(0, '127.0.0.1', listening))
    const transport = transportTo(new URL(`https://127.0.0.1:${(raw.address() as AddressInfo).port}/`))
    const checked: string[] = []
    try {
      const created = transport.call({ method: 'POST', path: '/api/v1/canarytoken/create' }, { memo: 'm' }, {}, async (failure) => {
        checked.push(failure.message)
        return undefined
      })
      await expect(created).rejects.toThrow(/could not reach https:\/\/127\.0\.0\.1:\d+ \(ECONNRESET/)
      expect([connections, checked]).toEqual([2, []])
    } finally {
      await transport.close()
    }
  })

  it('asks whether the Console acted on a create whose connection broke with a TLS error after the request was sent', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tls-'))
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'ignore' })
      let received = 0
      // The Console has the create; then a bad TLS record comes instead of its answer (a middlebox, a broken NIC).
      const url = await serve(
        (request) => {
          request.resume()
          received++
          ;(request.socket as Socket & { _parent: Socket })._parent.write(Buffer.concat([Buffer.from([0x17, 0x03, 0x03, 0x00, 0x20]), Buffer.alloc(32, 120)]))
        },
        () => createTlsServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }) as unknown as Server,
        'https'
      )
      // The wire, its https agent trusting the test's certificate.
      client = new NodeHttpClient(5000)
      Object.assign(client, { https: new HttpsAgent({ keepAlive: true, ca: readFileSync(join(folder, 'cert.pem')) }) })
      const transport = transportTo(url, client)
      const checked: string[] = []
      try {
        const created = transport.call({ method: 'POST', path: '/api/v1/canarytoken/create' }, { memo: 'm' }, {}, async (failure) => {
          checked.push(failure.message)
          return undefined
        })
        await expect(created).rejects.toThrow(/the connection to https:\/\/127\.0\.0\.1:\d+ broke \(ERR_SSL_[A-Z_]+: TLS failed\)/)
        expect(received).toBe(1)
        expect(checked).toHaveLength(1)
      } finally {
        await transport.close()
      }
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
