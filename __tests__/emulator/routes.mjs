// The Console emulator's HTTP API: one row per endpoint (method, path,
// required parameters, who may call it, handler). Handlers get the state and
// a request context and return an Answer, or throw ApiError.
import { fileForToken } from './files.mjs'
import { bulkAcknowledge, bulkDelete, deleteIncident, feedHandler, fetchIncident, searchIncidents, setAcknowledged } from './incidents.mjs'
import { ApiError, DEFAULT_FLOCK, FLOCK_KEY_TYPES, GLOBAL_KEY_TYPES, KIND_NAMES, LEGACY_KINDS, MAX_MEMO, tokenOrder } from './state.mjs'

/**
 * @typedef {import('./state.mjs').ConsoleState} ConsoleState
 * @typedef {import('./state.mjs').Caller} Caller
 * @typedef {import('./files.mjs').Upload} Upload
 */

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {Buffer} body
 */

/**
 * @typedef {object} RequestContext
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} params query and body parameters
 * @property {Record<string, Upload>} uploads multipart files
 * @property {Caller} caller
 * @property {string} authToken the caller's token
 * @property {string} baseUrl `http://127.0.0.1:<port>`
 * @property {{ downloadFilenameOverride?: string, domainHash: string, strict?: boolean }} options
 */

/**
 * @typedef {object} Route
 * @property {'GET' | 'POST' | 'DELETE'} method
 * @property {string} path
 * @property {string[]} required parameters that must be present
 * @property {'any' | 'global'} access 'global': Global API keys only; 'any': Flock keys too, limited to their flocks
 * @property {(state: ConsoleState, ctx: RequestContext) => Answer} handler
 */

// ---------------------------------------------------------------- answers

/**
 * @param {unknown} body
 * @param {number} [status]
 * @param {Record<string, string>} [headers]
 * @returns {Answer}
 */
export function json(body, status = 200, headers = {}) {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(body), 'utf8') }
}

/**
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
export const errorAnswer = (status, message, headers = {}) => json({ result: 'error', message }, status, headers)

/** @param {Record<string, unknown>} [extra] */
const success = (extra = {}) => json({ ...extra, result: 'success' })

/**
 * @param {number} status
 * @param {string} message
 * @returns {never}
 */
function fail(status, message) {
  throw new ApiError(status, message)
}

// ---------------------------------------------------------------- parameter helpers

/** 'true'/'false' as the Console's forms send them. @param {string | undefined} value @param {string} name */
function parseBoolean(value, name) {
  if (value === undefined || value === '') return undefined
  const lower = value.toLowerCase()
  if (['true', '1', 'yes', 'on'].includes(lower)) return true
  if (['false', '0', 'no', 'off'].includes(lower)) return false
  return fail(400, `${name} must be true or false`)
}

/** @param {string | undefined} memo */
function checkMemo(memo) {
  if (!memo) fail(400, 'Empty memo')
  // The Console is Python: its len() counts code points (an emoji is one), not UTF-16 units.
  if ([...memo].length > MAX_MEMO) fail(400, `Memo too long: at most ${MAX_MEMO} characters`)
  return memo
}

/** @param {Caller} caller */
const isFlockKey = (caller) => caller.scope === 'flock'

/**
 * @param {RequestContext} ctx
 * @param {string} flockId
 */
function assertFlockAccess(ctx, flockId) {
  if (isFlockKey(ctx.caller) && !(ctx.caller.key.managed_flocks ?? []).includes(flockId)) {
    fail(403, 'This Flock API key may only act on its own flock.')
  }
}

/**
 * The named token, checked against the caller's flocks.
 * @param {ConsoleState} state
 * @param {RequestContext} ctx
 */
function tokenFor(state, ctx) {
  const token = state.tokens.get(ctx.params.canarytoken ?? '')
  if (!token) return fail(400, 'Could not find the Canarytoken')
  assertFlockAccess(ctx, token.flock_id)
  return token
}

