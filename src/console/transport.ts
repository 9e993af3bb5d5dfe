import { openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import type { Readable } from 'node:stream'
import { Agent, FormData, request, type Dispatcher } from 'undici'
import { ConsoleApiError } from './errors.js'

export type HttpMethod = 'GET' | 'POST' | 'DELETE'

/**
 * One Console endpoint, as data (Octokit style): adding an endpoint is a row,
 * not new plumbing. GET sends its parameters as a query string; POST and
 * DELETE as a form body (multipart when a file goes along).
 */
export interface Endpoint {
  readonly method: HttpMethod
  readonly path: string
}

export type ParamValue = string | number | boolean | undefined | null
export type Params = Record<string, ParamValue>
/** Files to send as multipart parts: part name -> path on disk. */
export type FileParams = Record<string, string>

/** Every successful JSON answer carries this. */
export interface SuccessBody {
  result: 'success'
}

export interface Logger {
  debug(message: string): void
}

export interface TransportOptions {
  /** The Console's origin, from `resolveConsoleUrl`. */
  baseUrl: URL
  authToken: string
  /** Limit for the answer's headers, and for each pause in its body. */
  timeoutMs: number
  userAgent: string
  /** Told about every credential an answer carries, before anything else sees the answer. */
  onSecret: (value: string) => void
  /** Finds the credentials in a JSON answer. */
  findSecrets: (body: unknown) => string[]
  logger?: Logger
  /** For tests (undici MockAgent) and for the retry layer. */
  dispatcher?: Dispatcher
}

export interface DownloadedBody {
  body: Readable
  /** The server's name for the file (Content-Disposition), untrusted. */
  filename?: string
  contentType?: string
  contentLength?: number
}

/** Largest JSON answer we will read into memory. */
const MAX_JSON_BYTES = 64 * 1024 * 1024

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

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string; name?: string })?.code
  const name = (error as { name?: string })?.name
  return (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    name === 'TimeoutError'
  )
}

function networkError(error: unknown, timeoutMs: number): ConsoleApiError {
  if (error instanceof ConsoleApiError) return error
  if (isTimeout(error)) {
    return new ConsoleApiError(
      `the Console did not answer within ${timeoutMs / 1000} s (raise 'timeout-seconds' if it is slow)`,
      'timeout'
    )
  }
  const code = (error as { code?: string })?.code
  const detail = code ?? (error instanceof Error ? error.message : String(error))
  return new ConsoleApiError(`could not reach the Console (${detail})`, 'network')
}

/** A short, safe description of a body that is not JSON: never the body itself. */
function describeNonJson(contentType: string | undefined, text: string): string {
  const type = contentType?.split(';')[0]?.trim() || 'no content type'
  return `the answer was not JSON (${type}, ${Buffer.byteLength(text)} bytes)`
}

/**
 * Maps an answer to a ConsoleApiError, or returns nothing when it is a
 * success. Both the status and the `result` field are checked: the Console
 * has answered errors with 200 and successes' bodies are what callers need.
 */
