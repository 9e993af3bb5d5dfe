// A self-hosted runner behind an egress proxy: dist/index.js, started as the
// runner starts it with HTTPS_PROXY in its environment, reaches an https
// Console through a CONNECT tunnel (the proxy sees the host it is asked for
// and encrypted bytes, never the auth token), goes direct for NO_PROXY and for
// a loopback http server, and names the proxy when the proxy is what failed.
// The Console here is the emulator behind a TLS terminator whose certificate
// the bundle's Node trusts through NODE_EXTRA_CA_CERTS.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { ConsoleEmulator } from '../emulator/emulator.mjs'
import { expectFailure, expectNoSecretsVisible, expectSuccess, runAction, tempFolder } from './harness.js'

const AUTH_TOKEN = 'e2e-proxy-auth-token-0123456789abcdef'
/** The Console's name: only the proxy can resolve it (to the TLS terminator on loopback; loopback itself goes direct). */
const CONSOLE_HOST = 'console.proxy-e2e.invalid'
/** Another https origin a download is redirected to (a signed storage URL), also resolved by the proxy only. */
const STORAGE_HOST = 'storage.proxy-e2e.invalid'

const emulator = new ConsoleEmulator({ authToken: AUTH_TOKEN })
let tls: TlsServer
let proxy: Server
let refusing: Server
let storage: HttpsServer
let storageUrl: string
/** The headers of each request the storage origin received. */
const storageRequests: Array<Record<string, string | string[] | undefined>> = []
let silent: TcpServer
let silentUrl: string
/** What the proxy does with the next CONNECTs instead of tunnelling: answer with this status line (`raw:` this line), or hang up. */
const troubles: string[] = []
let consoleUrl: string
/** The same Console by its loopback address. */
let loopbackUrl: string
let proxyUrl: string
let refusingUrl: string
let caFile: string
/** Run before the bundle (node --import): Node 24.4, whose https.Agent ignores `proxyEnv`, as Node before 24.5 does. */
let olderNode: string
/** What the proxy was asked to connect to, and every byte it carried from the action. */
const tunnels: string[] = []
let carried = Buffer.alloc(0)
const sockets = new Set<Socket>()

function track(server: Server | TcpServer | TlsServer | HttpsServer): void {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
}

const listen = (server: Server | TcpServer | TlsServer | HttpsServer) => new Promise<number>((listening) => server.listen(0, '127.0.0.1', () => listening((server.address() as AddressInfo).port)))

