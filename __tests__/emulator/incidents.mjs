// The Console emulator's incidents, written from Thinkst's reference
// (canarytools-docs docs/incidents/queries.md, actions.md, incident-objects.md)
// and what Thinkst's clients send (canarytools-python, canary-utils'
// canary_api2csv.py and alert_management.py). No HTTP here: the model the
// state keeps, how an incident is shown, the feed filters and cursors, and
// the endpoint handlers routes.mjs lists.
import { ApiError, randomHex } from './state.mjs'

/**
 * One stored incident. The answer shapes are built from it by `present`.
 * @typedef {object} StoredIncident
 * @property {string} id the incident key (`incident:<type>:<hex>:<epoch>`)
 * @property {string} hash_id
 * @property {'token' | 'device'} source
 * @property {string} node_id the Canarytoken's or Canary's node_id
 * @property {string} [canarytoken] token incidents only
 * @property {string} flock_id
 * @property {string} logtype
 * @property {string} summary `Canarytoken triggered`, `SSH Login Attempt`, ...
 * @property {string} name `N/A` for tokens, the Canary's name for devices
 * @property {string} [memo] token incidents only
 * @property {string} src_host
 * @property {string} src_port
 * @property {string} dst_host
 * @property {string} dst_port
 * @property {string} [src_host_reverse] device incidents only
 * @property {boolean} acknowledged
 * @property {number} createdMs
 * @property {number} updatedMs
 * @property {number} updated_id Console-wide counter, raised by every change
 * @property {Array<Record<string, any>>} events
 */

/** Token logtypes by kind (incident-objects.md: HTTP 17000-17029, DNS 16000-16012). */
export const TOKEN_LOGTYPES = Object.freeze({
  http: '17000',
  'web-image': '17001',
  'cloned-web': '17003',
  'doc-msword': '17004',
  'aws-s3': '17005',
  'signed-exe': '17008',
  'qr-code': '17009',
  'aws-id': '17012',
  'fast-redirect': '17016',
  'slow-redirect': '17017',
  'slack-api': '17020',
  wireguard: '17022',
  'doc-msexcel': '17023',
  'azure-id': '17024',
  'cloned-css': '17025',
  'azure-entra-login': '17026',
  'credit-card': '17027',
  pwa: '17028',
  'mysql-dump': '17029',
  dns: '16000',
  'windows-dir': '16006',
  'pdf-acrobat-reader': '16008',
  'msword-macro': '16009',
  'msexcel-macro': '16010',
  'sensitive-cmd': '16011',
  'active-directory-login': '16012',
  // Kinds the reference gives no logtype: the DNS-based old kinds as DNS, the rest as the HTTP family's base.
  sql: '16000',
  svn: '16000',
  apeeper: '17000',
  'idp-app': '17000'
})

/** Canary (device) incidents: logtype -> summary, from incident-objects.md. */
export const DEVICE_LOGTYPES = Object.freeze({
  '1004': 'Canary Disconnected',
  '3001': 'HTTP Login Attempt',
  '4002': 'SSH Login Attempt',
  '5000': 'Shared File Opened',
  '6001': 'Telnet Login Attempt',
  '18001': 'ModBus Request',
  '21001': 'Redis Command',
  '23001': 'Console Settings Changed'
})

/** Where a token's alert arrives: DNS kinds have no headers (the reference's DNS event dict). */
const isDnsKind = (/** @type {string} */ kind) => (TOKEN_LOGTYPES[/** @type {keyof typeof TOKEN_LOGTYPES} */ (kind)] ?? '17000').startsWith('16')

// ---------------------------------------------------------------- time formats

/** @param {number} n */
const two = (n) => String(n).padStart(2, '0')

/** Wall-clock parts of `ms` in a time zone (IANA/pytz name), and its offset in minutes. */
function zoned(/** @type {number} */ ms, /** @type {string} */ tz) {
  if (tz === 'UTC') {
    const d = new Date(ms)
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), offset: 0, name: 'UTC' }
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', timeZoneName: 'short' })
      .formatToParts(ms)
      .map((part) => [part.type, part.value])
  )
  const wall = { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute), s: Number(parts.second) }
  const offset = Math.round((Date.UTC(wall.y, wall.mo - 1, wall.d, wall.h, wall.mi, wall.s) - Math.floor(ms / 1000) * 1000) / 60000)
  return { ...wall, offset, name: String(parts.timeZoneName ?? tz) }
}

