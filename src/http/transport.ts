import { openAsBlob } from 'node:fs'
import { maxHeaderSize } from 'node:http'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { errorMessage } from '../errors.js'
import { NodeHttpClient, type HttpAnswer, type HttpClient } from './client.js'
import { describeProxy, goesThroughProxy, type ProxySetting } from './proxy.js'
import { ApiError } from './errors.js'
import type { ListBounds } from './json-list.js'
import { isLoopback } from './server-url.js'
import { uploadMimeType } from './upload-types.js'

export type HttpMethod = 'GET' | 'POST' | 'DELETE'
/** `form`: application/x-www-form-urlencoded (multipart with files); `json`: exactly `application/json`. */
export type BodyEncoding = 'form' | 'json'

/**
 * One Console endpoint, as data (Octokit style): adding an endpoint is a row,
 * not new plumbing. GET sends its parameters as a query string; POST and
 * DELETE as a form body (multipart when a file goes along).
 */
export interface Endpoint {
  readonly method: HttpMethod
  readonly path: string
  /**
   * Safe to send again when an attempt failed after the Console may have
   * acted on it: reads, and calls that set a state (update, enable, disable,
   * delete, remove). Not creates: a second create mints a second token.
   * Defaults to true for GET, false otherwise.
   */
  readonly repeatable?: boolean
  /** Overrides the dialect's body encoding for this endpoint. */
  readonly body?: BodyEncoding
  /**
   * The object field every success of this endpoint carries (fetch: `token`).
   * A success without it is an answer we could not read (a 2xx: the server
   * may have acted), not a success that breaks the caller later.
   */
  readonly answers?: string
  /** The list field every success of this endpoint carries (the incident feeds: `incidents`), checked as `answers` is. */
  readonly answersList?: string
}

export type ParamValue = string | number | boolean | undefined | null
export type Params = Record<string, ParamValue>
/** Files to send as multipart parts: part name -> path on disk. */
export type FileParams = Record<string, string>

/** Every successful JSON answer of the Console carries this. */
export interface SuccessBody {
  result: 'success'
}

export interface Logger {
  debug(message: string): void
  /** Retries and recoveries: worth seeing in a normal log. */
  info(message: string): void
}

/** How failed attempts are retried. */
export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number
  /** The first backoff wait; it doubles with each attempt, with jitter. */
  baseDelayMs: number
  maxDelayMs: number
  /** The longest `Retry-After` honoured; a longer one is waited for this long, then the call is tried again. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 }

/**
 * Lets a caller settle a call that is not safe to repeat, after an attempt
 * the Console may have acted on: it looks at the Console (e.g. searches for
 * the token a create would have made) and returns that answer, or undefined
 * when the Console did not act, so the call is sent again.
 */
export type Recovery<T> = (failure: ApiError) => Promise<T | undefined>

/** What an attempt's answer tells a gate: its status (none when no answer came) and how long `Retry-After` asked to wait. */
export interface AttemptAnswer {
  status?: number
  retryAfterMs?: number
}

/**
 * Admits every attempt, retries included (see AdaptiveConcurrency); the
 * function it gives back is called once, when that attempt is over.
 */
export interface AttemptGate {
  enter(): Promise<(answer: AttemptAnswer) => void>
}

/**
 * What one kind of server says and wants beyond plain HTTP: how it is named
 * in messages, the credentials its own origin gets, how its bodies are
 * encoded and how its answers tell success from failure. Each backend has
 * one; the transport (retries, the gate, redirects, downloads) is shared.
 */
export interface ServerDialect {
  /** The server in messages: 'the Console', 'the Canarytokens server'. */
  readonly serverName: string
  /** The input that names the server, for hints: 'console', 'canarytokens-server'. */
  readonly serverInput: string
  /** How POST and DELETE parameters travel when the endpoint does not say. */
  readonly bodyEncoding: BodyEncoding
  /** Headers for the server's own origin only (its credentials); never sent to a redirect's other origin. */
  authHeaders(): Record<string, string>
  /**
   * The error an answer stands for, or undefined when it is a success.
   * `parsed`, when given, is `text` parsed once by the transport (`{ json }`,
   * or null when the text is not JSON), so a big answer is not parsed twice.
   */
  errorForAnswer(status: number, contentType: string | undefined, text: string, location?: string, parsed?: ParsedAnswer | null): ApiError | undefined
  /** Whether a small JSON object that came instead of a file is one of this server's answers (so an error, never the file). */
  isAnswerRecord(record: Record<string, unknown>): boolean
}

/** An answer's text parsed as JSON, once. */
export interface ParsedAnswer {
  json: unknown
}

/** `text` parsed as JSON, or null when it is not JSON. */
export function parseAnswer(text: string): ParsedAnswer | null {
  try {
    return { json: JSON.parse(text) as unknown }
  } catch {
    return null
  }
}

