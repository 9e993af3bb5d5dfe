// Canary Console emulator: an in-memory Thinkst Canary Console API on
// 127.0.0.1 for tests, the demo and the benchmark. Node's standard library
// only. The endpoints live in routes.mjs, the model in state.mjs and the
// downloadable files in files.mjs; this module is the HTTP server, the
// request log, the fault plan and the helpers tests use to set up state.
import { randomBytes } from 'node:crypto'
import { STATUS_CODES, createServer } from 'node:http'
import { ROUTES_BY_PATH, errorAnswer, json } from './routes.mjs'
import { ApiError, ConsoleState, KINDS } from './state.mjs'

export { KINDS, KIND_NAMES, DEFAULT_FLOCK } from './state.mjs'

/** Largest request body read (web_image and exe uploads included). */
const MAX_BODY_BYTES = 64 * 1024 * 1024
/** How long a partial answer stays on the wire before the connection is cut. */
const CUT_PAUSE_MS = 30

/**
 * A stored Canarytoken: the fields the Console answers with, plus
 * kind-specific ones (`browser_scanner_enabled`, `access_key_id`,
 * `secret_access_key`, `username`, `renders`, ...) and stored extra parameters.
 * @typedef {{
 *   canarytoken: string,
 *   hostname: string,
 *   url: string,
 *   key: string,
 *   kind: string,
 *   memo: string,
 *   enabled: boolean,
 *   flock_id: string,
 *   created: string,
 *   created_printable: string,
 *   triggered_count: number,
 *   updated_id: number,
 *   [field: string]: any
 * }} Canarytoken
 */

/**
 * @typedef {import('./state.mjs').ApiKey} ApiKey
 */

/**
 * One request the emulator received.
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path URL path, no query
 * @property {string} rawUrl the exact request target (path and query string)
 * @property {Record<string, string>} query
 * @property {Record<string, string>} params query string merged with form or multipart text fields (the body wins)
 * @property {Record<string, { filename: string, size: number, contentType: string }>} files multipart files
 * @property {Record<string, string>} headers lower-case names
 * @property {'header' | 'param' | null} authVia where the auth token came from
 * @property {string | null} authHeader the raw X-Canary-Auth-Token header
 * @property {number | null} status the status sent, null when none was (reset before headers, client gone)
 * @property {number} receivedAt epoch ms (from `now`)
 * @property {number} inFlight requests in flight when this one arrived, itself included
 * @property {number} arrivedAt when it arrived, ms on a monotonic clock (performance.now(), whatever `now` says)
 */

/**
 * What goes wrong with the next `times` matching requests.
 * @typedef {object} FaultSpec
 * @property {string} [method] only requests with this method
 * @property {string | RegExp} path the URL path (exact) or a pattern
 * @property {number} [times] how many matching requests (default 1)
 * @property {number} [status] answer with this status instead
 * @property {unknown} [body] answer with this body (object: JSON; string: text/plain; Buffer: bytes)
 * @property {Record<string, string>} [headers] extra answer headers (also added to a real answer)
 * @property {number | string} [retryAfter] Retry-After header (status defaults to 429)
 * @property {number} [delayMs] wait this long before answering
 * @property {'before-headers' | 'after-headers' | 'mid-body'} [reset] cut the connection (TCP RST) at this point
 * @property {boolean} [truncateBody] send half the body, then close the connection (FIN)
 * @property {boolean} [html] answer with an HTML error page (status defaults to 502)
 * @property {string} [resultError] answer `{"result":"error","message":...}` (status defaults to 200)
 * @property {boolean} [afterAction] do the real work (state change) first, then deliver the fault
 * @property {(params: Record<string, string>) => boolean} [match] only requests whose params satisfy this
 */

/**
 * @typedef {object} EmulatorOptions
 * @property {string} [authToken] the initial Global admin API key's token
 * @property {number} [latencyMs] delay added to every answer
 * @property {() => number} [now] the clock, epoch ms
 * @property {string} [domainHash] the Console's hash (as in `<hash>.canary.tools`)
 * @property {boolean} [strict] behave as strictly as Thinkst's reference allows (default true; see `strict`)
 * @property {string[]} [storageKinds] strict mode: kinds whose files are served from a second origin (default doc-msword)
 * @property {number} [maxInFlight] throttling: a request arriving while this many are in flight is refused
 *   at once with 429, an nginx HTML page and Retry-After (as a rate-limiting proxy in front of a Console would)
 * @property {number} [retryAfterSeconds] the Retry-After of those refusals (default 1)
 */