/** `_std` fields: `2020-04-07 08:53:43 UTC+0000` (`%Y-%m-%d %H:%M:%S %Z%z`). */
export function stdTime(/** @type {number} */ ms, tz = 'UTC') {
  const z = zoned(ms, tz)
  const sign = z.offset < 0 ? '-' : '+'
  const abs = Math.abs(z.offset)
  return `${z.y}-${two(z.mo)}-${two(z.d)} ${two(z.h)}:${two(z.mi)}:${two(z.s)} ${z.name}${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`
}

/** `local_time`: `2020-04-07 08:53:43 (UTC)` for tokens, `2020-04-08 09:39:01` for Canaries. */
function localTime(/** @type {number} */ ms, /** @type {boolean} */ token) {
  const z = zoned(ms, 'UTC')
  return `${z.y}-${two(z.mo)}-${two(z.d)} ${two(z.h)}:${two(z.mi)}:${two(z.s)}${token ? ' (UTC)' : ''}`
}

const seconds = (/** @type {number} */ ms) => Math.floor(ms / 1000)

/** A tz parameter as pytz would take it; unknown names are refused. @param {string | undefined} tz */
export function checkTz(tz) {
  if (tz === undefined || tz === '' || tz === 'UTC') return 'UTC'
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return tz
  } catch {
    throw new ApiError(400, 'Invalid timezone')
  }
}

/**
 * `newer_than`/`older_than` of the feeds: `yyyy-mm-dd-hh:mm:ss`, read as UTC.
 * @param {string | undefined} text
 * @param {string} name
 */
function feedTimestamp(text, name) {
  if (text === undefined || text === '') return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})-(\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!m) throw new ApiError(400, `Parameter ${name} was invalid.`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
}

/** The bulk actions' `older_than`: a period `[quantity][unit]`, unit h, d or w. @param {string} text @returns {number} ms */
function period(text) {
  const m = /^(\d+)([hdw])$/.exec(text)
  if (!m) throw new ApiError(400, 'Parameter older_than was invalid.')
  return Number(m[1]) * { h: 3600_000, d: 86_400_000, w: 604_800_000 }[/** @type {'h' | 'd' | 'w'} */ (m[2])]
}

// ---------------------------------------------------------------- events

/**
 * Options of a token alert (the test hooks addIncident and addEvent).
 * @typedef {object} TokenEventOptions
 * @property {string} [src_host] the address that triggered the token
 * @property {string} [event_name] e.g. the AWS API call an aws-id token saw (default GetCallerIdentity for aws-id, '' otherwise)
 * @property {string} [user_agent] goes into headers['User-Agent'], the only place the reference shows a token
 *   event's user agent (default: an aws-cli agent for aws-id, a browser's otherwise)
 * @property {Record<string, string>} [headers] the request's headers (HTTP-family kinds): replace the defaults
 *   (Accept, Accept-Encoding, Connection, as in the reference's aws-id example); User-Agent is then added only
 *   when user_agent is given. DNS-family events have no headers (the reference's DNS event dict)
 * @property {number} [time] epoch ms (default: the emulator's clock)
 * @property {Record<string, unknown>} [fields] kind-specific event fields (geoip, additional_info, generic_data, cmd_user_name, ...)
 * @property {boolean} [acknowledged] addIncident only
 */

