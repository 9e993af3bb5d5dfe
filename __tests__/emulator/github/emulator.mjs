// GitHub REST API stand-in: an in-memory GitHub (issues, comments, labels,
// issue search, rate limits) on 127.0.0.1 for tests of the operation that
// reports incidents as GitHub issues. Written from GitHub's REST documentation
// and the answers GitHub is seen to send (README.md names the sources), not
// from the action's code. Node's standard library only.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { GitHubError, GitHubState, MAX_BODY_LENGTH, MAX_TITLE_LENGTH, codePointLength, nodeId, validationFailed } from './state.mjs'

export { MAX_BODY_LENGTH, MAX_TITLE_LENGTH, codePointLength }

/** The API versions GitHub accepts in X-GitHub-Api-Version. */
export const API_VERSIONS = ['2022-11-28', '2026-03-10']
/** GitHub's secondary rate limit message (the throttling plugin looks for /\bsecondary rate\b/i). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID '
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
const MAX_REQUEST_BYTES = 25 * 1024 * 1024
const DOC = {
  authenticatedUser: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  listIssues: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
  getIssue: 'https://docs.github.com/rest/issues/issues#get-an-issue',
  createIssue: 'https://docs.github.com/rest/issues/issues#create-an-issue',
  updateIssue: 'https://docs.github.com/rest/issues/issues#update-an-issue',
  createComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  updateComment: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  labels: 'https://docs.github.com/rest/issues/labels',
  search: 'https://docs.github.com/rest/search/search#search-issues-and-pull-requests',
  auth: 'https://docs.github.com/rest',
  integration: 'https://docs.github.com/rest/issues/issues#create-an-issue'
}

/**
 * @typedef {object} TokenSpec
 * @property {boolean} [issuesWrite] may create and change issues, comments and labels (default true)
 * @property {boolean} [push] push access: may set labels and assignees on new issues (default true);
 *   without it GitHub silently drops them, as documented
 * @property {string} [login] the user the token acts as (default github-actions[bot])
 * @property {string[]} [repos] repositories (owner/name) it can see (default: all)
 */

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path URL path as sent (prefix included), no query
 * @property {string} route path with the GHES prefix removed
 * @property {'' | '/api/v3'} prefix
 * @property {string} rawUrl
 * @property {Record<string, string>} query
 * @property {Record<string, string>} headers lower-case names (authorization included: the log is the test's)
 * @property {string | null} token the token the request carried (null: none)
 * @property {'token' | 'bearer' | null} scheme
 * @property {unknown} body parsed JSON ('' none; the raw text when it did not parse)
 * @property {number | null} status
 * @property {number} receivedAt epoch ms (from `now`)
 */

/**
 * @typedef {object} FaultSpec
 * @property {string} [method]
 * @property {string | RegExp} [path] the route (GHES prefix removed), exact or a pattern; default every path
 * @property {number} [times] default 1
 * @property {number} [status] answer with this status (a 5xx, 403, ...)
 * @property {unknown} [body] object: JSON; string: text/plain (default for 5xx: GitHub's `{"message":"Server Error"}`)
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs] wait before answering (the real answer, unless status is set)
 * @property {boolean} [reset] cut the connection (TCP reset) instead of answering
 * @property {boolean} [afterAction] do the real work first, then deliver the fault (a write that happened but whose answer was lost)
 */

/**
 * @typedef {object} SecondarySpec
 * @property {number} [nextWrites] refuse the next N content-creating requests (POST, PATCH, PUT, DELETE)
 * @property {number} [nextRequests] refuse the next N requests of any method
 * @property {number} [maxWrites] refuse writes beyond this many within `windowMs` (GitHub: about 80 a minute)
 * @property {number} [windowMs] default 60000
 * @property {number | null} [retryAfter] seconds in Retry-After (default 1; null: no header, as GitHub sometimes sends)
 * @property {403 | 429} [status] default 403
 */

/**
 * @typedef {object} GitHubEmulatorOptions
 * @property {string} [token] a token allowed everything (default ghs_emulator...); more with setToken
 * @property {string} [repo] owner/name to create at once
 * @property {'both' | 'root' | 'ghes'} [paths] serve at / (github.com), under /api/v3 (GHES), or both (default)
 * @property {string} [htmlBase] html_url base (default https://github.com)
 * @property {number} [searchLagMs] how long after a write search sees it (default 3000; Infinity: never)
 * @property {number} [maxBodyLength] default 65536 (code points)
 * @property {number} [maxTitleLength] default 256
 * @property {number} [coreLimit] primary rate limit per token an hour (default 5000)
 * @property {number} [searchLimit] search rate limit per token a minute (default 30)
 * @property {403 | 429} [primaryStatus] status once the primary limit is used up (default 403)
 * @property {() => number} [now] clock, epoch ms
 */

/** @param {import('node:http').IncomingHttpHeaders} raw */
function flattenHeaders(raw) {
  /** @type {Record<string, string>} */
  const headers = {}
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  return headers
}

/** Qualifiers the stand-in knows; others are text. */
const SEARCH_QUALIFIERS = new Set(['repo', 'is', 'type', 'state', 'label', 'author', 'in'])

/**
 * Search text as words, the way a full-text index tokenises it: letters, digits and _ runs, lower-case.
 * @param {string} text
 */
function words(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
}

/**
 * Whole words, not substrings: "cafe" does not find "cafe1234". A quoted phrase needs its words
 * in a row; an unquoted term needs each of its words somewhere.
 * @param {string[]} haystack
 * @param {string[]} needle
 * @param {boolean} phrase
 */
function matchesWords(haystack, needle, phrase) {
  if (needle.length === 0) return true
  if (!phrase) return needle.every((word) => haystack.includes(word))
  for (let i = 0; i + needle.length <= haystack.length; i++) if (needle.every((word, j) => haystack[i + j] === word)) return true
  return false
}

const iso = (/** @type {number} */ ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

export class GitHubEmulator {
  /** @type {import('node:http').Server | undefined} */
  #server
  /** @type {Set<import('node:net').Socket>} */
  #sockets = new Set()
  /** @type {Array<FaultSpec & { remaining: number, hits: number }>} */
  #faults = []
  /** @type {Array<SecondarySpec & { hits: number }>} */
  #secondary = []
  /** @type {number[]} arrival times of accepted writes, for `maxWrites` */
  #writeTimes = []
  /** @type {Map<string, TokenSpec & { login: string }>} */
  #tokens = new Map()
  /** @type {Map<string, { used: number, resetAt: number, limit?: number }>} by token + resource */
  #buckets = new Map()
  /** @type {Set<{ timer: NodeJS.Timeout, resolve: () => void }>} */
  #sleepers = new Set()
  #url = ''

  /** @param {GitHubEmulatorOptions} [options] */
  constructor(options = {}) {
    this.now = options.now ?? Date.now
    this.paths = options.paths ?? 'both'
    this.htmlBase = (options.htmlBase ?? 'https://github.com').replace(/\/$/, '')
    this.coreLimit = options.coreLimit ?? 5000
    this.searchLimit = options.searchLimit ?? 30
    this.primaryStatus = options.primaryStatus ?? 403
    this.token = options.token ?? 'ghs_emulator0123456789abcdefghijklmnopqrs'
    this.state = new GitHubState({
      now: () => this.now(),
      searchLagMs: options.searchLagMs ?? 3000,
      maxBodyLength: options.maxBodyLength ?? MAX_BODY_LENGTH,
      maxTitleLength: options.maxTitleLength ?? MAX_TITLE_LENGTH
    })
    this.setToken(this.token)
    /**
     * Every request received, oldest first.
     * @type {[RecordedRequest, ...RecordedRequest[]]}
     */
    this.requests = /** @type {any} */ ([])
    /** Called with each request once answered (the CLI prints them). @type {((request: RecordedRequest) => void) | undefined} */
    this.onRequest = undefined
    if (options.repo) this.addRepo(options.repo)
  }

  // ------------------------------------------------------------ server

  /** `http://127.0.0.1:<port>` ('' before start). */
  get url() {
    return this.#url
  }

  /** What GITHUB_API_URL should be: the root, or `<url>/api/v3` when only the GHES prefix is served. */
  get apiUrl() {
    return this.#url && (this.paths === 'ghes' ? `${this.#url}/api/v3` : this.#url)
  }

  /** @param {number} [port] 0: any free port @returns {Promise<string>} the base URL */
  async start(port = 0) {
    if (this.#server) throw new Error('the GitHub emulator is already started')
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ message: `GitHub emulator error: ${error instanceof Error ? error.message : String(error)}` }))
        } else res.destroy()
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
    return this.#url
  }

  /** Closes the server and every connection; pending delays end at once. */
  async close() {
    for (const sleeper of this.#sleepers) {
      clearTimeout(sleeper.timer)
      sleeper.resolve()
    }
    this.#sleepers.clear()
    const server = this.#server
    if (!server) return
    this.#server = undefined
    await new Promise((resolve) => {
      server.close(() => resolve(undefined))
      server.closeAllConnections()
    })
    for (const socket of this.#sockets) socket.destroy()
    this.#url = ''
  }

  /** Same as close(). */
  stop() {
    return this.close()
  }

  // ------------------------------------------------------------ test hooks

  /**
   * Adds or replaces a token.
   * @param {string} token
   * @param {TokenSpec} [spec]
   */
  setToken(token, spec = {}) {
    this.#tokens.set(token, { issuesWrite: true, push: true, ...spec, login: spec.login ?? 'github-actions[bot]' })
  }

  /** Removes a token (its requests then get 401). @param {string} token */
  revokeToken(token) {
    this.#tokens.delete(token)
  }

  /** @param {string} fullName owner/name @param {{ private?: boolean, assignable?: string[], labels?: Array<string | { name: string, color?: string, description?: string }> }} [options] */
  addRepo(fullName, options) {
    return this.#repoView(this.state.addRepo(fullName, options))
  }

  /**
   * An issue set up by the test (searchable at once unless `searchable: false`).
   * @param {string} fullName
   * @param {{ title: string, body?: string | null, user?: string, labels?: string[], assignees?: string[], state?: 'open' | 'closed',
   *   stateReason?: string | null, createdAt?: number | string, updatedAt?: number | string, locked?: boolean, searchable?: boolean,
   *   comments?: string[] }} spec
   * @returns {Record<string, any>} the issue as the API shows it
   */
  addIssue(fullName, spec) {
    return this.#add(fullName, spec, false)
  }

  /** A pull request: listed among the issues with a `pull_request` key. @param {string} fullName @param {Parameters<GitHubEmulator['addIssue']>[1]} spec */
  addPullRequest(fullName, spec) {
    return this.#add(fullName, spec, true)
  }

  /** @param {string} fullName @param {Parameters<GitHubEmulator['addIssue']>[1]} spec @param {boolean} pullRequest */
  #add(fullName, spec, pullRequest) {
    const repo = this.state.repo(fullName)
    const time = (/** @type {number | string | undefined} */ value) => (typeof value === 'string' ? Date.parse(value) : value)
    // Set up by the test: searchable at once unless `searchable: false` (API writes lag).
    const issue = this.state.addIssue(repo, { ...spec, createdAt: time(spec.createdAt), updatedAt: time(spec.updatedAt), pullRequest, searchable: spec.searchable ?? true })
    for (const body of spec.comments ?? []) this.state.addComment(repo, issue, body, issue.user)
    if (spec.comments?.length && spec.searchable !== false) this.state.reindex(issue, 0)
    return this.#issueView(repo, issue, '')
  }

  /** Closes an issue as if someone did in the web UI. @param {string} fullName @param {number} number @param {'completed' | 'not_planned'} [reason] */
  closeIssue(fullName, number, reason = 'completed') {
    const repo = this.state.repo(fullName)
    const issue = this.#mustIssue(repo, number)
    const now = this.now()
    Object.assign(issue, { state: 'closed', stateReason: reason, closedAt: now, updatedAt: now, closedBy: this.state.user(repo.owner) })
    this.state.reindex(issue)
  }

  /** A comment added as if someone wrote it in the web UI. @param {string} fullName @param {number} number @param {string} body @param {string} [login] */
  addComment(fullName, number, body, login) {
    const repo = this.state.repo(fullName)
    const issue = this.#mustIssue(repo, number)
    return this.#commentView(repo, this.state.addComment(repo, issue, body, this.state.user(login ?? repo.owner)), '')
  }

  /** Every issue and pull request, bodies included, as the API shows them (whatever search sees). @param {string} fullName */
  listIssues(fullName) {
    const repo = this.state.repo(fullName)
    return repo.issues.map((issue) => this.#issueView(repo, issue, ''))
  }

  /** An issue's comments, oldest first. @param {string} fullName @param {number} number */
  comments(fullName, number) {
    const repo = this.state.repo(fullName)
    return this.#mustIssue(repo, number).comments.map((comment) => this.#commentView(repo, comment, ''))
  }

  /** Labels of a repository. @param {string} fullName */
  labels(fullName) {
    return [...this.state.repo(fullName).labels.values()].map((label) => this.#labelView(this.state.repo(fullName), label, ''))
  }

  /**
   * Sets the search lag for writes from now on (ms; Infinity: never searchable).
   * @param {number} ms
   */
  searchLag(ms) {
    if (!(ms >= 0)) throw new Error('searchLag needs a number of ms >= 0 (Infinity: never)')
    this.state.searchLagMs = ms
  }

  /** Everything written so far becomes searchable now. */
  flushSearchIndex() {
    this.state.flushIndex()
  }

  /** @param {FaultSpec} spec */
  injectFault(spec) {
    const fault = { ...spec, remaining: spec.times ?? 1, hits: 0 }
    this.#faults.push(fault)
    return fault
  }

  /**
   * Secondary rate limiting: 403 (or 429) with GitHub's message and Retry-After.
   * @param {SecondarySpec} spec
   * @returns {SecondarySpec & { hits: number }} the live rule: `hits` counts refusals
   */
  secondaryRateLimit(spec) {
    if (spec.nextWrites === undefined && spec.nextRequests === undefined && spec.maxWrites === undefined) {
      throw new Error('secondaryRateLimit needs nextWrites, nextRequests or maxWrites')
    }
    const rule = { windowMs: 60000, status: /** @type {403 | 429} */ (403), ...spec, hits: 0 }
    this.#secondary.push(rule)
    return rule
  }

  /**
   * The primary rate limit of a token: e.g. `{ remaining: 0 }` to refuse its next request.
   * @param {{ token?: string, resource?: 'core' | 'search', remaining?: number, limit?: number, resetInSeconds?: number }} spec
   */
  setRateLimit(spec) {
    const resource = spec.resource ?? 'core'
    const bucket = this.#bucket(spec.token ?? this.token, resource)
    if (spec.limit !== undefined) bucket.limit = spec.limit
    const limit = bucket.limit ?? (resource === 'search' ? this.searchLimit : this.coreLimit)
    if (spec.remaining !== undefined) bucket.used = Math.max(0, limit - spec.remaining)
    if (spec.resetInSeconds !== undefined) bucket.resetAt = this.now() + spec.resetInSeconds * 1000
  }

  clearFaults() {
    this.#faults = []
    this.#secondary = []
  }

  clearRequests() {
    this.requests.length = 0
  }

  /** The distinct tokens requests carried (null: a request without one). */
  tokensSeen() {
    return [...new Set(this.requests.map((request) => request.token))]
  }

  // ------------------------------------------------------------ handling

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

  /** @param {string} token @param {string} resource */
  #bucket(token, resource) {
    const key = `${resource} ${token}`
    let bucket = this.#buckets.get(key)
    const now = this.now()
    if (!bucket || bucket.resetAt <= now) {
      bucket = { used: 0, resetAt: now + (resource === 'search' ? 60 : 3600) * 1000, limit: bucket?.limit }
      this.#buckets.set(key, bucket)
    }
    return bucket
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async #handle(req, res) {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    try {
      for await (const chunk of req) {
        size += chunk.length
        if (size > MAX_REQUEST_BYTES) {
          res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' }).end('{"message":"Payload too large"}')
          return
        }
        chunks.push(chunk)
      }
    } catch {
      return
    }
    const text = Buffer.concat(chunks).toString('utf8')
    const method = (req.method ?? 'GET').toUpperCase()
    const rawUrl = req.url ?? '/'
    const url = new URL(rawUrl, 'http://127.0.0.1')
    const headers = flattenHeaders(req.headers)
    const auth = /^(token|bearer)\s+(\S+)\s*$/i.exec(headers.authorization ?? '')
    const ghes = url.pathname === '/api/v3' || url.pathname.startsWith('/api/v3/')
    /** @type {unknown} */
    let body = ''
    let badJson = false
    if (text !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
        badJson = true
      }
    }
    /** @type {RecordedRequest} */
    const record = {
      method,
      path: url.pathname,
      route: ghes ? url.pathname.slice('/api/v3'.length) || '/' : url.pathname,
      prefix: ghes ? '/api/v3' : '',
      rawUrl,
      query: Object.fromEntries(url.searchParams),
      headers,
      token: auth ? /** @type {string} */ (auth[2]) : null,
      scheme: auth ? /** @type {'token' | 'bearer'} */ (/** @type {string} */ (auth[1]).toLowerCase()) : null,
      body,
      status: null,
      receivedAt: this.now()
    }
    this.requests.push(record)

    const fault = this.#takeFault(record)
    const write = method !== 'GET' && method !== 'HEAD'
    /** @type {{ status: number, headers: Record<string, string>, body: unknown } | undefined} */
    let answer
    if (fault?.afterAction) answer = this.#answer(record, url, badJson)
    if (fault?.delayMs) await this.#sleep(fault.delayMs)
    if (res.destroyed) return
    if (fault?.reset) {
      record.status = null
      try {
        req.socket.resetAndDestroy()
      } catch {
        req.socket.destroy()
      }
      this.onRequest?.(record)
      return
    }
    if (fault?.status !== undefined) {
      const fallback = fault.status >= 500 ? { message: 'Server Error' } : { message: 'Fault', status: String(fault.status) }
      answer = { status: fault.status, headers: { ...(fault.headers ?? {}) }, body: fault.body ?? fallback }
    } else if (!answer) {
      answer = this.#secondaryAnswer(record, write) ?? this.#answer(record, url, badJson)
      if (fault?.headers) answer.headers = { ...answer.headers, ...fault.headers }
    }
    this.#send(res, record, answer)
  }

  /** @param {RecordedRequest} record */
  #takeFault(record) {
    const fault = this.#faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === record.method) &&
        (f.path === undefined || (typeof f.path === 'string' ? f.path === record.route : f.path.test(record.route)))
    )
    if (fault) {
      fault.remaining--
      fault.hits++
      this.#faults = this.#faults.filter((f) => f.remaining > 0)
    }
    return fault
  }

  /** @param {RecordedRequest} record @param {boolean} write */
  #secondaryAnswer(record, write) {
    // Only a request that would be authenticated is limited (a bad token gets its 401 first).
    if (!record.token || !this.#tokens.has(record.token)) return undefined
    const now = this.now()
    this.#writeTimes = this.#writeTimes.filter((at) => at > now - 10 * 60 * 1000)
    const rule = this.#secondary.find((r) => {
      if (r.nextRequests !== undefined && r.nextRequests > 0) return true
      if (!write) return false
      if (r.nextWrites !== undefined && r.nextWrites > 0) return true
      if (r.maxWrites !== undefined) return this.#writeTimes.filter((at) => at > now - (r.windowMs ?? 60000)).length >= r.maxWrites
      return false
    })
    if (!rule) {
      if (write) this.#writeTimes.push(now)
      return undefined
    }
    if (rule.nextRequests !== undefined && rule.nextRequests > 0) rule.nextRequests--
    else if (rule.nextWrites !== undefined && rule.nextWrites > 0) rule.nextWrites--
    rule.hits++
    this.#secondary = this.#secondary.filter((r) => r.maxWrites !== undefined || (r.nextWrites ?? 0) > 0 || (r.nextRequests ?? 0) > 0)
    const requestId = randomBytes(8).toString('hex').toUpperCase()
    const resource = record.route === '/search/issues' ? 'search' : 'core'
    const bucket = this.#bucket(record.token, resource)
    const limit = bucket.limit ?? (resource === 'search' ? this.searchLimit : this.coreLimit)
    // The primary headers come along and say there is quota left: a secondary limit is not the primary one.
    /** @type {Record<string, string>} */
    const headers = {
      'x-github-request-id': requestId,
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - bucket.used)),
      'x-ratelimit-used': String(bucket.used),
      'x-ratelimit-reset': String(Math.ceil(bucket.resetAt / 1000)),
      'x-ratelimit-resource': resource
    }
    const retryAfter = rule.retryAfter === undefined ? 1 : rule.retryAfter
    if (retryAfter !== null) headers['retry-after'] = String(retryAfter)
    const status = rule.status ?? 403
    return {
      status,
      headers,
      body: { message: `${SECONDARY_RATE_LIMIT_MESSAGE}${requestId}.`, documentation_url: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`, status: String(status) }
    }
  }

  /**
   * @param {import('node:http').ServerResponse} res
   * @param {RecordedRequest} record
   * @param {{ status: number, headers: Record<string, string>, body: unknown }} answer
   */
  #send(res, record, answer) {
    const payload =
      answer.status === 204 || answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)
    /** @type {Record<string, string>} */
    const headers = {
      'content-type': typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': API_VERSIONS[0] ?? '',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      ...answer.headers
    }
    if (payload !== '') headers['content-length'] = String(Buffer.byteLength(payload))
    record.status = answer.status
    res.writeHead(answer.status, headers).end(payload)
    this.onRequest?.(record)
  }

  /**
   * @param {RecordedRequest} record
   * @param {URL} url
   * @param {boolean} badJson
   */
  #answer(record, url, badJson) {
    /** @type {Record<string, string>} */
    const rateHeaders = {}
    try {
      if ((this.paths === 'root' && record.prefix) || (this.paths === 'ghes' && !record.prefix)) throw new GitHubError(404, 'Not Found')
      const version = record.headers['x-github-api-version']
      if (version !== undefined && !API_VERSIONS.includes(version)) {
        throw new GitHubError(400, `API version ${version} is not supported.`, { documentationUrl: 'https://docs.github.com/rest/about-the-rest-api/api-versions' })
      }
      // Authentication first: a token GitHub does not know is refused whatever the path.
      const caller = record.token === null ? undefined : this.#tokens.get(record.token)
      if (record.token !== null && !caller) throw new GitHubError(401, 'Bad credentials', { documentationUrl: DOC.auth })
      if (record.route === '/rate_limit' && record.method === 'GET') return { status: 200, headers: {}, body: this.#rateLimitBody(record.token) }
      const resource = record.route === '/search/issues' ? 'search' : 'core'
      {
        // Anonymous requests share one bucket of 60 an hour (per IP on GitHub); search 10 a minute.
        const anonymous = record.token === null
        const bucket = this.#bucket(record.token ?? '', resource)
        const limit = bucket.limit ?? (anonymous ? (resource === 'search' ? 10 : 60) : resource === 'search' ? this.searchLimit : this.coreLimit)
        Object.assign(rateHeaders, {
          'x-ratelimit-limit': String(limit),
          'x-ratelimit-reset': String(Math.ceil(bucket.resetAt / 1000)),
          'x-ratelimit-resource': resource
        })
        if (bucket.used >= limit) {
          Object.assign(rateHeaders, { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(bucket.used) })
          const login = caller?.login ?? 'user'
          const who = anonymous ? '127.0.0.1' : login.endsWith('[bot]') ? 'installation ID 1' : `user ID ${this.state.user(login).id}`
          throw new GitHubError(this.primaryStatus, `API rate limit exceeded for ${who}.`, { documentationUrl: `${RATE_LIMIT_DOCS}#about-primary-rate-limits` })
        }
        bucket.used++
        Object.assign(rateHeaders, { 'x-ratelimit-remaining': String(limit - bucket.used), 'x-ratelimit-used': String(bucket.used) })
      }
      if (badJson) throw new GitHubError(400, 'Problems parsing JSON', { documentationUrl: DOC.auth })
      const answer = this.#route(record, url, caller)
      answer.headers = { ...rateHeaders, ...answer.headers }
      return answer
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error
      /** @type {Record<string, unknown>} */
      const body = { message: error.message }
      if (error.errors) body.errors = error.errors
      body.documentation_url = error.documentationUrl
      body.status = String(error.status)
      return { status: error.status, headers: { ...rateHeaders, ...error.headers }, body }
    }
  }

  /** @param {string | null} token */
  #rateLimitBody(token) {
    /** @param {'core' | 'search'} resource */
    const view = (resource) => {
      const bucket = token ? this.#bucket(token, resource) : { used: 0, resetAt: this.now() + 3600000, limit: 60 }
      const limit = bucket.limit ?? (resource === 'search' ? this.searchLimit : this.coreLimit)
      return { limit, used: bucket.used, remaining: Math.max(0, limit - bucket.used), reset: Math.ceil(bucket.resetAt / 1000) }
    }
    return { resources: { core: view('core'), search: view('search') }, rate: view('core') }
  }

  /**
   * @param {RecordedRequest} record
   * @param {URL} url
   * @param {(TokenSpec & { login: string }) | undefined} caller
   * @returns {{ status: number, headers: Record<string, string>, body: unknown }}
   */
  #route(record, url, caller) {
    const { method, route } = record
    const base = `${this.#url}${record.prefix}`
    const query = record.query
    if (route === '/search/issues') {
      if (method !== 'GET') throw new GitHubError(404, 'Not Found')
      if (!caller) throw new GitHubError(401, 'Requires authentication', { documentationUrl: DOC.search })
      return this.#search(query, base, url, caller)
    }
    if (route === '/user') {
      // "Get the authenticated user": a person's token names its user; an installation token (the job's
      // GITHUB_TOKEN, a GitHub App's) is no user, and GitHub refuses it as not accessible by integration.
      if (method !== 'GET') throw new GitHubError(404, 'Not Found')
      if (!caller) throw new GitHubError(401, 'Requires authentication', { documentationUrl: DOC.authenticatedUser })
      if (caller.login.endsWith('[bot]')) throw new GitHubError(403, 'Resource not accessible by integration', { documentationUrl: DOC.authenticatedUser })
      return { status: 200, headers: {}, body: this.#userView(this.state.user(caller.login), base) }
    }
    // /repos/{owner}/{repo}/... or /repositories/{id}/... (where GitHub's Link headers point)
    const match = /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))(\/.*)?$/.exec(route)
    if (!match) throw new GitHubError(404, 'Not Found')
    const repo = match[3] !== undefined ? this.state.reposById.get(Number(match[3])) : this.state.repos.get(`${decodeURIComponent(match[1] ?? '')}/${decodeURIComponent(match[2] ?? '')}`.toLowerCase())
    // GitHub answers 404 (not 403) for a repository the caller cannot see.
    if (!repo || !this.#canSee(caller, repo)) throw new GitHubError(404, 'Not Found', { documentationUrl: DOC.getIssue })
    const rest = match[4] ?? ''
    const write = method !== 'GET'
    if (write && !caller) throw new GitHubError(401, 'Requires authentication', { documentationUrl: DOC.auth })
    if (write && caller && !caller.issuesWrite) {
      throw new GitHubError(403, 'Resource not accessible by integration', {
        documentationUrl: DOC.integration,
        headers: { 'x-accepted-github-permissions': 'issues=write' }
      })
    }
    const body = /** @type {Record<string, any>} */ (record.body && typeof record.body === 'object' ? record.body : {})
    const login = caller?.login ?? 'ghost'
    let m
    if (rest === '' && method === 'GET') return { status: 200, headers: {}, body: this.#repoView(repo) }
    if (rest === '/issues' && method === 'GET') return this.#listIssues(repo, query, base, url)
    if (rest === '/issues' && method === 'POST') return this.#createIssue(repo, record.body, caller, base)
    if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = this.#mustIssue(repo, Number(m[1]))
      if (method === 'GET') return { status: 200, headers: {}, body: this.#issueView(repo, issue, base) }
      if (method === 'PATCH') return this.#updateIssue(repo, issue, body, login, base)
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = this.#mustIssue(repo, Number(m[1]))
      if (method === 'GET') {
        const since = this.#since(query.since, DOC.createComment)
        const comments = issue.comments.filter((comment) => since === undefined || comment.updatedAt >= since)
        return this.#page(comments, query, base, url, (comment) => this.#commentView(repo, comment, base), repo)
      }
      if (method === 'POST') {
        if (typeof body.body !== 'string') throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }], DOC.createComment)
        this.state.checkText('IssueComment', 'body', body.body, DOC.createComment)
        if (issue.locked) throw new GitHubError(403, 'Unable to create comment because issue is locked.', { documentationUrl: DOC.createComment })
        const comment = this.state.addComment(repo, issue, body.body, this.state.user(login))
        const view = this.#commentView(repo, comment, base)
        return { status: 201, headers: { location: String(view.url) }, body: view }
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const found = this.state.commentsById.get(Number(m[1]))
      if (!found || found.repo !== repo) throw new GitHubError(404, 'Not Found', { documentationUrl: DOC.updateComment })
      if (method === 'GET') return { status: 200, headers: {}, body: this.#commentView(repo, found.comment, base) }
      if (method === 'PATCH') {
        if (typeof body.body !== 'string') throw validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }], DOC.updateComment)
        this.state.checkText('IssueComment', 'body', body.body, DOC.updateComment)
        found.comment.body = body.body
        found.comment.updatedAt = this.now()
        this.state.reindex(found.issue)
        return { status: 200, headers: {}, body: this.#commentView(repo, found.comment, base) }
      }
    }
    if (rest === '/labels' && method === 'GET') return this.#page([...repo.labels.values()], query, base, url, (label) => this.#labelView(repo, label, base), repo)
    if (rest === '/labels' && method === 'POST') {
      if (typeof body.name !== 'string' || body.name.trim() === '') throw validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }], DOC.labels)
      if (repo.labels.has(body.name.toLowerCase())) throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }], DOC.labels)
      if (body.color !== undefined && !/^#?[0-9a-fA-F]{6}$/.test(String(body.color))) throw validationFailed([{ resource: 'Label', code: 'invalid', field: 'color' }], DOC.labels)
      const label = this.state.createLabel(repo, { name: body.name, color: body.color, description: body.description })
      const view = this.#labelView(repo, label, base)
      return { status: 201, headers: { location: String(view.url) }, body: view }
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const label = repo.labels.get(decodeURIComponent(m[1] ?? '').toLowerCase())
      if (!label) throw new GitHubError(404, 'Not Found', { documentationUrl: DOC.labels })
      return { status: 200, headers: {}, body: this.#labelView(repo, label, base) }
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
      const issue = this.#mustIssue(repo, Number(m[1]))
      if (method === 'GET') return this.#page(issue.labels, query, base, url, (label) => this.#labelView(repo, label, base), repo)
      if (method === 'POST' || method === 'PUT') {
        const names = this.#labelNames(Array.isArray(record.body) ? record.body : body.labels, DOC.labels)
        // POST adds; PUT replaces (set labels).
        if (method === 'PUT') issue.labels = []
        for (const label of this.state.labelsFor(repo, names)) if (!issue.labels.includes(label)) issue.labels.push(label)
        issue.updatedAt = this.now()
        this.state.reindex(issue)
        return { status: 200, headers: {}, body: issue.labels.map((label) => this.#labelView(repo, label, base)) }
      }
    }
    if ((m = /^\/issues\/(\d+)\/labels\/([^/]+)$/.exec(rest)) && method === 'DELETE') {
      const issue = this.#mustIssue(repo, Number(m[1]))
      const name = decodeURIComponent(m[2] ?? '').toLowerCase()
      const label = issue.labels.find((l) => l.name.toLowerCase() === name)
      if (!label) throw new GitHubError(404, 'Label does not exist', { documentationUrl: DOC.labels })
      issue.labels = issue.labels.filter((l) => l !== label)
      issue.updatedAt = this.now()
      this.state.reindex(issue)
      return { status: 200, headers: {}, body: issue.labels.map((l) => this.#labelView(repo, l, base)) }
    }
    throw new GitHubError(404, 'Not Found')
  }

  /** @param {(TokenSpec & { login: string }) | undefined} caller @param {import('./state.mjs').Repo} repo */
  #canSee(caller, repo) {
    if (!caller) return !repo.private
    return !caller.repos || caller.repos.some((name) => name.toLowerCase() === repo.fullName.toLowerCase())
  }

  /** @param {import('./state.mjs').Repo} repo @param {number} number */
  #mustIssue(repo, number) {
    const issue = this.state.issue(repo, number)
    if (!issue) throw new GitHubError(404, 'Not Found', { documentationUrl: DOC.getIssue })
    return issue
  }

  /** @param {string | undefined} since @param {string} doc */
  #since(since, doc) {
    if (since === undefined) return undefined
    // ISO 8601 YYYY-MM-DDTHH:MM:SSZ, as documented.
    const ms = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(since) ? Date.parse(since) : NaN
    if (Number.isNaN(ms)) throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'since', value: since }], doc)
    return Math.floor(ms / 1000) * 1000
  }

  /** @param {unknown} value @param {string} doc */
  #labelNames(value, doc) {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'labels' }], doc)
    return value.map((item) => {
      const name = typeof item === 'string' ? item : item && typeof item === 'object' && typeof item.name === 'string' ? item.name : undefined
      if (name === undefined || name.trim() === '') throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'labels' }], doc)
      return name
    })
  }

  /**
   * @param {import('./state.mjs').Repo} repo
   * @param {Record<string, string>} query
   * @param {string} base
   * @param {URL} url
   */
  #listIssues(repo, query, base, url) {
    const state = query.state ?? 'open'
    const wanted = (query.labels ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '')
    const since = this.#since(query.since, DOC.listIssues)
    let issues = repo.issues.filter(
      (issue) =>
        (state === 'all' || issue.state === state) &&
        wanted.every((name) => issue.labels.some((label) => label.name.toLowerCase() === name)) &&
        (query.creator === undefined || issue.user.login.toLowerCase() === query.creator.toLowerCase()) &&
        (query.assignee === undefined ||
          (query.assignee === '*'
            ? issue.assignees.length > 0
            : query.assignee === 'none'
              ? issue.assignees.length === 0
              : issue.assignees.some((user) => user.login.toLowerCase() === query.assignee?.toLowerCase()))) &&
        (since === undefined || issue.updatedAt >= since)
    )
    const sort = query.sort ?? 'created'
    /** @type {(issue: import('./state.mjs').Issue) => number} */
    const key = sort === 'updated' ? (issue) => issue.updatedAt : sort === 'comments' ? (issue) => issue.comments.length : (issue) => issue.createdAt
    const sign = (query.direction ?? 'desc') === 'asc' ? 1 : -1
    issues = [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number))
    return this.#page(issues, query, base, url, (issue) => this.#issueView(repo, issue, base), repo)
  }

  /**
   * One page and GitHub's Link header (prev, next, last, first, in that order; the URLs under /repositories/{id}).
   * @template T
   * @param {T[]} items
   * @param {Record<string, string>} query
   * @param {string} base
   * @param {URL} url
   * @param {(item: T) => unknown} view
   * @param {import('./state.mjs').Repo} [repo]
   */
  #page(items, query, base, url, view, repo) {
    const perPage = Math.min(100, Math.max(1, Number.parseInt(query.per_page ?? '30', 10) || 30))
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const pageItems = items.slice((page - 1) * perPage, page * perPage)
    /** @type {Record<string, string>} */
    const headers = {}
    const links = []
    const path = repo ? url.pathname.replace(/^(\/api\/v3)?\/repos\/[^/]+\/[^/]+/, `$1/repositories/${repo.id}`) : url.pathname
    /** @param {number} n */
    const linkTo = (n) => {
      const params = new URLSearchParams(url.search)
      params.set('page', String(n))
      return `<${this.#url}${path}?${params.toString()}>`
    }
    if (page > 1) links.push(`${linkTo(Math.min(page - 1, last))}; rel="prev"`)
    if (page < last) links.push(`${linkTo(page + 1)}; rel="next"`, `${linkTo(last)}; rel="last"`)
    if (page > 1) links.push(`${linkTo(1)}; rel="first"`)
    if (links.length > 0) headers.link = links.join(', ')
    return { status: 200, headers, body: pageItems.map(view) }
  }

  /**
   * @param {import('./state.mjs').Repo} repo
   * @param {unknown} raw
   * @param {(TokenSpec & { login: string }) | undefined} caller
   * @param {string} base
   */
  #createIssue(repo, raw, caller, base) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new GitHubError(400, 'Problems parsing JSON', { documentationUrl: DOC.createIssue })
    const body = /** @type {Record<string, any>} */ (raw)
    if (body.title === undefined || body.title === null || body.title === '') {
      throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }], DOC.createIssue)
    }
    this.state.checkText('Issue', 'title', body.title, DOC.createIssue)
    this.state.checkText('Issue', 'body', body.body, DOC.createIssue)
    const push = caller?.push !== false
    // Documented: "Only users with push access can set labels / assignees for new issues. ... silently dropped otherwise."
    let labels = push ? this.#labelNames(body.labels, DOC.createIssue) : []
    /** @type {string[]} */
    let assignees = []
    if (push) {
      if (body.assignees !== undefined && body.assignees !== null && (!Array.isArray(body.assignees) || body.assignees.some((/** @type {unknown} */ a) => typeof a !== 'string'))) {
        throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'assignees' }], DOC.createIssue)
      }
      assignees = [...(body.assignees ?? []), ...(typeof body.assignee === 'string' ? [body.assignee] : [])]
      const bad = assignees.find((login) => !repo.assignable.has(login.toLowerCase()))
      if (bad !== undefined) throw validationFailed([{ value: bad, resource: 'Issue', field: 'assignees', code: 'invalid' }], DOC.createIssue)
    } else labels = []
    const issue = this.state.addIssue(repo, {
      title: String(body.title),
      body: typeof body.body === 'string' ? body.body : null,
      user: caller?.login ?? 'ghost',
      labels,
      assignees: [...new Set(assignees.map((login) => login.toLowerCase()))].map((login) => assignees.find((a) => a.toLowerCase() === login) ?? login)
    })
    const view = this.#issueView(repo, issue, base)
    return { status: 201, headers: { location: String(view.url) }, body: view }
  }

  /**
   * @param {import('./state.mjs').Repo} repo
   * @param {import('./state.mjs').Issue} issue
   * @param {Record<string, any>} body
   * @param {string} login
   * @param {string} base
   */
  #updateIssue(repo, issue, body, login, base) {
    if ('title' in body) {
      if (body.title === null || body.title === '') throw validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }], DOC.updateIssue)
      this.state.checkText('Issue', 'title', body.title, DOC.updateIssue)
    }
    if ('body' in body) this.state.checkText('Issue', 'body', body.body, DOC.updateIssue)
    if ('state' in body && body.state !== 'open' && body.state !== 'closed') {
      throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }], DOC.updateIssue)
    }
    const reasons = ['completed', 'not_planned', 'duplicate', 'reopened', null]
    if ('state_reason' in body && !reasons.includes(body.state_reason)) {
      throw validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state_reason' }], DOC.updateIssue)
    }
    const labels = 'labels' in body ? this.#labelNames(body.labels, DOC.updateIssue) : undefined
    if ('assignees' in body) {
      const bad = (body.assignees ?? []).find((/** @type {string} */ a) => typeof a !== 'string' || !repo.assignable.has(a.toLowerCase()))
      if (bad !== undefined) throw validationFailed([{ value: bad, resource: 'Issue', field: 'assignees', code: 'invalid' }], DOC.updateIssue)
    }
    const now = this.now()
    if ('title' in body) issue.title = String(body.title)
    if ('body' in body) issue.body = body.body
    if (labels) issue.labels = this.state.labelsFor(repo, labels)
    if ('assignees' in body) issue.assignees = (body.assignees ?? []).map((/** @type {string} */ a) => this.state.user(a))
    const targetState = body.state ?? issue.state
    if (targetState === 'closed' && issue.state === 'open') {
      Object.assign(issue, { state: 'closed', closedAt: now, closedBy: this.state.user(login), stateReason: body.state_reason ?? 'completed' })
    } else if (targetState === 'open' && issue.state === 'closed') {
      Object.assign(issue, { state: 'open', closedAt: null, closedBy: null, stateReason: body.state_reason ?? 'reopened' })
    }
    // Documented: state_reason is "ignored unless state is changed".
    issue.updatedAt = now
    this.state.reindex(issue)
    return { status: 200, headers: {}, body: this.#issueView(repo, issue, base) }
  }

  /**
   * GET /search/issues: the lagging index, a subset of GitHub's query syntax.
   * @param {Record<string, string>} query
   * @param {string} base
   * @param {URL} url
   * @param {TokenSpec & { login: string }} caller
   */
  #search(query, base, url, caller) {
    const q = query.q
    if (q === undefined || q.trim() === '') throw validationFailed([{ resource: 'Search', field: 'q', code: 'missing' }], DOC.search)
    const terms = [...q.matchAll(/(-?)([a-zA-Z-]+:)?(?:"([^"]*)"|(\S+))/g)].map((t) => {
      const qualifier = (t[2] ?? '').slice(0, -1).toLowerCase()
      const value = t[3] ?? t[4] ?? ''
      // A qualifier GitHub does not have is searched as text (never ignored: that would match everything).
      if (qualifier !== '' && !SEARCH_QUALIFIERS.has(qualifier)) return { negate: t[1] === '-', qualifier: '', value: `${t[2]}${value}`, phrase: t[3] !== undefined }
      return { negate: t[1] === '-', qualifier, value, phrase: t[3] !== undefined }
    })
    const kinds = terms.filter((t) => (t.qualifier === 'is' || t.qualifier === 'type') && ['issue', 'pr', 'pull-request'].includes(t.value.toLowerCase()))
    // GitHub's issue search now refuses a query that names neither.
    if (kinds.length === 0) throw new GitHubError(422, "Query must include 'is:issue' or 'is:pull-request'", { documentationUrl: DOC.search })
    const repoNames = terms.filter((t) => t.qualifier === 'repo').map((t) => t.value.toLowerCase())
    const repos = repoNames.length > 0 ? repoNames.map((name) => this.state.repos.get(name)) : [...this.state.repos.values()]
    if (repos.some((repo) => !repo || !this.#canSee(caller, repo))) {
      throw validationFailed(
        [{ message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.', resource: 'Search', field: 'q', code: 'invalid' }],
        DOC.search
      )
    }
    const inFields = terms.filter((t) => t.qualifier === 'in').flatMap((t) => t.value.toLowerCase().split(','))
    const fields = inFields.length > 0 ? inFields : ['title', 'body', 'comments']
    /** @type {Array<{ repo: import('./state.mjs').Repo, entry: import('./state.mjs').IndexEntry }>} */
    const hits = []
    for (const repo of /** @type {import('./state.mjs').Repo[]} */ (repos)) {
      for (const issue of repo.issues) {
        const entry = this.state.indexed(issue)
        if (!entry) continue
        const ok = terms.every((t) => {
          let result = true
          const v = t.value.toLowerCase()
          if (t.qualifier === 'is' || t.qualifier === 'type') {
            if (v === 'issue') result = !issue.isPullRequest
            else if (v === 'pr' || v === 'pull-request') result = issue.isPullRequest
            else if (v === 'open' || v === 'closed') result = entry.state === v
          } else if (t.qualifier === 'state') result = entry.state === v
          else if (t.qualifier === 'label') result = v.split(',').some((name) => entry.labels.some((label) => label.toLowerCase() === name))
          else if (t.qualifier === 'author') result = entry.author.toLowerCase() === v
          else if (t.qualifier === '') {
            const haystack = words([fields.includes('title') ? entry.title : '', fields.includes('body') ? entry.body : '', ...(fields.includes('comments') ? entry.comments : [])].join('\n'))
            result = matchesWords(haystack, words(t.value), t.phrase)
          }
          return t.negate ? !result : result
        })
        if (ok) hits.push({ repo, entry })
      }
    }
    const order = (query.order ?? 'desc') === 'asc' ? 1 : -1
    if (query.sort === 'created' || query.sort === 'updated') {
      const k = query.sort === 'created' ? 'createdAt' : 'updatedAt'
      hits.sort((a, b) => order * (a.entry.issue[k] - b.entry.issue[k]))
    }
    // GitHub gives at most the first 1000 results.
    const capped = hits.slice(0, 1000)
    const paged = this.#page(capped, query, base, url, ({ repo, entry }) => ({ ...this.#issueView(repo, entry.issue, base, entry), score: 1 }))
    return { status: 200, headers: paged.headers, body: { total_count: hits.length, incomplete_results: false, items: paged.body } }
  }

  // ------------------------------------------------------------ views

  /** @param {import('./state.mjs').User} user @param {string} base */
  #userView(user, base) {
    const api = base || this.apiUrl
    return {
      login: user.login,
      id: user.id,
      node_id: nodeId('U', user.login),
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
      gravatar_id: '',
      url: `${api}/users/${encodeURIComponent(user.login)}`,
      html_url: `${this.htmlBase}/${user.type === 'Bot' ? 'apps/' + user.login.replace(/\[bot\]$/, '') : user.login}`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false
    }
  }

  /** @param {import('./state.mjs').Repo} repo */
  #repoView(repo) {
    return {
      id: repo.id,
      node_id: nodeId('R', repo.fullName),
      name: repo.name,
      full_name: repo.fullName,
      private: repo.private,
      owner: this.#userView(this.state.user(repo.owner), ''),
      html_url: `${this.htmlBase}/${repo.fullName}`,
      url: `${this.apiUrl}/repos/${repo.fullName}`,
      has_issues: true,
      open_issues_count: repo.issues.filter((issue) => issue.state === 'open').length
    }
  }

  /** @param {import('./state.mjs').Repo} repo @param {import('./state.mjs').Label} label @param {string} base */
  #labelView(repo, label, base) {
    return {
      id: label.id,
      node_id: nodeId('LA', `${repo.id}/${label.name}`),
      url: `${base || this.apiUrl}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: label.color,
      default: label.default,
      description: label.description
    }
  }

  /** @param {import('./state.mjs').Repo} repo @param {import('./state.mjs').Comment} comment @param {string} base */
  #commentView(repo, comment, base) {
    const api = `${base || this.apiUrl}/repos/${repo.fullName}`
    return {
      id: comment.id,
      node_id: nodeId('IC', String(comment.id)),
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `${this.htmlBase}/${repo.fullName}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.#userView(comment.user, base),
      created_at: iso(comment.createdAt),
      updated_at: iso(comment.updatedAt),
      issue_url: `${api}/issues/${comment.issueNumber}`,
      author_association: comment.user.login.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : 'NONE',
      performed_via_github_app: null
    }
  }

  /**
   * @param {import('./state.mjs').Repo} repo
   * @param {import('./state.mjs').Issue} issue
   * @param {string} base
   * @param {import('./state.mjs').IndexEntry} [entry] search answers with what the index holds
   * @returns {Record<string, unknown>}
   */
  #issueView(repo, issue, base, entry) {
    const api = `${base || this.apiUrl}/repos/${repo.fullName}`
    const html = `${this.htmlBase}/${repo.fullName}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`
    /** @type {Record<string, unknown>} */
    const view = {
      url: `${api}/issues/${issue.number}`,
      repository_url: api,
      labels_url: `${api}/issues/${issue.number}/labels{/name}`,
      comments_url: `${api}/issues/${issue.number}/comments`,
      events_url: `${api}/issues/${issue.number}/events`,
      html_url: html,
      id: issue.id,
      node_id: nodeId(issue.isPullRequest ? 'PR' : 'I', String(issue.id)),
      number: issue.number,
      title: entry ? entry.title : issue.title,
      user: this.#userView(issue.user, base),
      labels: issue.labels.map((label) => this.#labelView(repo, label, base)),
      state: entry ? entry.state : issue.state,
      locked: issue.locked,
      assignee: issue.assignees[0] ? this.#userView(issue.assignees[0], base) : null,
      assignees: issue.assignees.map((user) => this.#userView(user, base)),
      milestone: null,
      comments: issue.comments.length,
      created_at: iso(issue.createdAt),
      updated_at: iso(issue.updatedAt),
      closed_at: issue.closedAt === null ? null : iso(issue.closedAt),
      author_association: issue.user.login.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : 'NONE',
      active_lock_reason: null,
      body: entry ? entry.body || null : issue.body,
      closed_by: issue.closedBy ? this.#userView(issue.closedBy, base) : null,
      reactions: { url: `${api}/issues/${issue.number}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 },
      timeline_url: `${api}/issues/${issue.number}/timeline`,
      performed_via_github_app: null,
      state_reason: issue.stateReason
    }
    if (issue.isPullRequest) {
      view.draft = false
      view.pull_request = { url: `${api}/pulls/${issue.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: null }
    }
    return view
  }
}