/**
 * What throttling (`maxInFlight`) did, from the request log.
 * @typedef {object} ThrottleReport
 * @property {number} refused requests answered 429 by the throttle
 * @property {number | undefined} firstRefusedAt `arrivedAt` of the first refused request
 * @property {number} peakInFlight the most in flight at any arrival
 * @property {number} peakAfterWait the most in flight at any arrival once the first refusal's Retry-After had
 *   passed: a client that honours it has heard the 429 by then, so this is what it does after the first 429
 *   (requests it sent before hearing it arrive earlier)
 * @property {number} arrivedAfterWait requests that arrived once that Retry-After had passed
 */

/** Endpoints that answer with a file. */
const DOWNLOAD_PATHS = new Set(['/api/v1/canarytoken/download', '/api/v1/auth_token/download', '/api/v1/token/download'])
/** Strict mode: where a download's first redirect leads, on the Console's own origin. */
const TICKET_PREFIX = '/api/v1/canarytoken/download/file/'
/** Strict mode: how long a signed storage URL stays valid. */
const SIGNED_URL_MS = 5 * 60 * 1000

/** @typedef {import('./routes.mjs').Answer} Answer */
/** @typedef {FaultSpec & { remaining: number, hits: number }} Fault */

const SEED_WORDS = ['prod', 'staging', 'dev', 'backup', 'finance', 'payroll', 'deploy', 'laptop', 'server', 'vpn', 'admin', 'secret', 'build', 'release', 'hr']
const SEED_PLACES = ['database', 'share', 'bucket', 'wiki', 'repo', 'mailbox', 'desktop', 'cluster', 'runner', 'jumpbox', 'router']

/**
 * @param {import('node:http').IncomingHttpHeaders} raw
 * @returns {Record<string, string>}
 */
function flattenHeaders(raw) {
  /** @type {Record<string, string>} */
  const headers = {}
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  return headers
}

/** Cuts a connection with a TCP reset (a plain destroy where that is not possible). @param {import('node:net').Socket | null} socket */
function resetSocket(socket) {
  if (!socket || socket.destroyed) return
  try {
    socket.resetAndDestroy()
  } catch {
    socket.destroy()
  }
}

/** Flock key types that deploy and do nothing else. */
const DEPLOY_KEY_TYPES = new Set(['canarytoken-deploy', 'breadcrumb-deploy'])
/**
 * All a `canarytoken-deploy` key may call: the reference's note of 2025-10 (factory.md) says the type "is
 * specifically designed to only be able to create and download (deploy) Canarytokens within a specific flock".
 * Reading a token back, searching, its incidents, a ping: refused. A `breadcrumb-deploy` key deploys breadcrumbs,
 * which the emulator has none of, so every route here refuses it.
 */
const CANARYTOKEN_DEPLOY_ROUTES = new Set(['POST /api/v1/canarytoken/create', 'GET /api/v1/canarytoken/download'])

export class ConsoleEmulator {
  /** @type {ConsoleState} */
  #state
  /** @type {import('node:http').Server | undefined} */
  #server
  /** @type {Set<import('node:net').Socket>} */
  #sockets = new Set()
  /** @type {Fault[]} */
  #faults = []
  /** @type {Set<{ timer: NodeJS.Timeout, resolve: () => void }>} */
  #sleepers = new Set()
  #url = ''
  #inFlight = 0
  /** @type {WeakMap<import('node:http').ServerResponse, () => void>} ends a request's time in flight */
  #leaving = new WeakMap()