/** @param {Record<string, any>} token @param {TokenEventOptions} options @param {number} ms @param {string} srcHost */
export function tokenEvent(token, options, ms, srcHost) {
  const kind = String(token.kind)
  /** @type {Record<string, any>} */
  const event = { canarytoken: token.canarytoken, src_host: srcHost, timestamp: seconds(ms), timestamp_std: stdTime(ms), type: kind }
  if (isDnsKind(kind)) {
    Object.assign(event, { dst_port: 53, hostname: token.hostname })
  } else {
    const aws = kind === 'aws-id'
    const userAgent = options.user_agent ?? (aws ? 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off command/sts.get-caller-identity' : 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')
    const headers = options.headers ?? { Accept: '*/*', 'Accept-Encoding': 'gzip, deflate', Connection: 'close' }
    Object.assign(event, {
      dst_port: 80,
      event_name: options.event_name ?? (aws ? 'GetCallerIdentity' : ''),
      headers: options.user_agent !== undefined || !options.headers ? { ...headers, 'User-Agent': userAgent } : { ...headers }
    })
    // The reference's aws-id example has neither kind nor url; the HTTP event dict has both.
    if (!aws) Object.assign(event, { kind, url: token.url })
  }
  if (options.event_name !== undefined && isDnsKind(kind)) event.event_name = options.event_name
  return { ...event, ...(options.fields ?? {}) }
}

// ---------------------------------------------------------------- how an incident is shown

/**
 * @typedef {object} ShowOptions
 * @property {number} [eventLimit]
 * @property {boolean} [shrink] drop duplicated events (default true)
 * @property {string} [tz]
 */

/** @param {StoredIncident} incident @param {ShowOptions} options */
function shownEvents(incident, options) {
  let events = incident.events
  if (options.shrink !== false) {
    const seen = new Set()
    events = events.filter((event) => {
      const text = JSON.stringify(event)
      if (seen.has(text)) return false
      seen.add(text)
      return true
    })
  }
  if (options.eventLimit !== undefined) events = events.slice(0, options.eventLimit)
  return events.map((event) => structuredClone(event))
}

/**
 * The incident's `description` object (also the flat incident of fetch, with `id`).
 * @param {StoredIncident} incident
 * @param {string} flockName
 * @param {ShowOptions} options
 */
function descriptionOf(incident, flockName, options) {
  const token = incident.source === 'token'
  /** @type {Record<string, any>} */
  const d = {
    acknowledged: incident.acknowledged ? 'True' : 'False',
    created: String(seconds(incident.createdMs)),
    created_std: stdTime(incident.createdMs, options.tz),
    description: incident.summary,
    dst_host: incident.dst_host,
    dst_port: incident.dst_port,
    events: shownEvents(incident, options),
    events_count: String(incident.events.length),
    local_time: localTime(incident.createdMs, token),
    logtype: incident.logtype,
    name: incident.name,
    node_id: incident.node_id,
    notified: 'False',
    src_host: incident.src_host,
    src_port: incident.src_port,
    flock_id: incident.flock_id,
    flock_name: flockName
  }
  if (token) d.memo = incident.memo ?? ''
  else Object.assign(d, { ip_address: '', ippers: '', mac_address: '', src_host_reverse: incident.src_host_reverse ?? '' })
  return d
}

/**
 * An incident as the feeds show it.
 * @param {StoredIncident} incident
 * @param {string} flockName
 * @param {ShowOptions} [options]
 */
export function present(incident, flockName, options = {}) {
  return {
    description: descriptionOf(incident, flockName, options),
    hash_id: incident.hash_id,
    id: incident.id,
    summary: incident.summary,
    updated: new Date(incident.updatedMs).toUTCString(),
    updated_id: incident.updated_id,
    updated_std: stdTime(incident.updatedMs, options.tz),
    updated_time: String(seconds(incident.updatedMs))
  }
}

/** An incident as fetch shows it: flat, with its key as `id`. @param {StoredIncident} incident @param {string} flockName @param {ShowOptions} options */
export const presentFlat = (incident, flockName, options) => ({ ...descriptionOf(incident, flockName, options), id: incident.id, hash_id: incident.hash_id })

// ---------------------------------------------------------------- the store