/**
 * Flocks a listing covers: the one asked for, else all the caller may see.
 * @param {ConsoleState} state
 * @param {RequestContext} ctx
 * @param {string | undefined} flockId
 * @returns {Set<string> | undefined} undefined: every flock
 */
function listingFlocks(state, ctx, flockId) {
  if (flockId) {
    if (!state.flocks.has(flockId)) fail(400, 'Flock does not exist.')
    assertFlockAccess(ctx, flockId)
    return new Set([flockId])
  }
  return isFlockKey(ctx.caller) ? new Set(ctx.caller.key.managed_flocks ?? []) : undefined
}

// ---------------------------------------------------------------- cursors

/**
 * @typedef {object} CursorState
 * @property {'paginate' | 'search'} e endpoint the cursor belongs to
 * @property {'after' | 'before'} d
 * @property {[string, string]} k sort key (created, canarytoken) of the page boundary
 * @property {number} l page size
 * @property {Record<string, string>} q the query (filters) the listing was made with
 */

/**
 * Strict mode's cursors: `<page>:<offset>:<limit>` in base64, offsets as the
 * reference's example cursors look (`MToxMjozOjQ6Mjo0` is `1:12:3:4:2:4`).
 * They hold no filters: a client must send them with every page.
 * @param {number} offset
 * @param {number} limit
 */
const encodeOffsetCursor = (offset, limit) => Buffer.from(`${Math.floor(offset / limit) + 1}:${offset}:${limit}`, 'utf8').toString('base64')

/** @param {string} text @returns {{ offset: number, limit: number }} */
function decodeOffsetCursor(text) {
  const match = /^(\d+):(\d+):(\d+)$/.exec(Buffer.from(text, 'base64').toString('utf8'))
  if (!match || Number(match[3]) < 1) return fail(400, 'Invalid cursor')
  return { offset: Number(match[2]), limit: Number(match[3]) }
}

/**
 * One page by offset (strict mode). Tokens deleted since the last page shift
 * the rest forward, so a client that deletes while walking skips tokens.
 * @param {Array<Record<string, any>>} list
 * @param {RequestContext} ctx
 * @param {number} limit
 * @param {string | undefined} cursorText
 */
function offsetPage(list, ctx, limit, cursorText) {
  const cursor = cursorText ? decodeOffsetCursor(cursorText) : { offset: 0, limit }
  const start = Math.min(cursor.offset, list.length)
  const end = Math.min(start + cursor.limit, list.length)
  const next = end < list.length ? encodeOffsetCursor(end, cursor.limit) : null
  const prev = start > 0 ? encodeOffsetCursor(Math.max(0, start - cursor.limit), cursor.limit) : null
  /** @param {string | null} value */
  const link = (value) => (value ? `${ctx.baseUrl}${ctx.path}?cursor=${encodeURIComponent(value)}&auth_token=${encodeURIComponent(ctx.authToken)}` : null)
  return {
    items: list.slice(start, end),
    cursor: { next, next_link: link(next), prev, prev_link: link(prev) },
    pageNumber: Math.floor(start / cursor.limit) + 1,
    pageTotal: Math.max(1, Math.ceil(list.length / cursor.limit))
  }
}

/** @param {CursorState} cursor */
const encodeCursor = (cursor) => Buffer.from(JSON.stringify({ v: 1, ...cursor }), 'utf8').toString('base64url')

/**
 * @param {string} text
 * @param {'paginate' | 'search'} endpoint
 * @returns {CursorState}
 */
function decodeCursor(text, endpoint) {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    const valid =
      value?.v === 1 &&
      value.e === endpoint &&
      (value.d === 'after' || value.d === 'before') &&
      Array.isArray(value.k) &&
      value.k.length === 2 &&
      Number.isInteger(value.l) &&
      value.l > 0 &&
      typeof value.q === 'object'
    if (valid) return value
  } catch {
    // reported below
  }
  return fail(400, 'Invalid cursor')
}

