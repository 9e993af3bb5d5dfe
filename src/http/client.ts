import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Socket } from 'node:net'
import type { Readable } from 'node:stream'

/**
 * The wire under the transport: one request out, one answer back, nothing
 * else. No redirect is followed (the transport decides each hop, and where
 * credentials go), no request is sent twice (the transport's retries know
 * which calls are safe to repeat), and nothing is logged.
 */
export interface HttpClient {
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
 * CONNECT_TIMEOUT: no connection within the limit, so nothing was sent.
 * HEADERS_TIMEOUT: connected and sent, no answer within the limit. BODY_TIMEOUT:
 * the answer stopped for longer than the limit.
 */
export type TimeoutCode = 'CONNECT_TIMEOUT' | 'HEADERS_TIMEOUT' | 'BODY_TIMEOUT'

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError'
  constructor(readonly code: TimeoutCode) {
    super(code === 'CONNECT_TIMEOUT' ? 'no connection in time' : code === 'HEADERS_TIMEOUT' ? 'no answer in time' : 'the answer stopped')
  }
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
 * request, so a server that drips them is cut off too) and on each pause in
 * its body, and no redirects.
 */
/**
 * Connections are kept for the next request, idle ones for 4 s at most (and
 * 1 s less than a server's `Keep-Alive: timeout=` when that is shorter, as
 * Node's agent reads it): reusing one the server has just closed fails the
 * request that finds it (ECONNRESET), and Node's own HTTP server closes idle
 * connections after 5 s. The agent's timer closes pooled connections only,
 * never one in use. Idle pooled connections do not hold the process open.
 */
const POOL = { keepAlive: true, timeout: 4000 }

export class NodeHttpClient implements HttpClient {
  private http?: HttpAgent
  private https?: HttpsAgent

  constructor(private readonly timeoutMs: number) {}

  request(url: URL, { method, headers, body }: HttpRequest): Promise<HttpAnswer> {
    const secure = url.protocol === 'https:'
    const agent = secure ? (this.https ??= new HttpsAgent(POOL)) : (this.http ??= new HttpAgent(POOL))
    const send = secure ? httpsRequest : httpRequest
    // A length, never chunked: every body is whole before it is sent, and a server may refuse a chunked upload.
    const sent = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }
    return new Promise<HttpAnswer>((resolve, reject) => {
      let socket: Socket | undefined
      const request: ClientRequest = send(url, { method, headers: sent, agent })
      const fail = (error: Error): void => {
        clearTimeout(headersTimer)
        reject(error)
      }
      const headersTimer = setTimeout(() => request.destroy(new TimeoutError(socket === undefined || socket.connecting ? 'CONNECT_TIMEOUT' : 'HEADERS_TIMEOUT')), this.timeoutMs)
      request.once('socket', (assigned: Socket) => {
        socket = assigned
      })
      request.on('error', fail)
      request.once('response', (answer: IncomingMessage) => {
        clearTimeout(headersTimer)
        resolve({ statusCode: answer.statusCode ?? 0, headers: answer.headers, body: withPauseLimit(answer, this.timeoutMs) })
      })
      request.end(body)
    })
  }

  async close(): Promise<void> {
    this.http?.destroy()
    this.https?.destroy()
  }
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