beforeAll(async () => {
  const emulatorUrl = new URL(await emulator.start())
  const folder = await tempFolder('canary-proxy-')
  caFile = join(folder, 'cert.pem')
  const keyFile = join(folder, 'key.pem')
  olderNode = join(folder, 'node-24.4.mjs')
  await writeFile(
    olderNode,
    [
      "import https from 'node:https'",
      "import { syncBuiltinESMExports } from 'node:module'",
      "Object.defineProperty(process, 'version', { value: 'v24.4.0' })",
      "Object.defineProperty(process.versions, 'node', { value: '24.4.0' })",
      'const Agent = https.Agent',
      'https.Agent = class extends Agent { constructor({ proxyEnv, ...options } = {}) { super(options) } }',
      'syncBuiltinESMExports()'
    ].join('\n')
  )
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${CONSOLE_HOST}`, '-addext', `subjectAltName=DNS:${CONSOLE_HOST},DNS:${STORAGE_HOST},DNS:localhost,IP:127.0.0.1`, '-keyout', keyFile, '-out', caFile], { stdio: 'ignore' })
  // TLS in front of the emulator: decrypted bytes go on to it as they are.
  tls = createTlsServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (socket) => {
    const upstream = connect(Number(emulatorUrl.port), '127.0.0.1')
    socket.pipe(upstream).pipe(socket)
    socket.on('error', () => upstream.destroy())
    upstream.on('error', () => socket.destroy())
  })
  track(tls)
  storage = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (request, response) => {
    storageRequests.push(request.headers)
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="stored.doc"' }).end('the stored file')
  })
  track(storage)
  storageUrl = `https://${STORAGE_HOST}:${await listen(storage)}`
  const tlsPort = await listen(tls)
  consoleUrl = `https://${CONSOLE_HOST}:${tlsPort}`
  loopbackUrl = `https://127.0.0.1:${tlsPort}`
  // The proxy: CONNECT only (what an https request through a proxy sends), recorded.
  proxy = createServer((_request, response) => {
    tunnels.push('a plain request')
    response.writeHead(405).end()
  })
  proxy.on('connect', (request, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '')
    // What the test asked the proxy to do first: refuse with a status, or hang up before answering.
    const trouble = troubles.shift()
    if (trouble === 'hang up') return void client.destroy()
    if (trouble?.startsWith('raw:')) return void client.end(`${trouble.slice(4)}\r\n\r\n`)
    if (trouble !== undefined) return void client.end(`HTTP/1.1 ${trouble}\r\n\r\n`)
    const [host, port] = (request.url ?? '').split(':')
    // The proxy resolves the name (the runner never does).
    const upstream = connect(Number(port), host === CONSOLE_HOST || host === STORAGE_HOST ? '127.0.0.1' : host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      client.on('data', (chunk: Buffer) => {
        carried = Buffer.concat([carried, chunk])
      })
      client.pipe(upstream).pipe(client)
    })
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  track(proxy)
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`
  // A proxy that takes the connection and never answers CONNECT.
  silent = createTcpServer(() => undefined)
  track(silent)
  silentUrl = `http://127.0.0.1:${await listen(silent)}`
  // A proxy that wants credentials it was not given.
  refusing = createServer()
  refusing.on('connect', (_request, client: Socket) => client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="egress"\r\n\r\n'))
  track(refusing)
  refusingUrl = `http://127.0.0.1:${await listen(refusing)}`
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await Promise.all([tls, proxy, refusing, silent, storage].map((server) => new Promise((closed) => server?.close(closed))))
  await emulator.stop()
})

beforeEach(() => {
  tunnels.length = 0
  troubles.length = 0
  storageRequests.length = 0
  carried = Buffer.alloc(0)
  emulator.clearRequests()
})

function createThrough(env: Record<string, string>, inputs: Record<string, string> = {}) {
  return runAction(
    { operation: 'create-canarytoken', kind: 'dns', memo: 'through a flaky proxy', console: consoleUrl, 'auth-token': AUTH_TOKEN, ...inputs },
    { env: { NODE_EXTRA_CA_CERTS: caFile, ...env } }
  )
}

function fetchThrough(env: Record<string, string>, consoleInput = consoleUrl) {
  const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'behind the proxy' })
  return runAction({ operation: 'fetch-canarytoken', console: consoleInput, 'auth-token': AUTH_TOKEN, canarytoken, retries: '0' }, { env: { NODE_EXTRA_CA_CERTS: caFile, ...env } })
}

