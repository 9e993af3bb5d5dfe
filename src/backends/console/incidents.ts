import { ApiError } from '../../http/errors.js'
import type { Endpoint, HttpTransport, Params, SuccessBody } from '../../http/transport.js'
import type { IncidentRecord } from '../types.js'
import type { PageCursor } from './canarytokens.js'

// The Console's incidents (canarytools-docs docs/incidents/: queries.md,
// actions.md, incident-objects.md), as data, and the ONLY place their raw
// fields are read. Canarytoken incidents only: a Canary (device) incident is
// counted and left out here, so nothing above ever sees one.

/** The feeds, by the `incident-state` that reads them. */
export type IncidentState = 'unacknowledged' | 'acknowledged' | 'all'
export const INCIDENT_STATES: readonly IncidentState[] = ['unacknowledged', 'acknowledged', 'all']

/** `repeatable`: acknowledging or deleting twice leaves the incident as once did. */
export const INCIDENT_ENDPOINTS = {
  unacknowledged: { method: 'GET', path: '/api/v1/incidents/unacknowledged', repeatable: true, answersList: 'incidents' },
  acknowledged: { method: 'GET', path: '/api/v1/incidents/acknowledged', repeatable: true, answersList: 'incidents' },
  all: { method: 'GET', path: '/api/v1/incidents/all', repeatable: true, answersList: 'incidents' },
  acknowledge: { method: 'POST', path: '/api/v1/incident/acknowledge', repeatable: true },
  delete: { method: 'DELETE', path: '/api/v1/incident/delete', repeatable: true }
} as const satisfies Record<string, Endpoint>

/** An incident as the feeds show it (queries.md); every field may be text where a number or boolean is meant. */
export interface RawIncident {
  id?: unknown
  updated_id?: unknown
  updated_time?: unknown
  summary?: unknown
  description?: {
    acknowledged?: unknown
    created?: unknown
    description?: unknown
    events?: unknown
    logtype?: unknown
    memo?: unknown
    node_id?: unknown
    src_host?: unknown
    flock_id?: unknown
    [field: string]: unknown
  }
  [field: string]: unknown
}

export interface FeedAnswer extends SuccessBody {
  cursor?: PageCursor | null
  incidents?: RawIncident[]
  max_updated_id?: unknown
}

/** What the Console narrows a feed by; the caller checks every incident again. */
export interface IncidentQuery {
  state: IncidentState
  /** The Console's node_id: a narrowing hint only (see nodeIdOf in index.ts). */
  nodeId?: string
  flockId?: string
  /** `incidents_since`: only incidents whose updated_id is greater. */
  since?: number
  pageSize?: number
}

/** One page of a feed, as records. */
export interface IncidentPage {
  incidents: IncidentRecord[]
  /** Canary (device) incidents on this page, left out. */
  deviceIncidents: number
  /** Token incidents this page had that could not be read (no key): left out, counted. */
  unreadable: number
  /** The page's `max_updated_id` (or the largest updated_id seen on it). */
  maxUpdatedId?: number
  /** 1-based */
  page: number
}

/**
 * Incidents asked for per page. The reference gives no maximum; an incident
 * with its events is a few KB, so 200 keep a page under a megabyte or two.
 */
export const INCIDENT_PAGE_SIZE = 200

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined)

/** Booleans as the Console writes them: `"True"`/`"False"`, true/false, 1/0. */
export function consoleBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 1 || (typeof value === 'string' && /^(true|1)$/i.test(value))) return true
  if (value === false || value === 0 || (typeof value === 'string' && /^(false|0)$/i.test(value))) return false
  return undefined
}

/** Whole numbers sent as numbers or text. */
export function consoleNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value)
  return undefined
}

/** Epoch seconds (as number or text) as a date. */
function epochDate(value: unknown): Date | undefined {
  const seconds = consoleNumber(value)
  const date = seconds === undefined ? undefined : new Date(seconds * 1000)
  // Seconds past what a date holds (year 275760) make an invalid one, which no later step can print.
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

/** Token logtypes (incident-objects.md): the HTTP family 17000-17999, DNS 16000-16999. */
function isTokenLogtype(logtype: unknown): boolean {
  const number = consoleNumber(logtype)
  return number !== undefined && number >= 16000 && number < 18000
}

type Event = Record<string, unknown>

function eventsOf(raw: RawIncident): Event[] {
  const events = raw.description?.events
  return Array.isArray(events) ? events.filter((event): event is Event => typeof event === 'object' && event !== null && !Array.isArray(event)) : []
}

/** A header by name, in whatever case the event wrote it. */
function header(event: Event, name: string): string | undefined {
  const headers = event.headers
  if (typeof headers !== 'object' || headers === null) return undefined
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === name && typeof value === 'string' && value !== '') return value
  }
  return undefined
}