export interface TransportOptions {
  /** The server's origin (and, for a server whose API lives under a prefix, nothing more: endpoints carry their paths). */
  baseUrl: URL
  dialect: ServerDialect
  /** Limit for the answer's headers, and for each pause in its body. */
  timeoutMs: number
  userAgent: string
  /** Told about every credential an answer carries, before anything else sees the answer. */
  onSecret: (value: string) => void
  /** Finds the credentials in a JSON answer. */
  findSecrets: (body: unknown) => string[]
  /**
   * Hides the registered secrets in the error a call ends with (its message
   * and the server's own): an item's message goes into outputs, list files
   * and artifacts, which neither our log's redaction nor the runner's masks
   * reach, and a server may echo what it was sent.
   */
  redact?: (text: string) => string
  logger?: Logger
  /** Defaults to DEFAULT_RETRY_POLICY. */
  retry?: Partial<RetryPolicy>
  /** Limits the attempts in flight; without one, only the callers' own concurrency does. */
  gate?: AttemptGate
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>
  /** The runner's proxy for https (HTTPS_PROXY, NO_PROXY), when it names one. */
  proxy?: ProxySetting
  /** For tests: the wire (an undici MockAgent behind the same interface); closing the transport leaves it open. */
  client?: HttpClient
}

export interface DownloadedBody {
  body: Readable
  /** The server's name for the file (Content-Disposition), untrusted. */
  filename?: string
  contentType?: string
  contentLength?: number
}

/** Which attempt of a call this is, and whether an earlier one may have been carried out. */
interface Tries {
  number: number
  earlierAttemptMayHaveActed: boolean
}

/** json-list.ts, loaded when a listing first needs it. */
type ListCutter = typeof import('./json-list.js')

/** A listing page's answer (see HttpTransport.callList). */
export interface ListAnswer<T> {
  /** The answer, its list field empty when the items are left to `items`. */
  answer: T
  /** The list's items, once, in order; undefined when the answer's field is not a list. */
  items: Iterable<unknown> | undefined
}

/** Largest JSON answer we will read into memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024
/**
 * Largest file we download. Token files are small (documents, zips, a signed
 * exe of at most the 10 MiB we upload); the whole file is held in memory so
 * that a broken connection can be retried from the start.
 */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024

function describeStatus(status: number): string {
  return `HTTP ${status}`
}

/** Content-Disposition's filename (RFC 6266: `filename*` wins over `filename`). */
export function filenameFromContentDisposition(header: string | undefined): string | undefined {
  if (!header) return undefined
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim())
    } catch {
      // fall through to the plain form
    }
  }
  const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)
  if (quoted?.[1] !== undefined) return quoted[1].replace(/\\(.)/g, '$1')
  const plain = /filename\s*=\s*([^;]+)/i.exec(header)
  return plain?.[1]?.trim() || undefined
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code
  if (typeof code === 'string') return code
  // fetch-style errors keep the system error as their cause.
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code
  return typeof cause === 'string' ? cause : undefined
}

function isTimeout(error: unknown): boolean {
  const code = errorCode(error)
  return (
    code === 'HEADERS_TIMEOUT' ||
    code === 'BODY_TIMEOUT' ||
    code === 'CONNECT_TIMEOUT' ||
    (error as { name?: string })?.name === 'TimeoutError'
  )
}

/** Failures to connect at all: the request never left, so nothing can have happened on the Console. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'CONNECT_TIMEOUT'])

/**
 * The request never reached the Console: no connection, no name, or a TLS
 * handshake that failed. The wire says so when it knows (`connected`, see
 * client.ts): a TLS alert or an ECONNRESET is either, by when it came.
 */
function neverSent(error: unknown, code: string | undefined): boolean {
  const connected = (error as { connected?: unknown })?.connected
  if (typeof connected === 'boolean') return !connected
  return code !== undefined && (NOT_SENT_CODES.has(code) || code === 'ENOTFOUND' || /CERT|^ERR_TLS_|^ERR_SSL_|^UNABLE_TO_/.test(code))
}

/**
 * Connection failures worth another attempt. Not among them: a name that
 * does not resolve (ENOTFOUND: a wrong 'console' input, better said at once)
 * and TLS failures (a certificate problem is not flakiness).
 */
const RETRYABLE_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT'])

/** Statuses that say "later": rate limiting and a gateway or Console that is briefly unavailable. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])

/** What a connection error code means, in words a user can act on; `check` is what names the host (`'console'`, or a proxy's variable). */
function explainCode(code: string, check: string): string | undefined {
  if (code === 'ENOTFOUND') return `the name does not resolve; check ${check}`
  if (code === 'EAI_AGAIN') return 'the name could not be resolved just now (DNS)'
  if (code === 'ECONNREFUSED') return `the connection was refused; check ${check} and that nothing blocks the port`
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') return 'no route to the host'
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') return 'the connection was closed by the other end'
  if (code === 'ETIMEDOUT') return 'the connection timed out'
  // Node's HTTP parser (llhttp): the bytes that came back were not an HTTP answer it accepts.
  if (code === 'HPE_HEADER_OVERFLOW') return `the answer's headers were larger than ${maxHeaderSize / 1024} KiB`
  if (code.startsWith('HPE_')) return 'the answer was not valid HTTP'
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'TLS failed: the certificate does not name this host'
  if (code === 'CERT_HAS_EXPIRED') return 'TLS failed: the certificate has expired'
  if (/SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)) return 'TLS failed: the certificate is not signed by a trusted authority (a TLS-inspecting proxy? set NODE_EXTRA_CA_CERTS)'
  if (/CERT|^ERR_TLS_|^ERR_SSL_/.test(code)) return 'TLS failed'
  return undefined
}