  /** @param {EmulatorOptions} [options] */
  constructor(options = {}) {
    /** The initial Global admin API key (it has a key_id like any other key). */
    this.authToken = options.authToken ?? 'emulator-auth-token-0123456789abcdef'
    /** Delay added to every answer, ms. */
    this.latencyMs = options.latencyMs ?? 0
    /** The clock (epoch ms) used for `created` fields. */
    this.now = options.now ?? Date.now
    this.domainHash = options.domainHash ?? 'abc123de'
    /** Throttling: requests beyond this many in flight are refused with 429 (undefined: never). */
    this.maxInFlight = options.maxInFlight
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1
    /**
     * When set, downloads name their file this (unsanitised) in Content-Disposition,
     * so tests can send hostile names such as `../../evil.docx`.
     * @type {string | undefined}
     */
    this.downloadFilenameOverride = undefined
    /**
     * Every request received, oldest first. Typed as non-empty so tests can
     * destructure the first request without a non-null assertion; it may be empty.
     * @type {[RecordedRequest, ...RecordedRequest[]]}
     */
    this.requests = /** @type {any} */ ([])
    /**
     * Strict mode (the default, used by `npm test` and the demo): where
     * Thinkst's reference allows more than one behaviour, the least
     * convenient one for a client.
     * - downloads answer with a same-origin 302 (the reference downloads
     *   with `curl -L`, `allow_redirects=True`); files of `storageKinds` are
     *   then redirected again to a second origin (a signed storage URL) that
     *   refuses any request carrying X-Canary-Auth-Token;
     * - a download that fails answers `{"result":"error"}` with 200 and
     *   `text/html` (the reference does not document its content type);
     * - uploads must name their MIME type (canarytools-python refuses to
     *   send one without), web_image one of png, jpeg, gif;
     * - `active` on search is read only as `True`/`False`, the form the
     *   reference writes; `active=true` is ignored (every token comes back);
     * - page cursors are offsets (the reference's decode to `1:12:3:4:2:4`),
     *   so tokens deleted during a walk shift later pages, and the filters
     *   must be sent again with every page;
     * - kinds only the older reference lists (apeeper, sql, svn) cannot be created.
     */
    this.strict = options.strict ?? true
    /** Strict mode: kinds whose files come from the storage origin. */
    this.storageKinds = new Set(options.storageKinds ?? ['doc-msword'])
    /**
     * Requests the storage origin received (strict mode), oldest first.
     * @type {Array<{ path: string, authHeader: string | null, status: number }>}
     */
    this.storageRequests = []
    /** @type {Map<string, { answer: Answer, storage: boolean, expires: number, signature: string, hop: string }>} */
    this.#tickets = new Map()
    this.#state = new ConsoleState({ authToken: this.authToken, now: () => this.now() })
  }

  /** @type {Map<string, { answer: Answer, storage: boolean, expires: number, signature: string, hop: string }>} */
  #tickets
  /** @type {import('node:http').Server | undefined} */
  #storage
  #storageUrl = ''

  /** The storage origin's base URL (strict mode), `http://127.0.0.1:<port>`; '' before start. */
  get storageUrl() {
    return this.#storageUrl
  }

  // ------------------------------------------------------------ server

  /** The base URL, `http://127.0.0.1:<port>` ('' before start). */
  get url() {
    return this.#url
  }