export class IncidentStore {
  constructor(/** @type {() => number} */ now) {
    this.now = now
    /** @type {Map<string, StoredIncident>} key -> incident, in creation order */
    this.byKey = new Map()
    /** The Console-wide change counter behind `updated_id`. */
    this.counter = 0
    /** @type {{ version: string, list: StoredIncident[] } | undefined} byUpdate's order, and the state it was taken in */
    this.ordered = undefined
    /** @type {{ key: string, list: StoredIncident[] } | undefined} the last feed query's matches (see feedMatches) */
    this.lastFeed = undefined
    /** @type {Map<string, { name: string, flock_id: string, ip_address: string }>} Canaries by node_id */
    this.devices = new Map()
    /** @type {Map<number, Record<string, string>>} the queries cursors stand for */
    this.cursorQueries = new Map()
    /** @type {Map<string, number>} a query (as JSON) -> its number, so walking the same feed again adds nothing */
    this.queryRefs = new Map()
  }

  nextUpdatedId() {
    this.counter += 1
    return this.counter
  }

  /**
   * Every incident, the oldest change first (by updated_id), as the feeds page them. Kept until the next change:
   * updated_id moves only through nextUpdatedId and incidents come and go only through byKey, so the counter and
   * the count (version) say when the order may have changed (a feed of 100,000 incidents is read a page at a time).
   */
  byUpdate() {
    const version = this.version()
    if (this.ordered?.version !== version) this.ordered = { version, list: [...this.byKey.values()].sort((a, b) => a.updated_id - b.updated_id) }
    return this.ordered.list
  }

  /** Changes whenever an incident comes or changes (each is a nextUpdatedId) or goes (the count). */
  version() {
    return `${this.counter}:${this.byKey.size}`
  }

  /** @param {StoredIncident} incident */
  touch(incident) {
    incident.updated_id = this.nextUpdatedId()
    incident.updatedMs = this.now()
  }

  /** @param {string} canarytoken */
  ofToken(canarytoken) {
    return [...this.byKey.values()].filter((incident) => incident.canarytoken === canarytoken)
  }

  /** @param {string} canarytoken */
  deleteOfToken(canarytoken) {
    for (const incident of this.ofToken(canarytoken)) this.byKey.delete(incident.id)
  }

  /**
   * @param {Omit<StoredIncident, 'id' | 'hash_id' | 'updated_id' | 'updatedMs'>} fields
   * @param {string} type the key's middle part
   */
  add(fields, type) {
    /** @type {StoredIncident} */
    const incident = { ...fields, id: `incident:${type}:${randomHex(24)}:${seconds(fields.createdMs)}`, hash_id: randomHex(32), updated_id: this.nextUpdatedId(), updatedMs: Math.max(this.now(), fields.createdMs) }
    this.byKey.set(incident.id, incident)
    return incident
  }

  /** @param {Record<string, string>} query @returns {number} */
  rememberQuery(query) {
    const text = JSON.stringify(Object.entries(query).sort())
    const known = this.queryRefs.get(text)
    if (known !== undefined) return known
    const ref = this.cursorQueries.size + 1
    this.cursorQueries.set(ref, query)
    this.queryRefs.set(text, ref)
    return ref
  }
}

// ---------------------------------------------------------------- feeds

/** @typedef {'all' | 'acknowledged' | 'unacknowledged'} FeedName */
const FEED_TITLES = { all: 'All Incidents', acknowledged: 'Acknowledged Incidents', unacknowledged: 'Unacknowledged Incidents' }
/** Parameters a feed's cursor carries. */
const FEED_QUERY = ['node_id', 'flock_id', 'incidents_since', 'newer_than', 'older_than', 'event_limit', 'shrink', 'tz']

/**
 * Cursors: `<page>:<offset>:<limit>:<query>` in base64, numbers as the
 * reference's example cursors are (`MTE6MTA6MTQ0OjE6MjowOjI6NQ==` is
 * `11:10:144:1:2:0:2:5`). Offsets: incidents that leave the feed between
 * pages (acknowledged, deleted) shift the rest forward. The query (filters,
 * event_limit, ...) is kept on the Console under the last number, so later
 * pages may send the cursor alone, as canary_api2csv does.
 */
function encodeCursor(/** @type {number} */ offset, /** @type {number} */ limit, /** @type {number} */ ref) {
  return Buffer.from(`${Math.floor(offset / limit) + 1}:${offset}:${limit}:${ref}`, 'utf8').toString('base64')
}