/**
 * The user agent: the reference puts it in the event's `headers`
 * (`User-Agent`); some token kinds' events carry `useragent` (or
 * `user_agent`) of their own.
 */
function userAgentOf(event: Event): string | undefined {
  return header(event, 'user-agent') ?? text(event.useragent) ?? text(event.user_agent)
}

/** The event: its `event_name` (an AWS call), else the request it records (an HTTP token's `url`). */
function eventOf(event: Event): string | undefined {
  const name = text(event.event_name)
  if (name) return name
  const method = text(event.method) ?? text(event.request_method)
  const url = text(event.url) ?? text(event.path)
  return url ? `${method ? `${method} ` : ''}${url}` : undefined
}

/** Whether the Console incident is a Canarytoken's: an event names a token, or its logtype is a token logtype. */
export function isTokenIncident(raw: RawIncident): boolean {
  return eventsOf(raw).some((event) => text(event.canarytoken) !== undefined) || isTokenLogtype(raw.description?.logtype)
}

/**
 * A token incident as the action's record; undefined when it is not a
 * token's (a Canary's) or has no key. `feed` supplies `acknowledged` when
 * the incident's own field cannot be read: a feed holds only one state.
 */
export function incidentRecord(raw: RawIncident, feed: IncidentState): IncidentRecord | undefined {
  if (!isTokenIncident(raw)) return undefined
  const id = text(raw.id)
  if (!id) return undefined
  const description = raw.description ?? {}
  const events = eventsOf(raw)
  const first = events.find((event) => text(event.canarytoken) !== undefined) ?? events[0] ?? {}
  // The token that fired, from its event: the incident's node_id is not promised to be the token id.
  const canarytoken = text(first.canarytoken) ?? ''
  const acknowledged = consoleBoolean(description.acknowledged) ?? (feed === 'acknowledged')
  const created = epochDate(description.created) ?? epochDate(first.timestamp) ?? epochDate(raw.updated_time) ?? new Date(0)
  return {
    id,
    canarytoken,
    memo: typeof description.memo === 'string' ? description.memo : '',
    kind: text(first.type) ?? text(first.kind) ?? '',
    srcHost: text(description.src_host) ?? text(first.src_host) ?? '',
    created,
    acknowledged,
    event: eventOf(first),
    userAgent: userAgentOf(first),
    updatedId: consoleNumber(raw.updated_id),
    flockId: text(description.flock_id)
  }
}

/**
 * Every page of a feed: the first asks with `limit` and the query, later
 * ones send the `cursor` the Console gave, alone (the query lives in the
 * cursor: canary_api2csv pages this way). Ends when `cursor.next` is empty;
 * a cursor given twice stops the walk (it would loop for ever). A page at a
 * time in memory, whatever the feed's size.
 */
export async function* incidentPages(transport: HttpTransport, query: IncidentQuery): AsyncGenerator<IncidentPage> {
  const endpoint = INCIDENT_ENDPOINTS[query.state]
  const first: Params = {
    node_id: query.nodeId,
    flock_id: query.flockId,
    incidents_since: query.since,
    limit: query.pageSize ?? INCIDENT_PAGE_SIZE
  }
  const seen = new Set<string>()
  let cursor: string | undefined
  for (let page = 1; ; page++) {
    const answer = await transport.call<FeedAnswer>(endpoint, cursor === undefined ? first : { cursor })
    if (!Array.isArray(answer.incidents)) throw new ApiError(`${endpoint.path} answered without an "incidents" list`, 'result')
    const result: IncidentPage = { incidents: [], deviceIncidents: 0, unreadable: 0, page, maxUpdatedId: consoleNumber(answer.max_updated_id) }
    for (const raw of answer.incidents) {
      if (typeof raw !== 'object' || raw === null) continue
      if (!isTokenIncident(raw)) {
        result.deviceIncidents++
        continue
      }
      const record = incidentRecord(raw, query.state)
      if (!record) {
        result.unreadable++
        continue
      }
      if (record.updatedId !== undefined) result.maxUpdatedId = Math.max(result.maxUpdatedId ?? 0, record.updatedId)
      result.incidents.push(record)
    }
    yield result
    const next = answer.cursor?.next
    if (next === undefined || next === null || next === '') return
    if (seen.has(next)) throw new ApiError(`${endpoint.path} returned a page cursor it had already given; stopped listing to avoid a loop`, 'result')
    seen.add(next)
    cursor = next
  }
}

export interface IncidentActionAnswer extends SuccessBody {
  action?: string
  key?: string
}

export function acknowledgeIncident(transport: HttpTransport, key: string): Promise<IncidentActionAnswer> {
  return transport.call<IncidentActionAnswer>(INCIDENT_ENDPOINTS.acknowledge, { incident: key })
}

export function deleteIncident(transport: HttpTransport, key: string): Promise<IncidentActionAnswer> {
  return transport.call<IncidentActionAnswer>(INCIDENT_ENDPOINTS.delete, { incident: key })
}
