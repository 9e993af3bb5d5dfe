import { withoutSecretFields } from '../../secret-fields.js'
import type { IncidentRecord, TokenRecord } from '../types.js'
import { actionKind } from './kinds.js'

// A Canarytokens server's answers, read once, here: the create answer
// (TokenResponse and the kind's subclass, canarytokens/models/), the manage
// answer (ManageResponse: `canarydrop` and a few top-level fields) and the
// history's hits (TokenHit and the kinds' subclasses). A field that cannot
// be read is undefined, never guessed.

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The plain (string, number, boolean) fields of an object, as text. */
function stringFields(object: Json): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(object)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value)
  }
  return fields
}

/** The page that manages a token (the web app's route): it holds the manage auth, so it is a secret too. */
export function manageUrl(origin: URL, token: string, auth: string): string {
  return `${origin.origin}/nest/manage/${encodeURIComponent(auth)}/${encodeURIComponent(token)}`
}

/**
 * `created_at` as the canarydrop stores it: ISO 8601, without a zone
 * (`datetime.utcnow()`), so read as UTC; one with a zone is read as written.
 */
export function createdAt(value: unknown): Date | undefined {
  const raw = text(value)
  if (!raw || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return undefined
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`
  // JavaScript reads at most milliseconds: Python writes microseconds.
  const date = new Date(zoned.replace(/(\.\d{3})\d+/, '$1'))
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** A boolean as pydantic writes one; undefined when it is not one. */
function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined
}

function awsKeys(accessKeyId: unknown, secretAccessKey: unknown, region: unknown, output: unknown): TokenRecord['awsKeys'] {
  const id = text(accessKeyId)?.trim()
  const secret = text(secretAccessKey)?.trim()
  if (!id || !secret) return undefined
  return { accessKeyId: id, secretAccessKey: secret, region: text(region), output: text(output) }
}

/** Ready-made texts: the WireGuard config and the kubeconfig (decoded from base64). Masked already, as secret fields. */
function renders(kind: string, fields: Json): Record<string, string> | undefined {
  const found: Record<string, string> = {}
  const wgConf = text(fields.wg_conf)
  if (kind === 'wireguard' && wgConf) found.wireguard = wgConf
  const kubeconfig = text(fields.kubeconfig)
  if (kind === 'kubeconfig' && kubeconfig) found.kubeconfig = Buffer.from(kubeconfig, 'base64').toString('utf8')
  return Object.keys(found).length > 0 ? found : undefined
}

/**
 * The create answer as a record. The server does not echo the memo nor say
 * when it made the token; the memo is the one sent, `created` stays unknown.
 * A new token alerts (creating needs an e-mail address or a webhook).
 */
export function createdTokenRecord(origin: URL, answer: Json, memo: string): TokenRecord {
  const id = text(answer.token) ?? ''
  const auth = text(answer.auth_token)
  const kind = actionKind(text(answer.token_type) ?? '')
  return {
    id,
    kind,
    memo,
    enabled: true,
    triggeredCount: 0,
    hostname: text(answer.hostname),
    url: text(answer.token_url),
    manageAuth: auth,
    manageUrl: auth ? manageUrl(origin, id, auth) : undefined,
    awsKeys: kind === 'aws-id' ? awsKeys(answer.aws_access_key_id, answer.aws_secret_access_key, answer.region, answer.output) : undefined,
    renders: renders(kind, answer),
    fieldValues: stringFields(answer),
    details: withoutSecretFields(answer),
    answer: withoutSecretFields(answer)
  }
}

/** The token's id in a canarydrop: `canarytoken` is a Canarytoken object (`{"_value": ...}`) or, read another way, the text. */
function dropToken(drop: Json): string | undefined {
  const value = drop.canarytoken
  if (isRecord(value)) return text(value._value)
  return text(value)
}

/** The hits a canarydrop or a history answer holds. */
function hitsOf(details: unknown): Json[] {
  return isRecord(details) && Array.isArray(details.hits) ? details.hits.filter(isRecord) : []
}

/**
 * The manage answer as a record: `created` from `created_at`, `enabled` when
 * e-mail or webhook alerting is on, the count from the hits kept (the server
 * keeps the last 50).
 */
export function managedTokenRecord(origin: URL, answer: Json, ref: { id: string; manageAuth?: string }): TokenRecord {
  const drop = isRecord(answer.canarydrop) ? answer.canarydrop : {}
  const id = dropToken(drop) ?? ref.id
  const auth = text(drop.auth) ?? ref.manageAuth
  const kind = actionKind(text(drop.type) ?? '')
  const email = flag(drop.alert_email_enabled)
  const webhook = flag(drop.alert_webhook_enabled)
  // Top-level fields of ManageResponse (wg_conf, qr_code, ...) beside the canarydrop's own.
  const topLevel = Object.fromEntries(Object.entries(answer).filter(([name, value]) => name !== 'canarydrop' && value !== null))
  const fields: Json = { ...drop, token: id, ...topLevel }
  delete fields.canarytoken
  const hits = hitsOf(drop.triggered_details)
  return {
    id,
    kind,
    memo: typeof drop.memo === 'string' ? drop.memo : '',
    enabled: email === undefined && webhook === undefined ? undefined : email === true || webhook === true,
    created: createdAt(drop.created_at),
    triggeredCount: isRecord(drop.triggered_details) ? hits.length : undefined,
    hostname: text(drop.generated_hostname),
    url: text(drop.generated_url),
    manageAuth: auth,
    manageUrl: auth ? manageUrl(origin, id, auth) : undefined,
    awsKeys: kind === 'aws-id' ? awsKeys(drop.aws_access_key_id, drop.aws_secret_access_key, drop.aws_region, drop.aws_output) : undefined,
    renders: renders(kind, fields),
    fieldValues: stringFields(fields),
    details: withoutSecretFields({ ...drop, canarytoken: id, triggered_details: { hits: hits.length } }),
    answer: withoutSecretFields(answer)
  }
}

/** An AWS call's names: `additional_info.aws_key_log_data.eventName`, a list. */
function awsEvent(hit: Json): string | undefined {
  const info = hit.additional_info
  const log = isRecord(info) ? info.aws_key_log_data : undefined
  const names = isRecord(log) ? log.eventName : undefined
  if (Array.isArray(names)) return names.filter((name) => typeof name === 'string' && name !== '').join(', ') || undefined
  return text(names)
}

/**
 * One history hit as an incident. The user agent is `user_agent` on aws_keys
 * hits (AWSKeyTokenHit serialises `useragent` by that alias) and `useragent`
 * on the others; each is read first where the server puts it, the other
 * spelling second. The server keeps no incident ids, but it stores each
 * token's hits keyed by their time as `f"{time_of_hit:.6f}"`
 * (TokenHistory.serialize_for_v2), so no two hits of a token share one: that
 * text is the hit's id, the same from run to run (its place in the history is
 * not: the server keeps the last 50). A hit without a readable time is
 * `unknown#<place>`.
 */
export function incidentRecord(hit: Json, index: number, token: TokenRecord): IncidentRecord {
  const kind = token.kind
  const seconds = typeof hit.time_of_hit === 'number' ? hit.time_of_hit : Number.parseFloat(String(hit.time_of_hit ?? ''))
  const created = Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(Number.NaN)
  const userAgent = kind === 'aws-id' ? (text(hit.user_agent) ?? text(hit.useragent)) : (text(hit.useragent) ?? text(hit.user_agent))
  return {
    id: Number.isFinite(seconds) ? seconds.toFixed(6) : `unknown#${index}`,
    canarytoken: token.id,
    memo: token.memo,
    kind,
    srcHost: text(hit.src_ip) ?? '',
    created,
    acknowledged: false,
    event: kind === 'aws-id' ? awsEvent(hit) : text(hit.input_channel),
    userAgent
  }
}

/** The history answer's hits, oldest first. */
export function historyIncidents(answer: Json, token: TokenRecord): IncidentRecord[] {
  const history = isRecord(answer.history) ? answer.history : {}
  return hitsOf(history)
    .map((hit, index) => incidentRecord(hit, index, token))
    .sort((a, b) => (a.created.getTime() || 0) - (b.created.getTime() || 0))
}