describe('a runner behind an egress proxy', () => {
  it('reaches an https Console through HTTPS_PROXY in a tunnel: the proxy never sees the auth token', async () => {
    const run = await fetchThrough({ HTTPS_PROXY: proxyUrl })
    expectSuccess(run)
    expect(run.outputs.memo).toBe('behind the proxy')
    expect(tunnels).toEqual([new URL(consoleUrl).host])
    expect(carried.length).toBeGreaterThan(0)
    expect(carried.includes(AUTH_TOKEN)).toBe(false)
    expect(emulator.requests.length).toBeGreaterThan(0)
  })

  it("follows a download's redirect to another https origin through the proxy too, in its own tunnel, without the auth token", async () => {
    const { canarytoken } = emulator.addToken({ kind: 'doc-msword', memo: 'a file in storage' })
    emulator.injectFault({ method: 'GET', path: '/api/v1/canarytoken/download', status: 302, headers: { location: `${storageUrl}/files/stored.doc?X-Amz-Signature=abc` }, body: '' })
    const run = await runAction(
      { operation: 'download-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken, path: 'out', retries: '0' },
      { env: { NODE_EXTRA_CA_CERTS: caFile, HTTPS_PROXY: proxyUrl } }
    )
    expectSuccess(run)
    expect(readFileSync(run.outputs['file-path']!, 'utf8')).toBe('the stored file')
    expect(tunnels).toEqual([new URL(consoleUrl).host, new URL(storageUrl).host])
    expect(storageRequests).toHaveLength(1)
    expect(Object.keys(storageRequests[0]!)).not.toContain('x-canary-auth-token')
    expect(carried.includes(AUTH_TOKEN)).toBe(false)
  })

  it('reads https_proxy too, and goes direct for a host NO_PROXY names (here a name only the proxy resolves)', async () => {
    expectSuccess(await fetchThrough({ https_proxy: proxyUrl }))
    expect(tunnels).toHaveLength(1)
    tunnels.length = 0
    const direct = await fetchThrough({ HTTPS_PROXY: proxyUrl, NO_PROXY: 'proxy-e2e.invalid' })
    expectFailure(direct, /could not reach https:\/\/console\.proxy-e2e\.invalid:\d+ \((ENOTFOUND: the name does not resolve; check 'console'|EAI_AGAIN: [^)]*)\)/)
    expect(direct.errors[0]).not.toContain('through the proxy')
    expect(tunnels).toEqual([])
  })

  it('goes direct to an https server on loopback, which a proxy elsewhere cannot reach (as GitHub\'s toolkit does)', async () => {
    expectSuccess(await fetchThrough({ HTTPS_PROXY: proxyUrl }, loopbackUrl))
    expectSuccess(await fetchThrough({ HTTPS_PROXY: proxyUrl }, loopbackUrl.replace('127.0.0.1', 'localhost')))
    expect(tunnels).toEqual([])
  })

  it('goes direct to a loopback http server, which no proxy could reach', async () => {
    expectSuccess(await fetchThrough({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl }, emulator.url))
    expect(tunnels).toEqual([])
  })

  it('names the proxy, never its password, when the proxy refuses the tunnel or cannot be reached', async () => {
    const withPassword = new URL(refusingUrl)
    withPassword.username = 'ci'
    withPassword.password = 'proxy-pass-5f4dcc3b'
    const refused = await fetchThrough({ HTTPS_PROXY: withPassword.href })
    expectFailure(refused, new RegExp(`through the proxy ${refusingUrl.replace(/[.]/g, '\\.')} \\(HTTPS_PROXY\\)`))
    expect(refused.errors[0]).toMatch(/the proxy refused the tunnel/)
    expectNoSecretsVisible(refused, ['proxy-pass-5f4dcc3b'])
    // The runner is told to mask it (it is a secret the runner knows nothing of), as a whole value.
    expect(refused.stdout.split('\n').filter((line) => line.startsWith('::add-mask::proxy-pass'))).toEqual(['::add-mask::proxy-pass-5f4dcc3b'])
    // A port nothing listens on any more.
    const spare = createTcpServer()
    const port = await listen(spare)
    await new Promise((closed) => spare.close(closed))
    const gone = `http://127.0.0.1:${port}`
    const unreachable = await fetchThrough({ HTTPS_PROXY: gone })
    expectFailure(unreachable, /ECONNREFUSED/)
    expect(unreachable.errors[0]).toContain(`through the proxy ${gone} (HTTPS_PROXY)`)
    expect(unreachable.errors[0]).toContain('check HTTPS_PROXY')
  })

  it("sends a create again when the proxy set up no tunnel (it hung up, or said 502 or 503: nothing reached the Console), never after a 407", async () => {
    troubles.push('hang up', '502 Bad Gateway', '503 Service Unavailable')
    const run = await createThrough({ HTTPS_PROXY: proxyUrl }, { retries: '3' })
    expectSuccess(run)
    expect(tunnels).toHaveLength(4)
    expect(emulator.requests.filter((request) => request.path === '/api/v1/canarytoken/create')).toHaveLength(1)
    // Never sent, so nothing to check first: no tunnel, no request.
    expect(run.stdout).not.toContain('checking whether the Console acted on it')
    tunnels.length = 0
    troubles.push('407 Proxy Authentication Required', '407 Proxy Authentication Required')
    const refused = await createThrough({ HTTPS_PROXY: proxyUrl }, { retries: '1' })
    expectFailure(refused, /could not reach .* through the proxy .* \(ERR_PROXY_TUNNEL: the proxy refused the tunnel \(HTTP 407 Proxy Authentication Required\)\)/)
    expect(tunnels).toHaveLength(1)
  })

  it('knows a create sent through the tunnel may have been made when the answer is lost or late, and makes no second one', async () => {
    const made = (memo: string) => emulator.listTokens().filter((token) => token.memo === memo)
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', reset: 'before-headers', afterAction: true })
    const lost = await createThrough({ HTTPS_PROXY: proxyUrl }, { memo: 'through the proxy: lost answer', retries: '3' })
    expectSuccess(lost)
    expect(made('through the proxy: lost answer')).toHaveLength(1)
    expect(lost.stdout).toMatch(/POST \/api\/v1\/canarytoken\/create: attempt 1 of 4 failed \(the connection to https:\/\/console\.proxy-e2e\.invalid:\d+ broke through the proxy/)
    expect(lost.stdout).toContain('; checking whether the Console acted on it.')
    emulator.injectFault({ method: 'POST', path: '/api/v1/canarytoken/create', delayMs: 4000, afterAction: true })
    const late = await createThrough({ HTTPS_PROXY: proxyUrl }, { memo: 'through the proxy: late answer', retries: '3', 'timeout-seconds': '1' })
    expectSuccess(late)
    expect(made('through the proxy: late answer')).toHaveLength(1)
    expect(late.stdout).toContain('; checking whether the Console acted on it.')
  })

  it("says the proxy closed the connection when it hung up before answering CONNECT, not that it refused", async () => {
    troubles.push('hang up')
    const run = await createThrough({ HTTPS_PROXY: proxyUrl }, { retries: '0' })
    expectFailure(run, /through the proxy .* \(ERR_PROXY_TUNNEL: the proxy closed the connection before the tunnel was up\)/)
  })

  it('says when the proxy answered CONNECT with something that is not HTTP, and does not try again', async () => {
    troubles.push('raw:SSH-2.0-OpenSSH_9.6', 'raw:SSH-2.0-OpenSSH_9.6')
    const run = await createThrough({ HTTPS_PROXY: proxyUrl }, { retries: '1' })
    expectFailure(run, /through the proxy .* \(ERR_PROXY_TUNNEL: the proxy's answer to CONNECT was not HTTP\)/)
    expect(tunnels).toHaveLength(1)
  })

  it("waits 'timeout-seconds' for a proxy's answer to CONNECT (not the 4 s idle limit of pooled connections), and calls it a timeout", async () => {
    const started = Date.now()
    const run = await fetchThrough({ HTTPS_PROXY: silentUrl, 'INPUT_TIMEOUT-SECONDS': '6' })
    expectFailure(run, new RegExp(`did not answer within 6 s through the proxy ${silentUrl.replace(/[.]/g, '\\.')} \\(HTTPS_PROXY\\)`))
    expect(Date.now() - started).toBeGreaterThanOrEqual(5900)
  }, 30_000)

  it('warns when this Node cannot use the proxy (before 24.5 it quietly goes direct), and then names no proxy in errors', async () => {
    const { canarytoken } = emulator.addToken({ kind: 'dns', memo: 'on an older runner' })
    const inputs = { operation: 'fetch-canarytoken', console: consoleUrl, 'auth-token': AUTH_TOKEN, canarytoken, retries: '0' }
    const withPassword = new URL(proxyUrl)
    withPassword.username = 'ci'
    withPassword.password = 'proxy-pass-5f4dcc3b'
    const env = { NODE_EXTRA_CA_CERTS: caFile, HTTPS_PROXY: withPassword.href }
    // Direct: the name does not resolve (only the proxy resolves it), and the error names no proxy.
    const run = await runAction(inputs, { env, wrapper: ['--import', olderNode] })
    expectFailure(run, /^fetch-canarytoken failed: could not reach https:\/\/console\.proxy-e2e\.invalid:\d+ \((ENOTFOUND: the name does not resolve; check 'console'|EAI_AGAIN: [^)]*)\)/)
    expect(run.warnings).toEqual([
      'HTTPS_PROXY is set, but this Node (v24.4.0) cannot send requests through a proxy (Node 24.5 and later can): they go directly to the server. Update the runner, whose Node this is.'
    ])
    expect(tunnels).toEqual([])
    // The same on this Node (24.5 or later): no warning, through the proxy.
    const current = await runAction(inputs, { env })
    expectSuccess(current)
    expect(current.warnings).toEqual([])
    expect(tunnels).toHaveLength(1)
    expectNoSecretsVisible(run, ['proxy-pass-5f4dcc3b'])
    expectNoSecretsVisible(current, ['proxy-pass-5f4dcc3b'])
  })

  it("masks a proxy password as given and as the proxy reads it (percent-decoded); never one too short to be a secret", async () => {
    const encoded = await fetchThrough({ HTTPS_PROXY: `http://ci:s3cr%40t-proxy-pw@127.0.0.1:${new URL(proxyUrl).port}` })
    expectSuccess(encoded)
    // A workflow command's data escapes '%' as %25: the runner masks s3cr%40t-proxy-pw.
    const masks = encoded.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'))
    expect(masks).toEqual(expect.arrayContaining(['::add-mask::s3cr%2540t-proxy-pw', '::add-mask::s3cr@t-proxy-pw']))
    const short = await fetchThrough({ HTTPS_PROXY: `http://ci:pw@127.0.0.1:${new URL(proxyUrl).port}` })
    expectSuccess(short)
    expect(short.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'))).not.toContain('::add-mask::pw')
  })

  it('refuses an HTTPS_PROXY that is no proxy URL before any request, without quoting it', async () => {
    const run = await fetchThrough({ HTTPS_PROXY: 'proxy.internal:3128 secret-ish' })
    expectFailure(run, /HTTPS_PROXY is set but is not a proxy URL/)
    expect(`${run.stdout}${run.stderr}`).not.toContain('secret-ish')
    expect(emulator.requests).toHaveLength(0)
  })
})