/** @param {string | undefined} text */
function parseLimit(text) {
  if (text === undefined || text === '') return 10
  if (!/^\d+$/.test(text) || Number(text) < 1) fail(400, 'limit must be a positive whole number')
  return Number(text)
}

/**
 * First index whose token sorts after (or, `inclusive`, at or after) the key.
 * @param {Array<Record<string, any>>} list sorted by tokenOrder
 * @param {[string, string]} key
 * @param {boolean} inclusive
 */
function boundary(list, key, inclusive) {
  const probe = { created: key[0], canarytoken: key[1] }
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >> 1
    const order = tokenOrder(/** @type {any} */ (list[mid]), probe)
    if (order > 0 || (inclusive && order === 0)) high = mid
    else low = mid + 1
  }
  return low
}

/**
 * One page of a sorted, filtered list, with keyset cursors (stable while
 * tokens are added or deleted between pages).
 * @param {Array<Record<string, any>>} list
 * @param {RequestContext} ctx
 * @param {'paginate' | 'search'} endpoint
 * @param {number} limit
 * @param {Record<string, string>} query
 * @param {CursorState | undefined} cursor
 */
function page(list, ctx, endpoint, limit, query, cursor) {
  let start = 0
  let end = Math.min(limit, list.length)
  if (cursor?.d === 'after') {
    start = boundary(list, cursor.k, false)
    end = Math.min(start + limit, list.length)
  } else if (cursor?.d === 'before') {
    end = boundary(list, cursor.k, true)
    start = Math.max(0, end - limit)
  }
  const items = list.slice(start, end)
  const first = items[0]
  const last = items.at(-1)
  const next = last && end < list.length ? encodeCursor({ e: endpoint, d: 'after', k: [last.created, last.canarytoken], l: limit, q: query }) : null
  const prev = first && start > 0 ? encodeCursor({ e: endpoint, d: 'before', k: [first.created, first.canarytoken], l: limit, q: query }) : null
  // As the real Console does, the links carry the caller's auth token: clients should follow `next`, not `next_link`.
  /** @param {string | null} value */
  const link = (value) => (value ? `${ctx.baseUrl}${ctx.path}?auth_token=${encodeURIComponent(ctx.authToken)}&cursor=${encodeURIComponent(value)}` : null)
  return {
    items,
    cursor: { next, next_link: link(next), prev, prev_link: link(prev) },
    pageNumber: Math.floor(start / limit) + 1,
    pageTotal: Math.max(1, Math.ceil(list.length / limit))
  }
}

// ---------------------------------------------------------------- canarytoken handlers

/** Parameters of create that are not stored on the token as they are. */
const NOT_STORED = new Set([
  'auth_token',
  'kind',
  'memo',
  'flock_id',
  'aws_access_key',
  'aws_secret_key',
  'aws_session_token',
  'aws_id_username',
  'browser_scanner_enabled',
  'web_image',
  'exe',
  'doc',
  'pdf',
  // fields the Console sets itself
  'canarytoken',
  'hostname',
  'url',
  'key',
  'enabled',
  'created',
  'created_printable',
  'triggered_count',
  'updated_id',
  'renders',
  'access_key_id',
  'secret_access_key',
  'username',
  'node_id'
])

/** Parameters some kinds cannot do without. */
const KIND_PARAMS = /** @type {Record<string, string[]>} */ ({
  'active-directory-login': ['tokened_usernames'],
  'aws-s3': ['s3_source_bucket', 's3_log_bucket'],
  'azure-entra-login': ['expected_referrer'],
  'azure-id': ['azure_id_cert_file_name'],
  'cloned-web': ['cloned_web'],
  'cloned-css': ['expected_referrer'],
  'idp-app': ['idp_app_type'],
  'sensitive-cmd': ['process_name'],
  'fast-redirect': ['browser_redirect_url'],
  'slow-redirect': ['browser_redirect_url']
})
/** MIME types an upload part may carry (strict mode refuses a part without one). */
const UPLOAD_TYPES = /** @type {Record<string, RegExp>} */ ({
  web_image: /^image\/(png|jpeg|gif)$/,
  pdf: /^application\/pdf$/,
  doc: /^application\/(vnd\.openxmlformats-officedocument\.wordprocessingml\.document|msword)$/,
  exe: /^application\/(octet-stream|x-msdownload|vnd\.microsoft\.portable-executable|x-dosexec)$/
})
/** Files some kinds cannot do without. */
const KIND_FILES = /** @type {Record<string, string>} */ ({ 'web-image': 'web_image', 'signed-exe': 'exe' })