/** @param {IncidentStore} store @param {string} text @param {string} feed */
function decodeCursor(store, text, feed) {
  const m = /^(\d+):(\d+):(\d+):(\d+)$/.exec(Buffer.from(text, 'base64').toString('utf8'))
  const query = m ? store.cursorQueries.get(Number(m[4])) : undefined
  if (!m || !query || query.feed !== feed || Number(m[3]) < 1) throw new ApiError(400, 'Invalid cursor')
  return { offset: Number(m[2]), limit: Number(m[3]), query, ref: Number(m[4]) }
}

/** @param {string | undefined} text @param {string} name */
function wholeNumber(text, name) {
  if (text === undefined || text === '') return undefined
  if (!/^\d+$/.test(text)) throw new ApiError(400, `Parameter ${name} was invalid.`)
  return Number(text)
}

/** `true`/`false` in any case (canary_api2csv sends `shrink=true`). @param {string | undefined} text @param {string} name */
function flag(text, name) {
  if (text === undefined || text === '') return undefined
  if (/^true$/i.test(text)) return true
  if (/^false$/i.test(text)) return false
  throw new ApiError(400, `Parameter ${name} was invalid.`)
}

/**
 * What the endpoints need from the Console state.
 * @typedef {object} IncidentContext
 * @property {IncidentStore} store
 * @property {Map<string, string>} flocks
 * @property {(flockId: string | undefined) => Set<string> | undefined} visibleFlocks the flocks the caller may see (undefined: all); checks a named flock
 * @property {(flockId: string) => void} assertFlock refuses an incident of a flock the caller may not touch
 * @property {Record<string, string>} params
 * @property {string} path
 * @property {string} baseUrl
 * @property {string} authToken
 * @property {boolean} strict
 */

/** @param {IncidentContext} ctx @param {StoredIncident} incident */
const flockNameOf = (ctx, incident) => ctx.flocks.get(incident.flock_id) ?? ''

/**
 * The filters of the query feeds.
 * @param {IncidentContext} ctx
 * @param {Record<string, string>} query
 * @param {FeedName} feed
 */
function feedMatches(ctx, query, feed) {
  const flocks = ctx.visibleFlocks(query.flock_id)
  const since = wholeNumber(query.incidents_since, 'incidents_since')
  const newer = feedTimestamp(query.newer_than, 'newer_than')
  const older = feedTimestamp(query.older_than, 'older_than')
  // A feed read page by page asks the same query again and again: its matches are kept until the store changes
  // (see byUpdate), or each page of 100,000 incidents would test them all again.
  const key = JSON.stringify([ctx.store.version(), feed, Object.entries(query).sort(), flocks ? [...flocks].sort() : null])
  if (ctx.store.lastFeed?.key === key) return ctx.store.lastFeed.list
  const list = ctx.store.byUpdate().filter((incident) => {
    if (feed === 'acknowledged' && !incident.acknowledged) return false
    if (feed === 'unacknowledged' && incident.acknowledged) return false
    if (flocks && !flocks.has(incident.flock_id)) return false
    if (query.node_id && incident.node_id !== query.node_id) return false
    if (since !== undefined && incident.updated_id <= since) return false
    if (newer !== undefined && seconds(incident.createdMs) * 1000 <= newer) return false
    if (older !== undefined && seconds(incident.createdMs) * 1000 >= older) return false
    return true
  })
  ctx.store.lastFeed = { key, list }
  return list
}