/**
 * The proxy's own refusal of a tunnel (Node's ERR_PROXY_TUNNEL, "... HTTP/1.1 407 Proxy Authentication Required"):
 * its status line, cut short and without control characters (it is the proxy's text).
 */
function proxyRefusal(error: unknown): string {
  if (tunnelClosed(error)) return 'the proxy closed the connection before the tunnel was up'
  // Node sets NaN when the answer's first line has no status: not an HTTP answer.
  if (tunnelStatus(error) === undefined) return "the proxy's answer to CONNECT was not HTTP"
  const status = /\bHTTP\/\d(?:\.\d)? (\d{3}[^\r\n]{0,80})/.exec(errorMessage(error))?.[1]
  // eslint-disable-next-line no-control-regex -- control characters are what goes
  return status ? `the proxy refused the tunnel (HTTP ${status.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()})` : 'the proxy refused the tunnel'
}

/** Node's ERR_PROXY_TUNNEL without a status: the proxy closed the connection before it answered CONNECT ("... ended unexpectedly"). */
function tunnelClosed(error: unknown): boolean {
  return (error as { statusCode?: unknown })?.statusCode === undefined
}

/** The status of a proxy's refusal of CONNECT (Node's ERR_PROXY_TUNNEL sets `statusCode`), if it answered with one. */
function tunnelStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown })?.statusCode
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined
}

/**
 * A tunnel the proxy did not set up, worth another attempt: it closed the connection before answering, or said
 * "later" (502, 503, 504: it could not reach the server just now; 429). Not a 407 or 403: credentials or a rule.
 * Nothing went through, so even a create is safe to send again.
 */
function tunnelRetryable(error: unknown, code: string | undefined): boolean {
  if (code !== 'ERR_PROXY_TUNNEL') return false
  if (tunnelClosed(error)) return true
  const status = tunnelStatus(error)
  return status !== undefined && RETRYABLE_STATUSES.has(status)
}

function networkError(error: unknown, timeoutMs: number, dialect: ServerDialect, target?: URL, elsewhere = false, proxy?: ProxySetting): ApiError {
  if (error instanceof ApiError) return error
  const through = proxy ? ` through ${describeProxy(proxy)}` : ''
  if (isTimeout(error)) {
    return new ApiError(
      `${target && elsewhere ? target.origin : dialect.serverName} did not answer within ${timeoutMs / 1000} s${through} (raise 'timeout-seconds' if it is slow)`,
      'timeout'
    )
  }
  const code = errorCode(error)
  // Through a proxy, a failure to connect is the proxy's: the server is the proxy's to reach.
  const check = proxy && neverSent(error, code) ? proxy.variable : `'${dialect.serverInput}'`
  const explanation = code === 'ERR_PROXY_TUNNEL' ? proxyRefusal(error) : code ? explainCode(code, check) : undefined
  const detail = code ? (explanation ? `${code}: ${explanation}` : code) : errorMessage(error)
  // The origin only: a signed storage URL's query is a credential.
  const where = target ? target.origin : dialect.serverName
  const what = code && !neverSent(error, code) ? `the connection to ${where} broke` : `could not reach ${where}`
  return new ApiError(`${what}${through} (${detail})`, 'network')
}

/** One attempt's failure, with what deciding on another attempt needs. */
class FailedAttempt extends Error {
  constructor(
    readonly error: ApiError,
    /** Why another attempt may succeed; undefined when it would fail the same way. */
    readonly retryReason: string | undefined,
    /** The Console may have carried the request out. */
    readonly mayHaveActed: boolean,
    readonly retryAfter?: string
  ) {
    super(error.message)
  }
}

/**
 * An attempt that failed before or while the request travelled, or while its
 * answer came (no answer to judge). An answer that had begun to come was sent,
 * whatever the failure's code says.
 */
function failedInTransit(error: unknown, timeoutMs: number, dialect: ServerDialect, target?: URL, elsewhere = false, proxy?: ProxySetting): FailedAttempt {
  const code = errorCode(error)
  const mapped = networkError(error, timeoutMs, dialect, target, elsewhere, proxy)
  const retryable = mapped.failure === 'timeout' || (code !== undefined && RETRYABLE_CODES.has(code)) || tunnelRetryable(error, code)
  const reason = mapped.failure === 'timeout' ? 'timeout' : `connection error ${code ?? ''}`.trim()
  return new FailedAttempt(mapped, retryable ? reason : undefined, !neverSent(error, code))
}