export function errorForAnswer(status: number, contentType: string | undefined, text: string, location?: string): ConsoleApiError | undefined {
  if (status >= 300 && status < 400) {
    const target = location ? location.split('?')[0] : 'no Location'
    return new ConsoleApiError(
      `${describeStatus(status)}: the Console redirected to ${target}; redirects are not followed (they would carry the auth token elsewhere). Check the 'console' input.`,
      'redirect',
      status
    )
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return new ConsoleApiError(`${describeStatus(status)}: ${describeNonJson(contentType, text)}`, 'not-json', status)
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const message = typeof record.message === 'string' ? record.message : undefined
  if (status === 401 || status === 403) {
    return new ConsoleApiError(
      `${describeStatus(status)}: the Console rejected the auth token${message ? ` (${message})` : ''}. Check 'auth-token' and that the key may do this.`,
      'unauthorized',
      status,
      message
    )
  }
  if (status < 200 || status >= 300) {
    return new ConsoleApiError(`${describeStatus(status)}: ${message ?? 'no message from the Console'}`, 'http-status', status, message)
  }
  if (record.result !== 'success') {
    const result = typeof record.result === 'string' ? `"result": "${record.result}"` : 'no "result" field'
    return new ConsoleApiError(`${describeStatus(status)}: ${message ?? `the answer had ${result}`}`, 'result', status, message)
  }
  return undefined
}

/**
 * The one module that speaks HTTP to the Console: it owns the URL, the auth
 * header, body encoding, timeouts and the mapping of every failure to a
 * ConsoleApiError. It knows nothing of action inputs or of `@actions/core`.
 */
export class ConsoleTransport {
  private readonly dispatcher: Dispatcher

  constructor(private readonly options: TransportOptions) {
    this.dispatcher =
      options.dispatcher ?? new Agent({ connect: { timeout: options.timeoutMs }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs })
  }

  /** Calls a JSON endpoint; resolves only on a verified success. */
  async call<T extends SuccessBody>(endpoint: Endpoint, params: Params = {}, files: FileParams = {}): Promise<T> {
    const { statusCode, headers, body } = await this.send(endpoint, params, files, 'application/json')
    let text: string
    try {
      text = await readText(body, MAX_JSON_BYTES)
    } catch (error) {
      throw networkError(error, this.options.timeoutMs)
    }
    const failure = errorForAnswer(statusCode, headerValue(headers, 'content-type'), text, headerValue(headers, 'location'))
    if (failure) {
      this.maskSecretsIn(text)
      throw failure
    }
    const parsed = JSON.parse(text) as T
    for (const secret of this.options.findSecrets(parsed)) this.options.onSecret(secret)
    return parsed
  }

  /**
   * Calls an endpoint that answers with a file. The caller consumes the
   * stream (and must, or the connection stays busy). An answer in JSON, or
   * any error status, is mapped like `call` does.
   */
  async download(endpoint: Endpoint, params: Params = {}): Promise<DownloadedBody> {
    const { statusCode, headers, body } = await this.send(endpoint, params, {}, '*/*')
    const contentType = headerValue(headers, 'content-type')
    const disposition = headerValue(headers, 'content-disposition')
    const isJson = /\bjson\b/i.test(contentType ?? '')
    if (statusCode < 200 || statusCode >= 300 || (isJson && !disposition)) {
      let text = ''
      try {
        text = await readText(body, MAX_JSON_BYTES)
      } catch (error) {
        throw networkError(error, this.options.timeoutMs)
      }
      this.maskSecretsIn(text)
      const failure = errorForAnswer(statusCode, contentType, text, headerValue(headers, 'location'))
      throw failure ?? new ConsoleApiError(`${describeStatus(statusCode)}: the Console answered with JSON instead of a file`, 'result', statusCode)
    }
    const length = Number(headerValue(headers, 'content-length'))
    return {
      body: body as unknown as Readable,
      filename: filenameFromContentDisposition(disposition),
      contentType,
      contentLength: Number.isFinite(length) ? length : undefined
    }
  }

  private maskSecretsIn(text: string): void {
    try {
      for (const secret of this.options.findSecrets(JSON.parse(text))) this.options.onSecret(secret)
    } catch {
      // not JSON: nothing structured to mask, and the body is never printed
    }
  }

  private async send(endpoint: Endpoint, params: Params, files: FileParams, accept: string): Promise<Dispatcher.ResponseData> {
    const url = new URL(endpoint.path, this.options.baseUrl)
    const headers: Record<string, string> = {
      // The token goes in the header only: URLs end up in logs and proxies.
      'x-canary-auth-token': this.options.authToken,
      accept,
      'user-agent': this.options.userAgent
    }
    const entries = Object.entries(params).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    let body: string | FormData | undefined
    if (endpoint.method === 'GET') {
      for (const [name, value] of entries) url.searchParams.set(name, String(value))
    } else if (Object.keys(files).length > 0) {
      const form = new FormData()
      for (const [name, value] of entries) form.set(name, String(value))
      for (const [name, path] of Object.entries(files)) form.set(name, await openAsBlob(path), basename(path))
      body = form
    } else {
      body = new URLSearchParams(entries.map(([name, value]): [string, string] => [name, String(value)])).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    this.options.logger?.debug(`${endpoint.method} ${endpoint.path}`)
    try {
      const answer = await request(url, {
        method: endpoint.method,
        headers,
        body,
        dispatcher: this.dispatcher,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs
      })
      this.options.logger?.debug(`${endpoint.method} ${endpoint.path} -> HTTP ${answer.statusCode}`)
      return answer
    } catch (error) {
      throw networkError(error, this.options.timeoutMs)
    }
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close()
  }
}

async function readText(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += (chunk as Buffer).length
    if (size > limit) {
      body.destroy()
      throw new ConsoleApiError(`the answer was larger than ${limit / 1024 / 1024} MiB`, 'not-json')
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
