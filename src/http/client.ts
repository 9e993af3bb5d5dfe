import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Socket } from 'node:net'
import type { Readable } from 'node:stream'
import { goesThroughProxy, type ProxySetting } from './proxy.js'

/**
 * The wire under the transport: one request out, one answer back, nothing
 * else. No redirect is followed (the transport decides each hop, and where
 * credentials go), no request is sent twice (the transport's retries know
 * which calls are safe to repeat), and nothing is logged.
 */
export interface HttpClient {
  /** Rejects with the failure, its `connected` saying, when the wire knows, whether the connection was up (see markConnected). */
  request(url: URL, request: HttpRequest): Promise<HttpAnswer>
  /** Lets go of every connection. */
  close(): Promise<void>
}

export interface HttpRequest {
  method: string
  headers: Record<string, string>
  body?: string | Buffer
}

export interface HttpAnswer {
  statusCode: number
  headers: Record<string, string | string[] | undefined>
  /** The answer's bytes as they come; it emits `close` once read to the end or destroyed. */
  body: Readable
}

/**
 * The codes of the client's own failures (Node's are its system errors':
 * ECONNREFUSED, ECONNRESET, ENOTFOUND, TLS codes, HPE_* from the parser).
 * CONNECT_TIMEOUT: no connection within the limit (TCP, and for https the
 * TLS handshake), so nothing was sent. HEADERS_TIMEOUT: connected and sent, no
 * answer within the limit of the upload's last progress. BODY_TIMEOUT: the
 * answer stopped for longer than the limit.
 */
export type TimeoutCode = 'CONNECT_TIMEOUT' | 'HEADERS_TIMEOUT' | 'BODY_TIMEOUT'

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError'
  constructor(readonly code: TimeoutCode) {
    super(code === 'CONNECT_TIMEOUT' ? 'no connection in time' : code === 'HEADERS_TIMEOUT' ? 'no answer in time' : 'the answer stopped')
  }
}

/**
 * Connections are kept for the next request, idle ones for 4 s at most (and
 * 1 s less than a server's `Keep-Alive: timeout=` when that is shorter, as
 * Node's agent reads it): reusing one the server has just closed fails the
 * request that finds it (ECONNRESET), and Node's own HTTP server closes idle
 * connections after 5 s. The agent's timer closes pooled connections only,
 * never one in use. Idle pooled connections do not hold the process open.
 */
const POOL = { keepAlive: true, timeout: 4000 }

/** An upload goes in pieces this large, so that the wait for the answer starts again each time the connection takes one. */
const UPLOAD_CHUNK = 64 * 1024

/**
 * Tells the transport whether the request may have reached the server: a
 * failure with `connected: false` came before the connection was up (TCP, and
 * TLS for https), whatever its code (ECONNRESET from a middlebox in the TLS
 * handshake, ETIMEDOUT from one of several addresses); with `connected: true`
 * the request may have been carried out, whatever its code (a TLS alert or a
 * bad record mid-answer).
 */
function markConnected(error: Error, connected: boolean): void {
  Object.assign(error, { connected })
}

/** Node's ERR_PROXY_TUNNEL for a proxy that did not answer CONNECT within the limit (it sets `proxyTunnelTimeout`). */
function isTunnelTimeout(error: Error): boolean {
  return (error as { code?: unknown }).code === 'ERR_PROXY_TUNNEL' && (error as { proxyTunnelTimeout?: unknown }).proxyTunnelTimeout !== undefined
}

/**
 * The client over Node's own `http` and `https`, with their keep-alive
 * agents. Chosen over undici (what the transport used before) because
 * Node's HTTP parser is native: undici's is WebAssembly, which each process
 * compiles at start, and which V8 compiles again with its optimizing tier on
 * a process's third answer, 45 to 60 ms of a background thread that the
 * process waits for before it exits and a 20 MB zone (README, Benchmarks).
 * Both parsers are llhttp. What undici gave the transport, and this keeps:
 * pooled connections, a limit on the wait for an answer's headers (from the
 * request, and again from each stretch of an upload the connection takes, so
 * a server that drips them is cut off too, and a long upload that goes on is
 * not), a limit on each pause in its body, and no redirects.
 */
export class NodeHttpClient implements HttpClient {
  private http?: HttpAgent
  private https?: HttpsAgent
  private proxied?: HttpsAgent

  /** `proxy`: the runner's proxy for https (proxy.ts), which Node's agent tunnels through with CONNECT. */
  constructor(
    private readonly timeoutMs: number,
    private readonly proxy?: ProxySetting
  ) {}