/** @param {FeedName} feed */
export const feedHandler = (feed) => (/** @type {IncidentContext} */ ctx) => {
  const p = ctx.params
  let query
  /** @type {{ offset: number, limit: number, ref?: number } | undefined} */
  let paging
  if (p.cursor) {
    const cursor = decodeCursor(ctx.store, p.cursor, feed)
    query = cursor.query
    paging = { offset: cursor.offset, limit: cursor.limit, ref: cursor.ref }
  } else {
    query = /** @type {Record<string, string>} */ ({ feed })
    for (const name of FEED_QUERY) if (p[name] !== undefined && p[name] !== '') query[name] = p[name]
    const limit = wholeNumber(p.limit, 'limit')
    if (limit !== undefined) {
      if (limit < 1) throw new ApiError(400, 'Parameter limit was invalid.')
      paging = { offset: 0, limit }
    }
  }
  /** @type {ShowOptions} */
  const show = { eventLimit: wholeNumber(query.event_limit, 'event_limit'), shrink: flag(query.shrink, 'shrink') ?? true, tz: checkTz(query.tz) }
  const list = feedMatches(ctx, query, feed)
  let items = list
  /** @type {{ next: string | null, next_link: string | null, prev: string | null, prev_link: string | null }} */
  let cursor = { next: null, next_link: null, prev: null, prev_link: null }
  if (paging) {
    const { offset, limit } = paging
    const start = Math.min(offset, list.length)
    const end = Math.min(start + limit, list.length)
    items = list.slice(start, end)
    const ref = paging.ref ?? ctx.store.rememberQuery(query)
    const next = end < list.length ? encodeCursor(end, limit, ref) : null
    const prev = start > 0 ? encodeCursor(Math.max(0, start - limit), limit, ref) : null
    // As the reference's next_link: the cursor, then the caller's auth token.
    const link = (/** @type {string | null} */ value) => (value ? `${ctx.baseUrl}${ctx.path}?cursor=${encodeURIComponent(value)}&auth_token=${encodeURIComponent(ctx.authToken)}` : null)
    cursor = { next, next_link: link(next), prev, prev_link: link(prev) }
  }
  const latest = items.reduce((most, incident) => Math.max(most, incident.updatedMs), 0) || ctx.store.now()
  /** @type {Record<string, unknown>} */
  const answer = {
    cursor,
    feed: FEED_TITLES[feed],
    incidents: items.map((incident) => present(incident, flockNameOf(ctx, incident), show))
  }
  // "The returned feed includes a max_updated_id field if the incident list has entries": the largest of this answer.
  if (items.length > 0) answer.max_updated_id = items.reduce((most, incident) => Math.max(most, incident.updated_id), 0)
  return { ...answer, result: 'success', updated: new Date(latest).toUTCString(), updated_std: stdTime(latest, show.tz), updated_timestamp: seconds(latest) }
}

// ---------------------------------------------------------------- one incident

/** @param {IncidentContext} ctx @param {string | undefined} key */
function incidentFor(ctx, key) {
  const incident = ctx.store.byKey.get(key ?? '')
  if (!incident) throw new ApiError(400, 'Incident not found')
  ctx.assertFlock(incident.flock_id)
  return incident
}

/** @param {IncidentContext} ctx */
export function fetchIncident(ctx) {
  const { incident: key, hash_id: hash } = ctx.params
  if (!key && !hash) throw new ApiError(400, 'Either incident or hash_id is required')
  const found = key ? incidentFor(ctx, key) : [...ctx.store.byKey.values()].find((incident) => incident.hash_id === hash)
  if (!found) throw new ApiError(400, 'Incident not found')
  ctx.assertFlock(found.flock_id)
  return { incident: presentFlat(found, flockNameOf(ctx, found), { tz: checkTz(ctx.params.tz) }), result: 'success' }
}

/** @param {boolean} acknowledged */
export const setAcknowledged = (acknowledged) => (/** @type {IncidentContext} */ ctx) => {
  const incident = incidentFor(ctx, ctx.params.incident)
  if (incident.acknowledged !== acknowledged) {
    incident.acknowledged = acknowledged
    ctx.store.touch(incident)
  }
  return { action: acknowledged ? 'acknowledged' : 'unacknowledged', key: incident.id, result: 'success' }
}

/** @param {IncidentContext} ctx */
export function deleteIncident(ctx) {
  const incident = incidentFor(ctx, ctx.params.incident)
  // canarytools-python refuses to delete an unacknowledged incident ("Incident must be acknowledged in order to delete"); strict mode does too.
  if (ctx.strict && !incident.acknowledged) throw new ApiError(400, 'Cannot delete an unacknowledged incident: acknowledge it first')
  ctx.store.byKey.delete(incident.id)
  return { action: 'deleted', key: incident.id, result: 'success' }
}

// ---------------------------------------------------------------- many incidents