/** A failure while an answer's body came: the request was sent, so its connection was up. */
function answerBroke(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && !(error instanceof ApiError)) Object.assign(error, { connected: true })
  return error
}

/** An attempt the Console answered, with an error. */
function failedAnswer(error: ApiError, retryAfter: string | undefined): FailedAttempt {
  const status = error.status ?? 0
  const retryable = RETRYABLE_STATUSES.has(status)
  // A 5xx may come after the work was done, and a 2xx we could not read may
  // be a success; a 4xx (429 included) and an error the Console explains are refusals.
  const mayHaveActed = status >= 500 || (status >= 200 && status < 300 && error.failure === 'not-json')
  return new FailedAttempt(error, retryable ? `HTTP ${status}` : undefined, mayHaveActed, retryable ? retryAfter : undefined)
}

/**
 * How long `Retry-After` asks us to wait (delta seconds or an HTTP date), or
 * undefined when it says nothing usable.
 */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  const value = header?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // An HTTP date names its day and month in words.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * The wait before attempt `failedAttempt + 1`: the Console's `Retry-After`
 * when it gave one (capped), else exponential backoff with jitter (a random
 * point in the upper half of the doubled wait), so that many runs failing
 * together do not come back together.
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number, retryAfter?: string, random: () => number = Math.random): number {
  const asked = retryAfterMs(retryAfter)
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs)
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

/** A short, safe description of a body that is not JSON: never the body itself. */
export function describeNonJson(contentType: string | undefined, text: string): string {
  const type = contentType?.split(';')[0]?.trim() || 'no content type'
  return `the answer was not JSON (${type}, ${Buffer.byteLength(text)} bytes)`
}

/**
 * A parameter as the reference writes it. Booleans are `True`/`False`: the
 * form the reference gives for `active` ("If set to True"), the one Thinkst's
 * Python client and scripts send (`str(True)`), and one a Console that
 * compares case-insensitively reads too.
 */
export function parameterText(value: string | number | boolean): string {
  if (value === true) return 'True'
  if (value === false) return 'False'
  return String(value)
}

/** Redirects a download follows; beyond this many hops it fails. */
export const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])


function downloadUrl(baseUrl: URL, endpoint: Endpoint, params: Params): URL {
  const url = new URL(endpoint.path, baseUrl)
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) url.searchParams.set(name, parameterText(value))
  }
  return url
}

/** Where a download's redirect leads, refused when it has no target, leads off https or goes round too often. */
export function nextHop(from: URL, location: string | undefined, hops: number, status: number): URL {
  const refuse = (why: string): never => {
    throw new FailedAttempt(new ApiError(`${describeStatus(status)}: the download was redirected ${why}`, 'redirect', status), undefined, false)
  }
  if (hops >= MAX_REDIRECTS) return refuse(`more than ${MAX_REDIRECTS} times; stopped following`)
  if (!location) return refuse('without a Location')
  let target: URL
  try {
    target = new URL(location, from)
  } catch {
    return refuse('to an address that is not a URL')
  }
  const shown = `${target.origin}${target.pathname}`
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return refuse(`to ${target.protocol} (only https is followed)`)
  if (target.username || target.password) return refuse(`to ${shown} with credentials in the URL`)
  // As for 'console': plain http to loopback hosts only.
  if (target.protocol === 'http:' && !isLoopback(target.hostname)) {
    return refuse(`to plain http (${shown}); not followed: the file would cross the network in clear text`)
  }
  return target
}

/** Bodies at most this large are looked at to tell an error from a file. */
const SNIFF_BYTES = 64 * 1024

/** The `<title>` of an HTML page, short and on one line. */
function htmlTitle(text: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim()
  return title ? title.slice(0, 120) : undefined
}

/**
 * Why a download's answer is not the file, or undefined when it is. Decided
 * by the body as well as the headers: a Console may answer an error with 200
 * and `text/html` or no Content-Type, so a small body that is a JSON
 * `{"result": ...}` or an HTML page is an answer, never the token's file (no
 * token file is either).
 */
export function downloadFailure(
  dialect: ServerDialect,
  status: number,
  contentType: string | undefined,
  disposition: string | undefined,
  content: Buffer
): ApiError | undefined {
  const head = content.subarray(0, SNIFF_BYTES).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  const looksJson = head.startsWith('{') && content.length <= SNIFF_BYTES
  const looksHtml = /^<(!doctype html|html|head|body)\b/i.test(head)
  const text = looksJson || looksHtml ? content.toString('utf8') : ''
  let record: Record<string, unknown> | undefined
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && dialect.isAnswerRecord(parsed as Record<string, unknown>)) {
        record = parsed as Record<string, unknown>
      }
    } catch {
      // not JSON after all: judged below like any other body
    }
  }
  if (record) {
    const failure = dialect.errorForAnswer(status, 'application/json', text)
    return failure ?? new ApiError(`${describeStatus(status)}: ${dialect.serverName} answered with JSON instead of a file`, 'result', status)
  }
  if (status < 200 || status >= 300) return dialect.errorForAnswer(status, contentType, text || content.toString('utf8'))
  if (looksHtml) {
    const title = htmlTitle(text)
    return new ApiError(
      `${describeStatus(status)}: ${dialect.serverName} answered with an HTML page instead of the file${title ? ` ("${title}")` : ''}`,
      'not-json',
      status,
      title
    )
  }
  if (/\bjson\b/i.test(contentType ?? '') && !disposition) {
    return new ApiError(`${describeStatus(status)}: ${describeNonJson(contentType, content.toString('utf8'))}`, 'not-json', status)
  }
  return undefined
}