  private agentFor(url: URL): HttpAgent {
    if (url.protocol !== 'https:') return (this.http ??= new HttpAgent(POOL))
    if (!goesThroughProxy(url, this.proxy)) return (this.https ??= new HttpsAgent(POOL))
    // Node's own proxy support (Node 24.5 and later): CONNECT to the proxy, with its credentials, then TLS to the server
    // through the tunnel. NO_PROXY is decided above (goesThroughProxy), so that errors can say whether a proxy was in the way.
    return (this.proxied ??= new HttpsAgent({ ...POOL, proxyEnv: { HTTPS_PROXY: this.proxy!.url.href } } as ConstructorParameters<typeof HttpsAgent>[0]))
  }

  request(url: URL, { method, headers, body }: HttpRequest): Promise<HttpAnswer> {
    const secure = url.protocol === 'https:'
    const agent = this.agentFor(url)
    const send = secure ? httpsRequest : httpRequest
    const bytes = typeof body === 'string' ? Buffer.from(body) : body
    // A length, never chunked: every body is whole before it is sent, and a server may refuse a chunked upload.
    const sent = bytes === undefined ? headers : { ...headers, 'content-length': String(bytes.length) }
    return new Promise<HttpAnswer>((resolve, reject) => {
      // Up: TCP connected, and for https the TLS handshake done. Until then nothing of the request has left.
      let up = false
      let request: ClientRequest
      try {
        // Through a proxy, the request's `timeout` is Node's limit on the proxy's answer to CONNECT: without it, the agent's
        // (POOL's 4 s for idle connections) would cut off a proxy slower than that, whatever 'timeout-seconds' says.
        request = send(url, { method, headers: sent, agent, ...(agent === this.proxied ? { timeout: this.timeoutMs } : {}) })
      } catch (error) {
        // A header Node refuses (ERR_INVALID_CHAR): nothing went.
        markConnected(error as Error, false)
        throw error
      }
      const fail = (error: Error): void => {
        clearTimeout(headersTimer)
        // Node's own limit on a proxy's answer to CONNECT (the request's `timeout` below) is a connection that did not come.
        const failure = isTunnelTimeout(error) ? new TimeoutError('CONNECT_TIMEOUT') : error
        markConnected(failure, up)
        reject(failure)
      }
      // Counted from the request, and again from each stretch of the upload the connection took (and from its end), as
      // undici's was: a connection or an answer that does not come is cut off at the limit, a long upload that goes on is not.
      const headersTimer = setTimeout(() => request.destroy(new TimeoutError(up ? 'HEADERS_TIMEOUT' : 'CONNECT_TIMEOUT')), this.timeoutMs)
      request.once('socket', (socket: Socket) => {
        // Through a proxy, Node hands the request its socket only once the tunnel and the TLS handshake in it are up (its
        // 'secureConnect' has been and gone): until then every failure is the tunnel's or the handshake's, nothing was sent.
        if (request.reusedSocket || agent === this.proxied) up = true
        else
          socket.once(secure ? 'secureConnect' : 'connect', () => {
            up = true
          })
      })
      request.on('error', fail)
      request.once('finish', () => {
        if (up) headersTimer.refresh()
      })
      request.once('response', (answer: IncomingMessage) => {
        clearTimeout(headersTimer)
        resolve({ statusCode: answer.statusCode ?? 0, headers: eachHeader(answer), body: withPauseLimit(answer, this.timeoutMs) })
      })
      if (bytes === undefined) return void request.end()
      const writeFrom = (offset: number): void => {
        while (offset < bytes.length) {
          const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK)
          offset += chunk.length
          if (!request.write(chunk)) {
            request.once('drain', () => {
              if (up) headersTimer.refresh()
              writeFrom(offset)
            })
            return
          }
        }
        request.end()
      }
      writeFrom(0)
    })
  }

  async close(): Promise<void> {
    this.http?.destroy()
    this.https?.destroy()
    this.proxied?.destroy()
  }
}

/**
 * The answer's headers, a header the server sent more than once as the list
 * of its values (as undici gave them), never joined: Node's `headers` joins
 * most repeated headers with ', ' (two Content-Disposition headers made the
 * file's name "a.txt, attachment; filename=b.txt" where the transport reads the first).
 */
function eachHeader(answer: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, values] of Object.entries(answer.headersDistinct)) {
    if (values !== undefined) headers[name] = values.length === 1 ? (values[0] as string) : values
  }
  return headers
}

/**
 * The answer, destroyed with BODY_TIMEOUT when its connection goes quiet for
 * longer than the limit before the answer ends. The limit is the socket's
 * own idle timer, let go of when the answer ends (the socket goes back to
 * the pool, where the agent sets its own).
 */
function withPauseLimit(answer: IncomingMessage, timeoutMs: number): IncomingMessage {
  const socket = answer.socket
  if (socket === null || answer.complete) return answer
  const onQuiet = (): void => {
    answer.destroy(new TimeoutError('BODY_TIMEOUT'))
  }
  const release = (): void => {
    socket.removeListener('timeout', onQuiet)
  }
  socket.setTimeout(timeoutMs)
  socket.on('timeout', onQuiet)
  answer.once('end', release)
  answer.once('close', release)
  return answer
}