const BULK_FILTERS = ['flock_id', 'node_id', 'src_host', 'older_than', 'filter_str', 'filter_logtypes']

/** @param {IncidentContext} ctx */
function bulkMatches(ctx) {
  const p = ctx.params
  const given = BULK_FILTERS.filter((name) => p[name] !== undefined && p[name] !== '')
  if (given.length === 0) throw new ApiError(400, `At least one of ${BULK_FILTERS.join(', ')} is required`)
  if (p.node_id && p.src_host) throw new ApiError(400, 'Cannot use src_host and node_id together')
  const flocks = ctx.visibleFlocks(p.flock_id || undefined)
  const before = p.older_than ? ctx.store.now() - period(p.older_than) : undefined
  const logtypes = p.filter_logtypes ? new Set(p.filter_logtypes.split(',').map((t) => t.trim())) : undefined
  const text = p.filter_str?.toLowerCase()
  return [...ctx.store.byKey.values()].filter((incident) => {
    if (flocks && !flocks.has(incident.flock_id)) return false
    if (p.node_id && incident.node_id !== p.node_id) return false
    if (p.src_host && incident.src_host !== p.src_host) return false
    if (before !== undefined && incident.createdMs >= before) return false
    if (logtypes && !logtypes.has(incident.logtype)) return false
    // "Source IP, Canary Name, Token Name, NodeID and Reverse IP Lookup"
    if (text && ![incident.src_host, incident.name, incident.memo ?? '', incident.node_id, incident.src_host_reverse ?? ''].some((field) => field.toLowerCase().includes(text))) return false
    return true
  })
}

/** @param {boolean} acknowledged */
export const bulkAcknowledge = (acknowledged) => (/** @type {IncidentContext} */ ctx) => {
  const changed = bulkMatches(ctx).filter((incident) => incident.acknowledged !== acknowledged)
  for (const incident of changed) {
    incident.acknowledged = acknowledged
    ctx.store.touch(incident)
  }
  return { action: acknowledged ? 'acknowledged' : 'unacknowledged', keys: changed.map((incident) => incident.id), result: 'success' }
}

/** @param {IncidentContext} ctx */
export function bulkDelete(ctx) {
  const all = flag(ctx.params.include_unacknowledged, 'include_unacknowledged') ?? false
  const gone = bulkMatches(ctx).filter((incident) => all || incident.acknowledged)
  for (const incident of gone) ctx.store.byKey.delete(incident.id)
  return { action: 'deleted', keys: gone.map((incident) => incident.id), result: 'success' }
}

// ---------------------------------------------------------------- search

/** `Tue Apr 07 2020 12:28:40 GMT+0000 (UTC)`. @param {number} ms */
const printable = (ms) => `${new Date(ms).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $4 $5')} GMT+0000 (UTC)`