/**
 * The one module that speaks HTTP to Canary servers: it owns the URL, the auth
 * header, body encoding, timeouts, retries and the mapping of every failure
 * to a ApiError. It knows nothing of action inputs or of `@actions/core`.
 */
export class HttpTransport {
  private readonly client: HttpClient
  private readonly policy: RetryPolicy

  constructor(private readonly options: TransportOptions) {
    this.client = options.client ?? new NodeHttpClient(options.timeoutMs, options.proxy)
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  }

  /**
   * Calls a JSON endpoint; resolves only on a verified success. Failures
   * worth another attempt are retried; `recover` settles a call that is not
   * safe to repeat (see `Recovery`).
   */
  async call<T>(endpoint: Endpoint, params: Params = {}, files: FileParams = {}, recover?: Recovery<T>): Promise<T> {
    return this.withRetries(endpoint, () => this.callOnce<T>(endpoint, params, files), recover)
  }

  private async callOnce<T>(endpoint: Endpoint, params: Params, files: FileParams): Promise<T> {
    const { statusCode, headers, body } = await this.send(endpoint, params, files, 'application/json')
    const answer = this.judged<T>(statusCode, headers, await this.readAnswer(body))
    const field = endpoint.answers
    if (field !== undefined) {
      const value = (answer as Record<string, unknown> | null)?.[field]
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        const server = this.options.dialect.serverName
        // A call not safe to repeat may have been carried out all the same (a key added): say so, it is not sent again.
        const mayHaveActed = (endpoint.repeatable ?? endpoint.method === 'GET') ? '' : `; it may have been carried out all the same: check ${server} before trying again`
        throw failedAnswer(new ApiError(`HTTP ${statusCode}: ${server} answered "success" without the "${field}" object${mayHaveActed}`, 'not-json', statusCode), undefined)
      }
    }
    const list = endpoint.answersList
    if (list !== undefined && !Array.isArray((answer as Record<string, unknown> | null)?.[list])) {
      throw failedAnswer(new ApiError(`HTTP ${statusCode}: ${this.options.dialect.serverName} answered "success" without the "${list}" list`, 'not-json', statusCode), undefined)
    }
    return answer
  }

  /** An answer's bytes, read whole (bounded); a connection that breaks meanwhile is a failed attempt. */
  private async readAnswer(body: HttpAnswer['body']): Promise<Buffer> {
    try {
      return await readBody(body, MAX_JSON_BYTES)
    } catch (error) {
      throw failedInTransit(answerBroke(error), this.options.timeoutMs, this.options.dialect, this.options.baseUrl, false, this.proxyFor(this.options.baseUrl))
    }
  }

  /** The answer's JSON when the dialect calls it a success, its secrets masked; otherwise the failed attempt it is. */
  private judged<T>(statusCode: number, headers: HttpAnswer['headers'], content: Buffer): T {
    const text = content.toString('utf8')
    // Parsed once, here: the dialect judges the parsed answer, and the caller gets the same one.
    const parsed = parseAnswer(text)
    const failure = this.options.dialect.errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'), parsed)
    if (failure) {
      if (parsed) this.maskSecrets(parsed.json, statusCode)
      throw failedAnswer(failure, headerValue(headers, 'retry-after'))
    }
    if (!parsed) throw failedAnswer(new ApiError(`HTTP ${statusCode}: ${describeNonJson(headerValue(headers, 'content-type'), text)}`, 'not-json', statusCode), undefined)
    this.maskSecrets(parsed.json, statusCode)
    return parsed.json as T
  }

  /**
   * Masks the credentials a parsed answer holds. JSON.parse reads any depth,
   * the walk for credentials does not: an answer nested too deeply for it is
   * a failed attempt (it was not read, and nothing may see it unmasked), not
   * a RangeError that names no call or server.
   */
  private maskSecrets(json: unknown, statusCode: number): void {
    let secrets: string[]
    try {
      secrets = this.options.findSecrets(json)
    } catch (error) {
      if (!(error instanceof RangeError)) throw error
      throw failedAnswer(new ApiError(`HTTP ${statusCode}: the answer was nested too deeply to read`, 'not-json', statusCode), undefined)
    }
    for (const secret of secrets) this.options.onSecret(secret)
  }

  /**
   * Calls a JSON endpoint whose answer holds a long list in `field` (a page
   * of a listing), like `call`, but leaves the list's items as bytes until
   * they are read: the answer comes back with `field` empty, and `items`
   * parses them one at a time (see json-list.ts), masking each item's
   * secrets before handing it out. A page of items is never on the heap at
   * once. An item that does not parse fails the call as `call` would have
   * failed it (that answer was not JSON), with the attempts it took; read
   * every item to be sure there is none (a walk reads the rest of a page
   * before asking for the next). `items` is undefined when the answer's
   * `field` is not a list. The dialect judges the answer by everything but
   * the list's items, as the Console's does (status, `result`, `message`).
   * For endpoints safe to repeat only (listings are reads). Once `signal`
   * is aborted (a page asked for ahead that nobody wants any more), a failed
   * attempt is not tried again nor waited for.
   */
  async callList<T extends object>(endpoint: Endpoint, params: Params, field: string, signal?: AbortSignal): Promise<ListAnswer<T>> {
    if (!(endpoint.repeatable ?? endpoint.method === 'GET')) throw new Error(`callList is for endpoints safe to repeat, not ${endpoint.method} ${endpoint.path}`)
    let tries: Tries = { number: 1, earlierAttemptMayHaveActed: false }
    // Loaded by listings only: no other step compiles it.
    const cutter = await import('./json-list.js')
    return this.withRetries(
      endpoint,
      async (attempt) => {
        tries = { ...attempt }
        const { statusCode, headers, body } = await this.send(endpoint, params, {}, 'application/json')
        const content = await this.readAnswer(body)
        const cut = statusCode >= 200 && statusCode < 300 ? this.cutList<T>(cutter, statusCode, headers, content, field) : undefined
        if (cut) {
          // Judged as the whole answer would have been, when an item shows that it was not JSON after all.
          const notJson = () => {
            try {
              this.judged(statusCode, headers, content)
            } catch (thrown) {
              if (thrown instanceof FailedAttempt) return this.gaveUp(endpoint, thrown.error, tries)
              throw thrown
            }
            // Unreachable: pieces that do not all parse make an answer that does not either.
            return this.gaveUp(endpoint, new ApiError(`HTTP ${statusCode}: ${describeNonJson(headerValue(headers, 'content-type'), content.toString('utf8'))}`, 'not-json', statusCode), tries)
          }
          return { answer: cut.answer, items: this.listItems(cutter, content, cut.bounds, field, notJson) }
        }
        const answer = this.judged<T>(statusCode, headers, content)
        const list = (answer as Record<string, unknown>)[field]
        return { answer, items: Array.isArray(list) ? takeEach(list) : undefined }
      },
      undefined,
      signal
    )
  }

  /** The answer with its list cut out, when it can be cut and, so cut, is a success; undefined to judge it whole. */
  private cutList<T>(cutter: ListCutter, statusCode: number, headers: HttpAnswer['headers'], content: Buffer, field: string): { answer: T; bounds: ListBounds } | undefined {
    const bounds = cutter.listBounds(content, field)
    if (!bounds) return undefined
    const text = cutter.envelopeText(content, bounds)
    const parsed = parseAnswer(text)
    if (!parsed || this.options.dialect.errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'), parsed)) return undefined
    this.maskSecrets(parsed.json, statusCode)
    return { answer: parsed.json as T, bounds }
  }

  /** The list's items, each parsed when it is read, its secrets masked first (found as the whole answer's walk finds them: under `field`). */
  private *listItems(cutter: ListCutter, content: Buffer, bounds: ListBounds, field: string, notJson: () => ApiError): Generator<unknown> {
    const count = bounds.items.length / 2
    for (let index = 0; index < count; index++) {
      let item: unknown
      try {
        item = JSON.parse(cutter.itemText(content, bounds, index))
        for (const secret of this.options.findSecrets({ [field]: [item] })) this.options.onSecret(secret)
      } catch {
        // Not JSON, or nested too deeply to look for its secrets: judged whole, it fails as it would have whole.
        throw notJson()
      }
      yield item
    }
  }

  /**
   * Calls an endpoint that answers with a file. The whole file is read
   * before this resolves (bounded), so a connection that breaks mid-file is
   * retried from the start and the caller never sees half a file. An answer
   * in JSON, or any error status, is mapped like `call` does.
   */
  async download(endpoint: Endpoint, params: Params = {}): Promise<DownloadedBody> {
    return this.withRetries(endpoint, () => this.downloadOnce(endpoint, params))
  }

  private async downloadOnce(endpoint: Endpoint, params: Params): Promise<DownloadedBody> {
    let answer = await this.send(endpoint, params, {}, '*/*')
    let url = downloadUrl(this.options.baseUrl, endpoint, params)
    // Downloads follow redirects, as the reference's `curl -L` and
    // `allow_redirects=True` do; each hop is ours, so the auth header goes to
    // the Console's own origin only and never to storage elsewhere.
    for (let hops = 0; REDIRECT_STATUSES.has(answer.statusCode); hops++) {
      // Read out, so that the hop goes on the same connection.
      await discard(answer.body)
      const location = headerValue(answer.headers, 'location')
      const next = nextHop(url, location, hops, answer.statusCode)
      this.options.logger?.debug(`${endpoint.method} ${endpoint.path}: HTTP ${answer.statusCode}, following the redirect to ${next.origin}${next.pathname}`)
      url = next
      answer = await this.get(url, '*/*')
    }
    const { statusCode, headers, body } = answer
    const contentType = headerValue(headers, 'content-type')
    const disposition = headerValue(headers, 'content-disposition')
    let content: Buffer
    try {
      content = await readBody(body, MAX_DOWNLOAD_BYTES)
    } catch (error) {
      throw failedInTransit(answerBroke(error), this.options.timeoutMs, this.options.dialect, url, url.origin !== this.options.baseUrl.origin, this.proxyFor(url))
    }
    const failure = downloadFailure(this.options.dialect, statusCode, contentType, disposition, content)
    if (failure) {
      if (failure.failure !== 'not-json') this.maskSecretsIn(content.toString('utf8'))
      throw failedAnswer(failure, headerValue(headers, 'retry-after'))
    }
    return {
      body: Readable.from([content], { objectMode: false }),
      filename: filenameFromContentDisposition(disposition),
      contentType,
      contentLength: content.length
    }
  }

  /**
   * Runs attempts until one succeeds, a failure is not worth retrying, or
   * the retries are spent. Hand-written rather than undici's RetryAgent /
   * RetryHandler (v6), which cannot express our rules: when it gives up on a
   * retryable status it throws a RequestRetryError without the answer's body,
   * losing the Console's message (and whether the body was JSON at all); it
   * resumes a broken download with Range requests the Console does not
   * document; it has no hook to look at the Console between two attempts of
   * a create (the check that stops a flaky network from minting two tokens);
   * and it cannot log each retry.
   */
  private async withRetries<T>(endpoint: Endpoint, attempt: (tries: Tries) => Promise<T>, recover?: Recovery<T>, signal?: AbortSignal): Promise<T> {
    const attempts = this.policy.retries + 1
    const repeatable = endpoint.repeatable ?? endpoint.method === 'GET'
    const call = `${endpoint.method} ${endpoint.path}`
    let earlierAttemptMayHaveActed = false
    for (let number = 1; ; number++) {
      try {
        return await this.gated(() => attempt({ number, earlierAttemptMayHaveActed }))
      } catch (thrown) {
        if (!(thrown instanceof FailedAttempt)) throw thrown
        const { error } = thrown
        const final = (message = error.message): ApiError => this.gaveUp(endpoint, error, { number, earlierAttemptMayHaveActed }, message)
        // Nobody wants the answer any more (signal): the failure stands, without another attempt or a wait for one.
        const retrying = thrown.retryReason !== undefined && number < attempts && !signal?.aborted
        if (thrown.mayHaveActed && !repeatable) {
          if (recover) {
            // Even when no retry follows: a token the Console made must not be reported as a failure.
            this.options.logger?.info(`${call}: attempt ${number} of ${attempts} failed (${error.message}); checking whether ${this.options.dialect.serverName} acted on it.`)
            let settled: T | undefined
            try {
              settled = await recover(error)
            } catch (check) {
              const reason = errorMessage(check)
              // The check often fails as the call did (the same timeout): say it once.
              const why = reason === error.message ? ' (checking whether it had failed the same way)' : `: ${reason}`
              throw final(`${error.message}; ${this.options.dialect.serverName} may have acted on it, so it was not sent again${why}`)
            }
            if (settled !== undefined) {
              this.options.logger?.info(`${call}: ${this.options.dialect.serverName} had acted on attempt ${number}; not sending it again.`)
              return settled
            }
          } else if (retrying) {
            throw final(`${error.message}; not sent again: ${this.options.dialect.serverName} may have acted on it, and this call is not safe to repeat`)
          }
        }
        if (!retrying) throw final()
        earlierAttemptMayHaveActed ||= thrown.mayHaveActed && repeatable
        const wait = retryDelayMs(this.policy, number, thrown.retryAfter)
        const why = retryAfterMs(thrown.retryAfter) === undefined ? '' : ` (${this.options.dialect.serverName} asked for this wait with Retry-After)`
        this.options.logger?.info(`${call}: attempt ${number} of ${attempts} failed (${error.message}); trying again in ${seconds(wait)}${why}.`)
        if (this.options.sleep) await this.options.sleep(wait)
        else await sleep(wait, undefined, { signal }).catch(() => undefined)
        if (signal?.aborted) throw final()
      }
    }
  }

  /** The error a call ends with: its last attempt's, with the number of attempts and what was tried. */
  private gaveUp(endpoint: Endpoint, error: ApiError, tries: Tries, message = error.message): ApiError {
    const hide = this.options.redact ?? ((text: string) => text)
    const serverMessage = error.serverMessage === undefined ? undefined : hide(error.serverMessage)
    return Object.assign(new ApiError(hide(message), error.failure, error.status, serverMessage, tries.number, tries.earlierAttemptMayHaveActed), {
      tried: `${endpoint.method} ${endpoint.path} at ${this.options.baseUrl.origin}`
    })
  }

  /** One attempt through the gate, which hears how it went. */
  private async gated<T>(attempt: () => Promise<T>): Promise<T> {
    const gate = this.options.gate
    if (!gate) return attempt()
    const leave = await gate.enter()
    try {
      const result = await attempt()
      leave({ status: 200 })
      return result
    } catch (thrown) {
      const failed = thrown instanceof FailedAttempt ? thrown : undefined
      const asked = retryAfterMs(failed?.retryAfter)
      leave({ status: failed?.error.status, retryAfterMs: asked === undefined ? undefined : Math.min(asked, this.policy.maxRetryAfterMs) })
      throw thrown
    }
  }

  private maskSecretsIn(text: string): void {
    try {
      for (const secret of this.options.findSecrets(JSON.parse(text))) this.options.onSecret(secret)
    } catch {
      // not JSON: nothing structured to mask, and the body is never printed
    }
  }

  private headersFor(url: URL, accept: string): Record<string, string> {
    const headers: Record<string, string> = { accept, 'user-agent': this.options.userAgent }
    // Credentials go in headers only (URLs end up in logs and proxies), and
    // only to the server's own origin.
    if (url.origin === this.options.baseUrl.origin) Object.assign(headers, this.options.dialect.authHeaders())
    return headers
  }

  private async send(endpoint: Endpoint, params: Params, files: FileParams, accept: string): Promise<HttpAnswer> {
    const url = new URL(endpoint.path, this.options.baseUrl)
    const headers = this.headersFor(url, accept)
    const entries = Object.entries(params)
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
      .map(([name, value]): [string, string] => [name, parameterText(value)])
    let body: string | Buffer | undefined
    if (endpoint.method === 'GET') {
      for (const [name, value] of entries) url.searchParams.set(name, value)
    } else if (Object.keys(files).length > 0) {
      const form = new FormData()
      for (const [name, value] of entries) form.set(name, value)
      for (const [name, path] of Object.entries(files)) {
        const type = uploadMimeType(path)
        if (!type) throw new ApiError(`cannot tell the MIME type of ${basename(path)} from its extension`, 'not-json')
        form.set(name, await openAsBlob(path, { type }), basename(path))
      }
      // Encoded by Node's own multipart encoder (fetch's, loaded by uploads only), whole: it goes with its length.
      const encoded = new Response(form)
      body = Buffer.from(await encoded.arrayBuffer())
      headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data'
    } else if ((endpoint.body ?? this.options.dialect.bodyEncoding) === 'json') {
      // Values keep their JSON types; the header is exactly application/json (a server may compare it as a string).
      body = JSON.stringify(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null)))
      headers['content-type'] = 'application/json'
    } else {
      body = new URLSearchParams(entries).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    this.options.logger?.debug(`${endpoint.method} ${endpoint.path}`)
    const answer = await this.dispatch(url, endpoint.method, headers, body)
    this.options.logger?.debug(`${endpoint.method} ${endpoint.path} -> HTTP ${answer.statusCode}`)
    return answer
  }

  /** A GET to a redirect's target: the server's origin gets its credentials, any other origin nothing but the URL it gave. */
  private async get(url: URL, accept: string): Promise<HttpAnswer> {
    const answer = await this.dispatch(url, 'GET', this.headersFor(url, accept))
    this.options.logger?.debug(`GET ${url.origin}${url.pathname} -> HTTP ${answer.statusCode}`)
    return answer
  }

  private async dispatch(url: URL, method: HttpMethod, headers: Record<string, string>, body?: string | Buffer): Promise<HttpAnswer> {
    try {
      return await this.client.request(url, { method, headers, body })
    } catch (error) {
      throw failedInTransit(error, this.options.timeoutMs, this.options.dialect, url, url.origin !== this.options.baseUrl.origin, this.proxyFor(url))
    }
  }

  /** The proxy a request to `url` goes through, if any (errors name it). */
  private proxyFor(url: URL): ProxySetting | undefined {
    return goesThroughProxy(url, this.options.proxy) ? this.options.proxy : undefined
  }

  async close(): Promise<void> {
    if (!this.options.client) await this.client.close()
  }
}

/** An array's items in order, each let go of by the array once handed out (the answer is ours alone). */
function* takeEach(list: unknown[]): Generator<unknown> {
  for (let index = 0; index < list.length; index++) {
    const item = list[index]
    list[index] = undefined
    yield item
  }
}

/** Reads an answer nobody wants to its end, so that its connection can carry the next request; past 128 KiB it is closed instead. */
async function discard(body: HttpAnswer['body']): Promise<void> {
  let size = 0
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length
      if (size > DISCARD_LIMIT) {
        body.destroy()
        return
      }
    }
  } catch {
    // a broken connection is not reused
  }
}

const DISCARD_LIMIT = 128 * 1024

async function readBody(body: HttpAnswer['body'], limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += (chunk as Buffer).length
    if (size > limit) {
      body.destroy()
      throw new ApiError(`the answer was larger than ${limit / 1024 / 1024} MiB`, 'not-json')
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