/** @type {Route['handler']} */
function createToken(state, ctx) {
  const p = ctx.params
  const memo = checkMemo(p.memo)
  const kind = p.kind ?? ''
  if (!Object.hasOwn(KIND_NAMES, kind)) fail(400, 'Supplied kind is not valid.')
  // actions.md: flock_id "defaults to the Default Flock or flock id of auth_token if using Canarytoken Deploy Flock
  // API key type": any other Flock key without it makes the token in the Default Flock, which it may not manage.
  const flockId = p.flock_id || (ctx.caller.key.auth_token_type === 'canarytoken-deploy' ? (ctx.caller.key.managed_flocks?.[0] ?? DEFAULT_FLOCK) : DEFAULT_FLOCK)
  if (!state.flocks.has(flockId)) fail(400, 'Flock does not exist.')
  assertFlockAccess(ctx, flockId)

  if (ctx.options.strict && LEGACY_KINDS.has(kind)) fail(400, 'Supplied kind is not valid.')
  for (const param of KIND_PARAMS[kind] ?? []) if (!p[param]) fail(400, `'${param}' is required for ${kind} Canarytokens`)
  if (ctx.options.strict) {
    for (const [part, upload] of Object.entries(ctx.uploads)) {
      if (!upload.contentType) fail(400, `Could not process the parameters: '${part}' was sent without a MIME type`)
      const allowed = UPLOAD_TYPES[part]
      if (allowed && !allowed.test(upload.contentType.split(';')[0]?.trim() ?? '')) fail(400, `Could not process the parameters: '${part}' may not be ${upload.contentType}`)
    }
  }
  const file = KIND_FILES[kind]
  if (file && !ctx.uploads[file]) fail(400, `'${file}' is required for ${kind} Canarytokens: send the file as multipart/form-data`)
  if (kind === 'aws-s3') {
    const automation = ['aws_access_key', 'aws_secret_key', 'aws_region']
    const missing = automation.filter((name) => !p[name])
    if (missing.length > 0 && missing.length < automation.length) fail(400, `Automated aws-s3 creation needs ${missing.join(', ')}`)
  }

  /** @type {Record<string, any>} */
  const partial = { kind, memo, flock_id: flockId }
  for (const [name, value] of Object.entries(p)) if (!NOT_STORED.has(name)) partial[name] = value
  if (kind === 'http') partial.browser_scanner_enabled = parseBoolean(p.browser_scanner_enabled, 'browser_scanner_enabled') ?? true
  if (kind === 'aws-id' && p.aws_id_username) partial.username = p.aws_id_username

  const token = state.createToken(partial)
  if (Object.keys(ctx.uploads).length > 0) state.uploads.set(token.canarytoken, ctx.uploads)
  return success({ canarytoken: token })
}

/** @type {Route['handler']} */
const fetchToken = (state, ctx) => success({ token: tokenFor(state, ctx) })

/** @type {Route['handler']} */
function updateToken(state, ctx) {
  const token = tokenFor(state, ctx)
  token.memo = checkMemo(ctx.params.memo)
  token.updated_id += 1
  return success({ token })
}

/** @param {boolean} enabled @returns {Route['handler']} */
const setEnabled = (enabled) => (state, ctx) => {
  const token = tokenFor(state, ctx)
  token.enabled = enabled
  token.updated_id += 1
  return success()
}