/** `5 hours`, `3 days`. @param {number} secondsAgo */
function age(secondsAgo) {
  const units = /** @type {const} */ ([['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]])
  for (const [unit, size] of units) {
    const count = Math.floor(secondsAgo / size)
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'}`
  }
  return '0 seconds'
}

/**
 * A search result: flat, with `key`/`incident_key` and `logdata` (the events), as the reference's search example.
 * Not shown: `host` (the Canary's own record), `sensor`, `slack_channel`, `slack_ts`.
 * @param {IncidentContext} ctx
 * @param {StoredIncident} incident
 */
function searchItem(ctx, incident) {
  const d = descriptionOf(incident, flockNameOf(ctx, incident), {})
  const now = ctx.store.now()
  const createdAge = Math.max(0, Math.floor((now - incident.createdMs) / 1000))
  const updatedAge = Math.max(0, Math.floor((now - incident.updatedMs) / 1000))
  const events = d.events
  /** @type {Record<string, any>} */
  const rest = { ...d }
  for (const name of ['events', 'flock_name', 'memo', 'name', 'created_std']) delete rest[name]
  return {
    ...rest,
    ip_address: '',
    ippers: '',
    mac_address: '',
    src_host_reverse: incident.src_host_reverse ?? '',
    created_age: age(createdAge),
    created_age_seconds: createdAge,
    created_printable: printable(incident.createdMs),
    events_list: incident.events.map((event) => Number(event.timestamp ?? seconds(incident.createdMs)) * 1000),
    events_list_printable: incident.events.map((event) => printable(Number(event.timestamp ?? seconds(incident.createdMs)) * 1000)).join(', '),
    hash_id: incident.hash_id,
    incident_key: incident.id,
    key: incident.id,
    logdata: events,
    previously_seen_count: [...ctx.store.byKey.values()].filter((other) => other !== incident && other.src_host === incident.src_host && other.createdMs <= incident.createdMs).length,
    updated: 'True',
    updated_id: incident.updated_id,
    updated_time: String(seconds(incident.updatedMs)),
    updated_time_age: age(updatedAge),
    updated_time_age_seconds: updatedAge,
    updated_time_printable: printable(incident.updatedMs)
  }
}

const SEARCH_QUERY = ['node_id', 'flock_id', 'filter_str', 'filter_logtypes', 'filter_incident_state', 'newer_than', 'older_than']

/** GET /api/v1/incidents/search. @param {IncidentContext} ctx */
export function searchIncidents(ctx) {
  const p = ctx.params
  let query
  /** @type {{ offset: number, limit: number, ref?: number } | undefined} */
  let paging
  if (p.cursor) {
    const cursor = decodeCursor(ctx.store, p.cursor, 'search')
    query = cursor.query
    paging = { offset: cursor.offset, limit: cursor.limit, ref: cursor.ref }
  } else {
    query = /** @type {Record<string, string>} */ ({ feed: 'search' })
    for (const name of SEARCH_QUERY) if (p[name] !== undefined && p[name] !== '') query[name] = p[name]
    const limit = wholeNumber(p.limit, 'limit')
    if (limit !== undefined) {
      if (limit < 1) throw new ApiError(400, 'Parameter limit was invalid.')
      paging = { offset: 0, limit }
    }
  }
  const state = query.filter_incident_state ?? 'unacknowledged'
  if (!['all', 'acknowledged', 'unacknowledged'].includes(state)) throw new ApiError(400, 'Parameter filter_incident_state was invalid.')
  const logtypes = query.filter_logtypes ? new Set(query.filter_logtypes.split(',').map((t) => t.trim())) : undefined
  const text = query.filter_str?.toLowerCase()
  const list = feedMatches(ctx, query, /** @type {FeedName} */ (state)).filter((incident) => {
    if (logtypes && !logtypes.has(incident.logtype)) return false
    // "alert name, node_id, source IP, and destination IP"
    if (text && ![incident.summary, incident.name, incident.node_id, incident.src_host, incident.dst_host].some((field) => field.toLowerCase().includes(text))) return false
    return true
  })
  const limit = paging?.limit ?? Math.max(1, list.length)
  const start = Math.min(paging?.offset ?? 0, list.length)
  const end = Math.min(start + limit, list.length)
  const items = list.slice(start, end)
  /** @type {Record<string, string | null>} */
  let cursor = { next: null, next_link: null, prev: null, prev_link: null }
  if (paging) {
    const ref = paging.ref ?? ctx.store.rememberQuery(query)
    const next = end < list.length ? encodeCursor(end, limit, ref) : null
    const prev = start > 0 ? encodeCursor(Math.max(0, start - limit), limit, ref) : null
    const link = (/** @type {string | null} */ value) => (value ? `${ctx.baseUrl}${ctx.path}?cursor=${encodeURIComponent(value)}&auth_token=${encodeURIComponent(ctx.authToken)}` : null)
    cursor = { next, next_link: link(next), prev, prev_link: link(prev) }
  }
  /** @type {Record<string, number>} */
  const sources = {}
  for (const incident of list) sources[incident.src_host] = (sources[incident.src_host] ?? 0) + 1
  return {
    cursor,
    incident_source_counts: sources,
    incidents: items.map((incident) => searchItem(ctx, incident)),
    page_number: Math.floor(start / limit) + 1,
    result: 'success',
    total_pages: Math.max(1, Math.ceil(list.length / limit)),
    total_results: list.length
  }
}