  /**
   * Listens on 127.0.0.1.
   * @param {number} [port] 0: any free port
   * @returns {Promise<string>} the base URL
   */
  async start(port = 0) {
    if (this.#server) throw new Error('the Console emulator is already started')
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => {
        // A bug in the emulator: answer 500 if we still can, so the test sees it.
        if (!res.headersSent && !res.destroyed) {
          const answer = errorAnswer(500, `Console emulator error: ${error instanceof Error ? error.message : String(error)}`)
          res.writeHead(answer.status, answer.headers).end(answer.body)
        } else {
          res.destroy()
        }
      })
    })
    server.on('connection', (socket) => {
      this.#sockets.add(socket)
      socket.on('close', () => this.#sockets.delete(socket))
    })
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve(undefined))
    })
    this.#server = server
    const address = server.address()
    this.#url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
    if (this.strict) await this.#startStorage()
    return this.#url
  }

  /** A second origin standing in for signed-URL object storage (S3 and the like). */
  async #startStorage() {
    const storage = createServer((req, res) => {
      req.resume()
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const authHeader = req.headers['x-canary-auth-token']
      const nonce = url.pathname.split('/')[2] ?? ''
      const ticket = this.#tickets.get(nonce)
      /** @param {number} status @param {string} code @param {string} message */
      const xmlError = (status, code, message) => {
        this.storageRequests.push({ path: url.pathname, authHeader: typeof authHeader === 'string' ? authHeader : null, status })
        res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`)
      }
      // Signed URLs carry their authorisation in the query; anything else alongside is refused.
      if (authHeader !== undefined) return xmlError(400, 'InvalidArgument', 'Only one auth mechanism allowed; X-Canary-Auth-Token is not expected by storage')
      if (!ticket || !ticket.storage || url.searchParams.get('X-Amz-Signature') !== ticket.signature) return xmlError(403, 'AccessDenied', 'Access Denied')
      if (this.now() > ticket.expires) return xmlError(403, 'AccessDenied', 'Request has expired')
      this.#tickets.delete(nonce)
      this.storageRequests.push({ path: url.pathname, authHeader: null, status: 200 })
      res.writeHead(ticket.answer.status, { ...ticket.answer.headers, 'content-length': String(ticket.answer.body.length) }).end(ticket.answer.body)
    })
    storage.on('connection', (socket) => {
      this.#sockets.add(socket)
      socket.on('close', () => this.#sockets.delete(socket))
    })
    await new Promise((resolve) => storage.listen(0, '127.0.0.1', () => resolve(undefined)))
    this.#storage = storage
    const address = storage.address()
    this.#storageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  }

  /** Closes the server and every open connection; pending delays end at once. */
  async stop() {
    for (const sleeper of this.#sleepers) {
      clearTimeout(sleeper.timer)
      sleeper.resolve()
    }
    this.#sleepers.clear()
    const server = this.#server
    if (!server) return
    this.#server = undefined
    const storage = this.#storage
    this.#storage = undefined
    await Promise.all(
      [server, storage].map(
        (closing) =>
          closing &&
          new Promise((resolve) => {
            closing.close(() => resolve(undefined))
            closing.closeAllConnections()
          })
      )
    )
    for (const socket of this.#sockets) socket.destroy()
    this.#url = ''
    this.#storageUrl = ''
  }

  // ------------------------------------------------------------ request log and faults

  clearRequests() {
    this.requests.length = 0
  }

  /**
   * What throttling (`maxInFlight`) did, read from the request log.
   * @returns {ThrottleReport}
   */
  throttleReport() {
    const refused = this.requests.filter((request) => this.maxInFlight !== undefined && request.status === 429 && request.inFlight > this.maxInFlight)
    const firstRefusedAt = refused.length > 0 ? Math.min(...refused.map((request) => request.arrivedAt)) : undefined
    const after = firstRefusedAt === undefined ? [] : this.requests.filter((request) => request.arrivedAt >= firstRefusedAt + this.retryAfterSeconds * 1000)
    const peak = (/** @type {RecordedRequest[]} */ requests) => requests.reduce((most, request) => Math.max(most, request.inFlight), 0)
    return { refused: refused.length, firstRefusedAt, peakInFlight: peak(this.requests), peakAfterWait: peak(after), arrivedAfterWait: after.length }
  }

  /**
   * Plans a fault for the next `times` requests that match.
   * @param {FaultSpec} spec
   * @returns {Fault} the live fault: `remaining` counts down, `hits` counts up
   */
  injectFault(spec) {
    if (!spec || (typeof spec.path !== 'string' && !(spec.path instanceof RegExp))) throw new Error('injectFault needs a path')
    /** @type {Fault} */
    const fault = { ...spec, remaining: spec.times ?? 1, hits: 0 }
    this.#faults.push(fault)
    return fault
  }

  clearFaults() {
    this.#faults = []
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {Record<string, string>} params
   */
  #takeFault(method, path, params) {
    const fault = this.#faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (typeof f.path === 'string' ? f.path === path : f.path.test(path)) &&
        (!f.match || f.match(params))
    )
    if (fault) {
      fault.remaining -= 1
      fault.hits += 1
      this.#faults = this.#faults.filter((f) => f.remaining > 0)
    }
    return fault
  }

  /** @param {number} ms */
  #sleep(ms) {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.#sleepers.delete(sleeper)
          resolve(undefined)
        }, ms),
        resolve: () => resolve(undefined)
      }
      this.#sleepers.add(sleeper)
    })
  }

  // ------------------------------------------------------------ handling a request

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async #handle(req, res) {
    let clientGone = false
    res.on('close', () => {
      clientGone = true
    })
    // In flight from arrival until the answer starts to go out (or the connection is gone): a
    // client cannot have read an answer before then, so it is never counted in flight after it has.
    const inFlight = ++this.#inFlight
    const arrivedAt = performance.now()
    let counted = true
    const leave = () => {
      if (counted) this.#inFlight--
      counted = false
    }
    this.#leaving.set(res, leave)
    res.once('close', leave)

    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    try {
      for await (const chunk of req) {
        size += chunk.length
        if (size > MAX_BODY_BYTES) {
          const answer = errorAnswer(413, 'Request body too large')
          res.writeHead(answer.status, { ...answer.headers, connection: 'close' }).end(answer.body)
          return
        }
        chunks.push(chunk)
      }
    } catch {
      return // the client went away while sending
    }
    const body = Buffer.concat(chunks)
    const method = (req.method ?? 'GET').toUpperCase()
    const rawUrl = req.url ?? '/'
    const url = new URL(rawUrl, 'http://127.0.0.1')
    const query = Object.fromEntries(url.searchParams)
    const headers = flattenHeaders(req.headers)
    const parsed = await parseBody(method, headers['content-type'], body)
    const params = { ...query, ...parsed.fields }
    const authHeader = headers['x-canary-auth-token']

    /** @type {RecordedRequest} */
    const record = {
      method,
      path: url.pathname,
      rawUrl,
      query,
      params,
      files: Object.fromEntries(Object.entries(parsed.uploads).map(([name, u]) => [name, { filename: u.filename, size: u.data.length, contentType: u.contentType }])),
      headers,
      authVia: authHeader !== undefined ? 'header' : params.auth_token !== undefined ? 'param' : null,
      authHeader: authHeader ?? null,
      status: null,
      receivedAt: this.now(),
      inFlight,
      arrivedAt
    }
    this.requests.push(record)

    if (this.maxInFlight !== undefined && inFlight > this.maxInFlight) {
      // Refused before any work, as a proxy in front of the Console would: no latency, no state change.
      await this.#deliver(res, faultAnswer({ path: record.path, status: 429, html: true, retryAfter: this.retryAfterSeconds }), undefined, record)
      return
    }

    if (this.latencyMs > 0) await this.#sleep(this.latencyMs)
    const fault = this.#takeFault(method, record.path, params)
    const realAnswer = () => this.#answer(method, record.path, params, parsed, authHeader)
    const replaced =
      fault !== undefined &&
      (fault.status !== undefined || fault.body !== undefined || fault.html === true || fault.resultError !== undefined || fault.retryAfter !== undefined)

    /** @type {Answer | undefined} */
    let answer
    // afterAction: the work is done (and kept) whatever the client then receives.
    if (fault?.afterAction) answer = realAnswer()
    if (fault?.delayMs) await this.#sleep(fault.delayMs)
    // A request the client gave up on (timeout) is not acted on, unless afterAction did it already.
    if (clientGone) return
    if (replaced && fault) answer = faultAnswer(fault)
    else if (!answer && fault?.reset !== 'before-headers') answer = realAnswer()
    if (answer && fault?.headers && !replaced) answer.headers = { ...answer.headers, ...lowerCaseKeys(fault.headers) }
    // A planned fault is delivered on the first answer as it is, so fault tests stay about the fault.
    if (answer && this.strict && !fault && DOWNLOAD_PATHS.has(record.path)) answer = this.#strictDownload(answer, params)
    await this.#deliver(res, answer, fault, record)
  }

  /**
   * The Console's answer: routing, authentication, the API switch, required parameters, then the handler.
   * @param {string} method
   * @param {string} path
   * @param {Record<string, string>} params
   * @param {ParsedBody} parsed
   * @param {string | undefined} authHeader
   * @returns {Answer}
   */
  #answer(method, path, params, parsed, authHeader) {
    // The hop is a signed link: a client whose auth token rode in the query string (canarytools-python's
    // session params) loses it on the redirect, so the signature, not the token, lets it through.
    if (this.strict && path.startsWith(TICKET_PREFIX) && method === 'GET') return this.#ticketAnswer(path, params)
    const routes = ROUTES_BY_PATH.get(path)
    if (!routes) return errorAnswer(404, 'Not found')
    const route = routes.find((r) => r.method === method)
    if (!route) return errorAnswer(405, `Method ${method} is not allowed here`, { allow: routes.map((r) => r.method).join(', ') })

    const authToken = authHeader ?? params.auth_token
    const caller = this.#state.findCaller(authToken)
    // With the API disabled no key is taken, enable included ("If the API is not already enabled this can only be
    // achieved by logging into the Console and enabling the setting from your Global Settings page"): the answer is
    // the documented auth failure. setApiEnabled(true), the settings page, turns it back on.
    if (!caller || !this.#state.apiEnabled) return errorAnswer(401, authHeader === undefined && authToken !== undefined ? 'Invalid auth_token' : 'Unauthorized')
    if (route.access === 'global' && caller.scope === 'flock') return errorAnswer(403, 'A Flock API key cannot do this: use a Global API key')
    if (caller.key.auth_token_type.toLowerCase() === 'read-only' && method !== 'GET') return errorAnswer(403, 'This API key is read-only')
    if (DEPLOY_KEY_TYPES.has(caller.key.auth_token_type) && !(caller.key.auth_token_type === 'canarytoken-deploy' && CANARYTOKEN_DEPLOY_ROUTES.has(`${method} ${path}`))) {
      return errorAnswer(403, 'This API key can only deploy Canarytokens')
    }
    if (parsed.error) return errorAnswer(400, 'Could not process the parameters')
    const missing = route.required.find((name) => params[name] === undefined)
    if (missing) return errorAnswer(400, `Missing required parameter: ${missing}`)

    try {
      return route.handler(this.#state, {
        method,
        path,
        params,
        uploads: parsed.uploads,
        caller,
        authToken: authToken ?? '',
        baseUrl: this.#url,
        options: { downloadFilenameOverride: this.downloadFilenameOverride, domainHash: this.domainHash, strict: this.strict }
      })
    } catch (error) {
      if (error instanceof ApiError) return errorAnswer(error.status, error.message)
      throw error
    }
  }

  /**
   * Strict mode's download: an error comes back as `text/html` with 200; a
   * file behind a same-origin redirect (and, for `storageKinds`, a second
   * one to the storage origin).
   * @param {Answer} answer
   * @param {Record<string, string>} params
   * @returns {Answer}
   */
  #strictDownload(answer, params) {
    const isFile = answer.status === 200 && answer.headers['content-disposition'] !== undefined
    if (!isFile) return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: answer.body }
    const nonce = randomBytes(12).toString('hex')
    const kind = this.#state.tokens.get(params.canarytoken ?? '')?.kind
    const expires = this.now() + SIGNED_URL_MS
    const hop = randomBytes(16).toString('hex')
    this.#tickets.set(nonce, {
      answer,
      storage: kind !== undefined && this.storageKinds.has(kind),
      expires,
      signature: randomBytes(16).toString('hex'),
      hop
    })
    const location = `${TICKET_PREFIX}${nonce}?expires=${Math.floor(expires / 1000)}&signature=${hop}`
    return { status: 302, headers: { location, 'content-type': 'text/html; charset=utf-8' }, body: Buffer.alloc(0) }
  }

  /**
   * A file behind a download's first redirect (a link signed for it: no auth
   * token needed, one given is ignored): served here or redirected to storage.
   * @param {string} path
   * @param {Record<string, string>} params
   * @returns {Answer}
   */
  #ticketAnswer(path, params) {
    const nonce = path.slice(TICKET_PREFIX.length)
    const ticket = this.#tickets.get(nonce)
    if (!ticket || params.signature !== ticket.hop) return errorAnswer(403, 'Invalid or missing signature')
    if (this.now() > ticket.expires) return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('{"message":"File not found","result":"error"}') }
    if (!ticket.storage) {
      this.#tickets.delete(nonce)
      return ticket.answer
    }
    const filename = /filename=([^;]+)/.exec(ticket.answer.headers['content-disposition'] ?? '')?.[1] ?? 'file'
    const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${SIGNED_URL_MS / 1000}&X-Amz-Signature=${ticket.signature}`
    return { status: 302, headers: { location: `${this.#storageUrl}/canarytoken-files/${nonce}/${encodeURIComponent(filename)}?${query}` }, body: Buffer.alloc(0) }
  }

  /**
   * Writes the answer, or cuts the connection where the fault says.
   * @param {import('node:http').ServerResponse} res
   * @param {Answer | undefined} answer undefined: reset before any headers
   * @param {Fault | undefined} fault
   * @param {RecordedRequest} record
   */
  async #deliver(res, answer, fault, record) {
    this.#leaving.get(res)?.()
    const socket = res.socket
    if (!answer || fault?.reset === 'before-headers') {
      resetSocket(socket)
      return
    }
    record.status = answer.status
    const headers = { ...answer.headers, 'content-length': String(answer.body.length) }
    if (fault?.reset === 'after-headers') {
      res.writeHead(answer.status, headers)
      res.flushHeaders()
      await this.#sleep(CUT_PAUSE_MS)
      resetSocket(socket)
      return
    }
    if (fault?.reset === 'mid-body' || fault?.truncateBody) {
      res.writeHead(answer.status, headers)
      await new Promise((resolve) => res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => resolve(undefined)))
      await this.#sleep(CUT_PAUSE_MS)
      if (fault.reset === 'mid-body') resetSocket(socket)
      else socket?.end() // a clean close, short of Content-Length
      return
    }
    res.writeHead(answer.status, headers)
    res.end(answer.body)
  }

  // ------------------------------------------------------------ state helpers for tests

  /** Whether the API is enabled (settings/api/enable|disable). */
  get apiEnabled() {
    return this.#state.apiEnabled
  }

  /**
   * The Console's Global Settings page: the only way back once the API is disabled
   * (every API call, enable included, is then refused as an auth failure).
   * @param {boolean} enabled
   */
  setApiEnabled(enabled) {
    this.#state.apiEnabled = enabled
  }

  /**
   * Stores a token; every field not given is filled in (kind defaults to dns,
   * flock to flock:default; `created` is epoch seconds).
   * @param {Partial<Canarytoken>} [partial]
   * @returns {Canarytoken} the stored object itself
   */
  addToken(partial = {}) {
    return /** @type {Canarytoken} */ (this.#state.createToken(partial))
  }

  /**
   * The stored token (the live object), or undefined when there is none.
   * Typed as the token so tests can read fields directly.
   * @param {string} canarytoken
   * @returns {Canarytoken}
   */
  getToken(canarytoken) {
    return /** @type {Canarytoken} */ (this.#state.tokens.get(canarytoken))
  }

  /**
   * Every token, in listing order (created, then id).
   * @returns {Canarytoken[]}
   */
  listTokens() {
    return /** @type {Canarytoken[]} */ (this.#state.sortedTokens().slice())
  }

  /**
   * Adds `count` tokens of varied kind, memo, age, triggered_count and enabled.
   * @param {number} count
   * @param {(index: number) => Partial<Canarytoken>} [overrides]
   * @returns {Canarytoken[]}
   */
  seedTokens(count, overrides) {
    const nowSeconds = this.now() / 1000
    const span = 2 * 365 * 24 * 3600 // spread over about two years
    /** @type {Canarytoken[]} */
    const tokens = []
    for (let i = 0; i < count; i++) {
      const age = ((count - i) / Math.max(1, count)) * span + ((i * 7919) % 3600)
      tokens.push(
        this.addToken({
          kind: KINDS[(i * 7) % KINDS.length],
          memo: `${SEED_WORDS[i % SEED_WORDS.length]} ${SEED_PLACES[(i * 3) % SEED_PLACES.length]} #${i}`,
          created: (nowSeconds - age).toFixed(6),
          triggered_count: i % 9 === 0 ? 1 + (i % 4) : 0,
          enabled: i % 6 !== 5,
          ...overrides?.(i)
        })
      )
    }
    return tokens
  }

  /**
   * Records an alert on a token, as the Console shows it in the incident feeds: a new incident
   * (logtype of the kind, `description.node_id` the token's node_id, one event whose `canarytoken`
   * is the token id); its triggered_count goes up. A token with incidents cannot be deleted without
   * clear_incidents.
   * @param {string} canarytoken
   * @param {import('./incidents.mjs').TokenEventOptions} [options] src_host, event_name, user_agent
   *   (into headers['User-Agent']), headers, time (epoch ms), fields (kind-specific event fields), acknowledged
   * @returns {Record<string, any>} the incident as the feeds show it (a copy)
   */
  addIncident(canarytoken, options) {
    return this.#state.present(this.#state.addIncident(canarytoken, options))
  }

  /**
   * One more event on an incident (a later alert the Console bundles into it); a token's
   * triggered_count goes up, the incident's updated_id too.
   * @param {string} key the incident's id
   * @param {import('./incidents.mjs').TokenEventOptions & { event?: Record<string, unknown> }} [options]
   * @returns {Record<string, any>}
   */
  addEvent(key, options) {
    return this.#state.present(this.#state.addEvent(key, options))
  }

  /**
   * A Canary (device) on the Console, for device incidents beside token incidents.
   * @param {{ name?: string, flock_id?: string, node_id?: string, ip_address?: string }} [options]
   * @returns {{ node_id: string, name: string, flock_id: string, ip_address: string }}
   */
  addDevice(options) {
    return this.#state.addDevice(options)
  }

  /**
   * An incident on a Canary: device logtype (default 4002 SSH Login Attempt), the Canary's name and
   * node_id, no canarytoken or memo.
   * @param {string} nodeId
   * @param {{ logtype?: string, summary?: string, src_host?: string, src_port?: string, dst_port?: string, src_host_reverse?: string,
   *   events?: Array<Record<string, unknown>>, time?: number, acknowledged?: boolean }} [options]
   * @returns {Record<string, any>}
   */
  addDeviceIncident(nodeId, options) {
    return this.#state.present(this.#state.addDeviceIncident(nodeId, options))
  }

  /**
   * Incidents as the feeds show them (oldest change first): a token's, or every one.
   * @param {string} [canarytoken]
   * @returns {Array<Record<string, any>>}
   */
  listIncidents(canarytoken) {
    const all = [...this.#state.incidents.byKey.values()].sort((a, b) => a.updated_id - b.updated_id)
    return all.filter((incident) => canarytoken === undefined || incident.canarytoken === canarytoken).map((incident) => this.#state.present(incident))
  }

  /**
   * @param {string} key
   * @returns {Record<string, any> | undefined}
   */
  getIncident(key) {
    const incident = this.#state.incidents.byKey.get(key)
    return incident && this.#state.present(incident)
  }

  /**
   * Acknowledges or unacknowledges an incident as someone on the Console's page would.
   * @param {string} key
   * @param {boolean} acknowledged
   */
  setIncidentAcknowledged(key, acknowledged) {
    const incident = this.#state.incidents.byKey.get(key)
    if (!incident) throw new Error(`no incident ${key}`)
    incident.acknowledged = acknowledged
    this.#state.incidents.touch(incident)
  }

  /**
   * The token's node_id (listings and incidents show it; it is not the token's id).
   * @param {string} canarytoken
   * @returns {string | undefined}
   */
  nodeIdOf(canarytoken) {
    return this.#state.nodeIds.get(canarytoken)
  }

  /**
   * @param {string} name
   * @returns {string} the new flock_id (`flock:<hex>`)
   */
  addFlock(name) {
    return this.#state.addFlock(name)
  }

  /** @returns {Record<string, string>} flock_id -> name */
  listFlocks() {
    return Object.fromEntries(this.#state.flocks)
  }

  /** @returns {string} the new factory's hash */
  addApeeperFactory() {
    return this.#state.addApeeperFactory()
  }

  /** @returns {string[]} */
  listApeeperFactories() {
    return [...this.#state.factories]
  }

  /**
   * Adds a Global API key, or a Flock API key when `flock_id` is given.
   * @param {{ type?: string, note?: string, flock_id?: string }} [options] type: read-only, analyst, admin (Flock keys also canarytoken-deploy, breadcrumb-deploy)
   * @returns {ApiKey}
   */
  addApiKey({ type = 'admin', note = 'Emulator key', flock_id } = {}) {
    return flock_id ? this.#state.addFlockKey({ flockId: flock_id, type, note }) : this.#state.addGlobalKey({ type, note })
  }

  /** @returns {ApiKey[]} every valid key, Global ones first (the initial key among them) */
  listApiKeys() {
    return [...this.#state.globalKeys.values(), ...this.#state.flockKeys.values()]
  }
}

// ---------------------------------------------------------------- bodies

/**
 * @typedef {object} ParsedBody
 * @property {Record<string, string>} fields
 * @property {Record<string, import('./files.mjs').Upload>} uploads
 * @property {boolean} error the body could not be read as a form
 */

/**
 * Form fields and files of a POST or DELETE body (GET bodies are not read).
 * @param {string} method
 * @param {string | undefined} contentType
 * @param {Buffer} body
 * @returns {Promise<ParsedBody>}
 */
async function parseBody(method, contentType, body) {
  /** @type {ParsedBody} */
  const parsed = { fields: {}, uploads: {}, error: false }
  if (method === 'GET' || body.length === 0) return parsed
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') {
    parsed.fields = Object.fromEntries(new URLSearchParams(body.toString('utf8')))
  } else if (type === 'multipart/form-data') {
    try {
      const form = await new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData()
      for (const [name, value] of form) {
        if (typeof value === 'string') parsed.fields[name] = value
        else parsed.uploads[name] = { filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) }
      }
    } catch {
      parsed.error = true
    }
  } else {
    parsed.error = true
  }
  return parsed
}

/** @param {Record<string, string>} headers */
function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]))
}

/**
 * The answer a fault gives instead of the Console's.
 * @param {Fault} fault
 * @returns {Answer}
 */
function faultAnswer(fault) {
  const status =
    fault.status ?? (fault.resultError !== undefined ? 200 : fault.html ? 502 : fault.retryAfter !== undefined ? 429 : fault.body !== undefined ? 200 : 500)
  const reason = STATUS_CODES[status] ?? 'Error'
  /** @type {Answer} */
  let answer
  if (fault.body !== undefined) {
    if (Buffer.isBuffer(fault.body)) answer = { status, headers: { 'content-type': 'application/octet-stream' }, body: fault.body }
    else if (typeof fault.body === 'string') answer = { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(fault.body, 'utf8') }
    else answer = json(fault.body, status)
  } else if (fault.html) {
    const page = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
    answer = { status, headers: { 'content-type': 'text/html' }, body: Buffer.from(page, 'utf8') }
  } else {
    answer = errorAnswer(status, fault.resultError ?? reason)
  }
  if (fault.retryAfter !== undefined) answer.headers['retry-after'] = String(fault.retryAfter)
  if (fault.headers) answer.headers = { ...answer.headers, ...lowerCaseKeys(fault.headers) }
  return answer
}