/** @type {Route['handler']} */
function deleteToken(state, ctx) {
  const token = tokenFor(state, ctx)
  const clear = parseBoolean(ctx.params.clear_incidents, 'clear_incidents') ?? false
  // "You'll need to delete all incidents on a token before you can delete the token itself" (the reference);
  // the message is the one Thinkst's client knows for a refused delete.
  if (!clear && state.incidents.ofToken(token.canarytoken).length > 0) fail(400, 'Could not delete Canarydrop')
  state.deleteToken(token.canarytoken)
  return success()
}

/** @type {Route['handler']} */
function downloadToken(state, ctx) {
  const token = tokenFor(state, ctx)
  const file = fileForToken(token, state.uploads.get(token.canarytoken))
  if (!file) return fail(400, 'File generation not supported.')
  const filename = ctx.options.downloadFilenameOverride ?? file.filename
  return { status: 200, headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename=${filename}` }, body: file.body }
}

// The reference lists aws_access_key twice for remove/s3; both entries are read as the one parameter (sent once or repeated).
/** @type {Route['handler']} */
function removeS3(state, ctx) {
  const token = tokenFor(state, ctx)
  if (token.kind !== 'aws-s3') fail(400, 'The Canarytoken is not an AWS S3 Canarytoken')
  const deleteBuckets = parseBoolean(ctx.params.delete_buckets, 'delete_buckets') ?? false
  if (deleteBuckets && !ctx.params.s3_source_bucket) fail(400, "'s3_source_bucket' is required when delete_buckets is true")
  state.deleteToken(token.canarytoken)
  return success()
}

/** @type {Route['handler']} */
function deleteApeeperFactory(state, ctx) {
  if (!state.factories.delete(ctx.params.hash ?? '')) fail(400, 'Could not find the Apeeper factory')
  return success()
}

// ---------------------------------------------------------------- canarytokens (listings)

/**
 * @param {ConsoleState} state
 * @param {Set<string> | undefined} flocks
 */
const inFlocks = (state, flocks) => (flocks ? state.sortedTokens().filter((t) => flocks.has(t.flock_id)) : state.sortedTokens())

/** @type {Route['handler']} */
const fetchAll = (state, ctx) => success({ tokens: inFlocks(state, listingFlocks(state, ctx, ctx.params.flock_id)).map((token) => state.listed(token)) })

/** @type {Route['handler']} */
function paginate(state, ctx) {
  if (ctx.options.strict) {
    const list = inFlocks(state, listingFlocks(state, ctx, ctx.params.flock_id))
    const result = offsetPage(list, ctx, parseLimit(ctx.params.limit), ctx.params.cursor)
    return success({ canarytokens: result.items.map((token) => state.listed(token)), cursor: result.cursor, page_num: result.pageNumber, page_total: result.pageTotal })
  }
  const cursor = ctx.params.cursor ? decodeCursor(ctx.params.cursor, 'paginate') : undefined
  // A cursor carries its query; parameters sent next to it are not read.
  const query = cursor?.q ?? (ctx.params.flock_id ? { flock_id: ctx.params.flock_id } : {})
  const limit = cursor?.l ?? parseLimit(ctx.params.limit)
  const list = inFlocks(state, listingFlocks(state, ctx, query.flock_id))
  const result = page(list, ctx, 'paginate', limit, query, cursor)
  return success({ canarytokens: result.items.map((token) => state.listed(token)), cursor: result.cursor, page_num: result.pageNumber, page_total: result.pageTotal })
}

/** Lower-case words of a text (letters and digits). @param {string} text */
const words = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)

/**
 * A token's memo words, kept until its memo changes: search reads every
 * token on every page, and splitting 10,000 memos per page made the
 * emulator, not the client, the slow side of the benchmarks.
 * @type {WeakMap<object, { memo: string, words: string[] }>}
 */
const memoWordsCache = new WeakMap()

/** @param {Record<string, any>} token */
function memoWordsOf(token) {
  const memo = String(token.memo ?? '')
  const cached = memoWordsCache.get(token)
  if (cached && cached.memo === memo) return cached.words
  const split = words(memo)
  memoWordsCache.set(token, { memo, words: split })
  return split
}

/** @type {Route['handler']} */
function search(state, ctx) {
  const strict = ctx.options.strict === true
  const cursor = ctx.params.cursor && !strict ? decodeCursor(ctx.params.cursor, 'search') : undefined
  /** @type {Record<string, string>} */
  const query = cursor?.q ?? {}
  if (!cursor) {
    for (const name of ['flock_id', 'search_string', 'kind', 'active']) {
      const value = ctx.params[name]
      if (value) query[name] = value
    }
  }
  const limit = cursor?.l ?? parseLimit(ctx.params.limit)
  // The reference writes `active` as True/False; strict mode ignores any other spelling, as a Console comparing with 'True' would.
  const active = strict ? { True: true, False: false }[query.active ?? ''] : parseBoolean(query.active, 'active')
  if (query.kind && !Object.hasOwn(KIND_NAMES, query.kind)) fail(400, 'Supplied kind is not valid.')
  const terms = words(query.search_string ?? '')
  const list = inFlocks(state, listingFlocks(state, ctx, query.flock_id)).filter((token) => {
    if (query.kind && token.kind !== query.kind) return false
    if (active !== undefined && token.enabled !== active) return false
    if (terms.length === 0) return true
    const memoWords = memoWordsOf(token)
    const id = String(token.canarytoken).toLowerCase()
    return terms.every((term) => id.startsWith(term) || memoWords.some((word) => word.startsWith(term)))
  })
  const result = strict ? offsetPage(list, ctx, limit, ctx.params.cursor) : page(list, ctx, 'search', limit, query, cursor)
  return success({
    canarytokens: result.items.map((token) => ({
      ...state.listed(token),
      unacked_alert_count: state.incidents.ofToken(token.canarytoken).filter((incident) => !incident.acknowledged).length
    })),
    cursor: result.cursor,
    page_number: result.pageNumber,
    total_pages: result.pageTotal,
    total_results: list.length
  })
}

/** @type {Route['handler']} */
const listKinds = () => success({ canarytokens: { ...KIND_NAMES } })

// ---------------------------------------------------------------- Global API keys and settings

/** @type {Route['handler']} */
function addGlobalKey(state, ctx) {
  const type = (ctx.params.auth_token_type ?? '').toLowerCase()
  if (!GLOBAL_KEY_TYPES.includes(type)) fail(400, `auth_token_type must be one of ${GLOBAL_KEY_TYPES.join(', ')}`)
  if (!ctx.params.note) fail(400, "'note' must not be empty")
  const key = state.addGlobalKey({ type, note: ctx.params.note ?? '', createdBy: `Global-API-Token[key_id:${ctx.caller.key.key_id}]` })
  return success({ global_api_key: key })
}

/** @type {Route['handler']} */
const listGlobalKeys = (state) => success({ global_api_keys: [...state.globalKeys.values()] })

/**
 * @param {ConsoleState} state
 * @param {string | undefined} keyId
 */
function globalKeyById(state, keyId) {
  const key = [...state.globalKeys.values()].find((k) => k.key_id === keyId)
  return key ?? fail(400, 'Could not find a Global API key with that key_id')
}

/** @type {Route['handler']} */
function removeGlobalKey(state, ctx) {
  state.globalKeys.delete(globalKeyById(state, ctx.params.key_id).auth_token)
  return success()
}

/** @type {Route['handler']} */
function downloadKeyConfig(state, ctx) {
  const key = globalKeyById(state, ctx.params.key_id)
  const body = Buffer.from(`[CanaryTools]\napi_key = ${key.auth_token}\nconsole_hash = ${ctx.options.domainHash}\n`, 'utf8')
  return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename=canarytools.config' }, body }
}

/** @param {boolean} enabled @returns {Route['handler']} */
const setApi = (enabled) => (state) => {
  state.apiEnabled = enabled
  return success()
}

// ---------------------------------------------------------------- flocks and Flock API keys

/** @type {Route['handler']} */
function addFlockKey(state, ctx) {
  const type = (ctx.params.auth_token_type || 'admin').toLowerCase()
  if (!FLOCK_KEY_TYPES.includes(type)) fail(400, `auth_token_type must be one of ${FLOCK_KEY_TYPES.join(', ')}`)
  if (!ctx.params.note) fail(400, "'note' must not be empty")
  const key = state.addFlockKey({
    flockId: ctx.params.flock_id ?? '',
    type,
    note: ctx.params.note ?? '',
    createdBy: `Global-API-Token[key_id:${ctx.caller.key.key_id}]`
  })
  return success({ flock_api_key: key })
}

/** @type {Route['handler']} */
function listFlockKeys(state, ctx) {
  const flockId = ctx.params.flock_id ?? ''
  if (!state.flocks.has(flockId)) fail(400, 'Flock does not exist.')
  return success({ flock_api_keys: [...state.flockKeys.values()].filter((k) => k.managed_flocks?.includes(flockId)) })
}

// The reference shows this POST with curl -G (query string); both the query string and a form body are read.
/** @type {Route['handler']} */
function removeFlockKey(state, ctx) {
  if (!state.flockKeys.delete(ctx.params.remove_auth_token ?? '')) fail(400, 'Could not find the Flock API key')
  return success()
}

/** @type {Route['handler']} */
function listFlocks(state, ctx) {
  const visible = isFlockKey(ctx.caller) ? new Set(ctx.caller.key.managed_flocks ?? []) : undefined
  const flocks = Object.fromEntries([...state.flocks].filter(([id]) => !visible || visible.has(id)))
  return success({ flocks })
}

/** @type {Route['handler']} */
function createFlock(state, ctx) {
  if (!ctx.params.name) fail(400, "'name' must not be empty")
  return success({ flock_id: state.addFlock(ctx.params.name ?? '') })
}

// ---------------------------------------------------------------- incidents and ping

/**
 * An incidents.mjs handler as a route handler.
 * @param {(ctx: import('./incidents.mjs').IncidentContext) => Record<string, unknown>} handler
 * @returns {Route['handler']}
 */
const incidents = (handler) => (state, ctx) =>
  json(
    handler({
      store: state.incidents,
      flocks: state.flocks,
      visibleFlocks: (flockId) => listingFlocks(state, ctx, flockId),
      assertFlock: (flockId) => assertFlockAccess(ctx, flockId),
      params: ctx.params,
      path: ctx.path,
      baseUrl: ctx.baseUrl,
      authToken: ctx.authToken,
      strict: ctx.options.strict === true
    })
  )

/** @type {Route['handler']} */
const ping = () => success()

// ---------------------------------------------------------------- the table

/**
 * @param {Route['method']} method
 * @param {string} path
 * @param {string[]} required
 * @param {Route['access']} access
 * @param {Route['handler']} handler
 * @returns {Route}
 */
const route = (method, path, required, access, handler) => ({ method, path, required, access, handler })

/** @type {Route[]} */
export const ROUTES = [
  route('POST', '/api/v1/canarytoken/create', ['memo', 'kind'], 'any', createToken),
  route('GET', '/api/v1/canarytoken/fetch', ['canarytoken'], 'any', fetchToken),
  route('POST', '/api/v1/canarytoken/update', ['canarytoken', 'memo'], 'any', updateToken),
  route('POST', '/api/v1/canarytoken/enable', ['canarytoken'], 'any', setEnabled(true)),
  route('POST', '/api/v1/canarytoken/disable', ['canarytoken'], 'any', setEnabled(false)),
  route('POST', '/api/v1/canarytoken/delete', ['canarytoken'], 'any', deleteToken),
  route('GET', '/api/v1/canarytoken/download', ['canarytoken'], 'any', downloadToken),
  route('POST', '/api/v1/canarytoken/remove/s3', ['canarytoken', 'aws_access_key', 'aws_secret_key', 'aws_region'], 'any', removeS3),
  route('POST', '/api/v1/apeeperfactory/delete', ['hash'], 'global', deleteApeeperFactory),

  route('GET', '/api/v1/canarytokens/fetch', [], 'any', fetchAll),
  route('GET', '/api/v1/canarytokens/paginate', [], 'any', paginate),
  route('GET', '/api/v1/canarytokens/search', [], 'any', search),
  route('GET', '/api/v1/canarytokens/list', [], 'any', listKinds),

  route('POST', '/api/v1/auth_token/add', ['auth_token_type', 'note'], 'global', addGlobalKey),
  route('GET', '/api/v1/auth_token/list', [], 'global', listGlobalKeys),
  // The reference sends this DELETE's key_id as a form body (curl -d); a query string is read too.
  route('DELETE', '/api/v1/auth_token/remove', ['key_id'], 'global', removeGlobalKey),
  route('GET', '/api/v1/auth_token/download', ['key_id'], 'global', downloadKeyConfig),
  // Deprecated aliases the reference still lists.
  route('POST', '/api/v1/token/add', ['auth_token_type', 'note'], 'global', addGlobalKey),
  route('DELETE', '/api/v1/token/remove', ['key_id'], 'global', removeGlobalKey),
  route('GET', '/api/v1/token/download', ['key_id'], 'global', downloadKeyConfig),
  route('POST', '/api/v1/settings/api/disable', [], 'global', setApi(false)),
  route('POST', '/api/v1/settings/api/enable', [], 'global', setApi(true)),

  route('POST', '/api/v1/flock/auth_token/add', ['flock_id', 'note'], 'global', addFlockKey),
  route('GET', '/api/v1/flock/auth_token/list', ['flock_id'], 'global', listFlockKeys),
  route('POST', '/api/v1/flock/auth_token/remove', ['remove_auth_token'], 'global', removeFlockKey),
  route('GET', '/api/v1/flocks/list', [], 'any', listFlocks),
  route('GET', '/api/v1/ping', [], 'any', ping),

  route('GET', '/api/v1/incidents/all', [], 'any', incidents(feedHandler('all'))),
  route('GET', '/api/v1/incidents/acknowledged', [], 'any', incidents(feedHandler('acknowledged'))),
  route('GET', '/api/v1/incidents/unacknowledged', [], 'any', incidents(feedHandler('unacknowledged'))),
  route('GET', '/api/v1/incidents/search', [], 'any', incidents(searchIncidents)),
  route('GET', '/api/v1/incident/fetch', [], 'any', incidents(fetchIncident)),
  route('POST', '/api/v1/incident/acknowledge', ['incident'], 'any', incidents(setAcknowledged(true))),
  route('POST', '/api/v1/incident/unacknowledge', ['incident'], 'any', incidents(setAcknowledged(false))),
  route('DELETE', '/api/v1/incident/delete', ['incident'], 'any', incidents(deleteIncident)),
  route('POST', '/api/v1/incidents/acknowledge', [], 'any', incidents(bulkAcknowledge(true))),
  route('POST', '/api/v1/incidents/unacknowledge', [], 'any', incidents(bulkAcknowledge(false))),
  route('DELETE', '/api/v1/incidents/delete', [], 'any', incidents(bulkDelete)),
  // canarytools-python sends this one as POST (its incidents.delete); the reference says DELETE. Both are taken.
  route('POST', '/api/v1/incidents/delete', [], 'any', incidents(bulkDelete)),
  route('POST', '/api/v1/flock/create', ['name'], 'global', createFlock)
]

/** @type {Map<string, Route[]>} path -> routes (one per method) */
export const ROUTES_BY_PATH = new Map()
for (const r of ROUTES) ROUTES_BY_PATH.set(r.path, [...(ROUTES_BY_PATH.get(r.path) ?? []), r])
